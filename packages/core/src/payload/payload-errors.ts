/** Errors of the payload path: conversion, codecs and the SWF size limit. */
import { SWF_LIMITS } from '../schemas/limits.js';

/** A value could not become a payload string, or a payload string could not become a value. */
export class PayloadConversionError extends Error {
  override readonly name = 'PayloadConversionError';
}

/** A codec could not decode a payload (wrong key, corrupted data, or a payload it did not write). */
export class PayloadCodecError extends Error {
  override readonly name = 'PayloadCodecError';
}

/** A payload is still over SWF's limit after conversion and codecs. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  readonly field: string;
  readonly size: number;
  readonly limit: number;

  constructor(field: string, size: number, limit: number) {
    super(
      `Payload "${field}" is ${size} characters, over the SWF limit of ${limit}: ` +
        'send less data, add a GzipCodec, or offload it to a blob store (BlobOffloadCodec from @swirl/blob-store)',
    );
    this.field = field;
    this.size = size;
    this.limit = limit;
  }
}

/** Throws `PayloadTooLargeError` when `value` is longer than `limit` characters. Absent payloads always fit. */
export function assertPayloadSize(field: string, value: string | undefined, limit: number = SWF_LIMITS.payload): void {
  if (value !== undefined && value.length > limit) throw new PayloadTooLargeError(field, value.length, limit);
}
