import type { OperationName } from '@swirl/core';

/** What the front end tells the engine about the call it is answering. */
export interface OperationContext {
  /** From the SigV4 credential scope; `us-east-1` when the request is unsigned. */
  readonly region: string;
  /** The `x-amzn-RequestId` of this call. */
  readonly requestId: string;
  /**
   * Long polls only: aborts when the client disconnects before the answer, so the poll can hand its
   * task to someone else. The engine reads it only when a poll has to wait (a task already queued
   * is handed out at once), so a front end may make it on first read.
   */
  readonly signal?: AbortSignal;
}

/**
 * The one thing the HTTP front end needs from the engine: run a validated wire-JSON input and
 * return wire JSON (or `undefined` for operations without output), throwing `SwfFault` for faults.
 * `SwfEngine` satisfies it; tests may pass a fake.
 */
export interface OperationExecutor {
  execute(operation: OperationName, input: unknown, context: OperationContext): Promise<Record<string, unknown> | undefined>;
}
