/**
 * A fault as SWF answers it: HTTP 400 with `{"__type": "<namespace>#<Name>", "message"}`. The
 * local server throws these; the SDK turns the name back into its typed error classes.
 */

import type * as sdk from '@aws-sdk/client-swf';
import { expectTypes, type Equal } from '../schemas/type-equality.js';

const MODELED_NAMESPACE = 'com.amazonaws.swf.base.model';

/**
 * The wire `__type` of every fault, keyed by its name: the 11 modeled faults, the 4 service ones, and
 * the 4 authentication faults a signed endpoint answers (AWS JSON services' common errors).
 */
export const SWF_FAULT_WIRE_TYPES = {
  DefaultUndefinedFault: `${MODELED_NAMESPACE}#DefaultUndefinedFault`,
  DomainAlreadyExistsFault: `${MODELED_NAMESPACE}#DomainAlreadyExistsFault`,
  DomainDeprecatedFault: `${MODELED_NAMESPACE}#DomainDeprecatedFault`,
  LimitExceededFault: `${MODELED_NAMESPACE}#LimitExceededFault`,
  OperationNotPermittedFault: `${MODELED_NAMESPACE}#OperationNotPermittedFault`,
  TooManyTagsFault: `${MODELED_NAMESPACE}#TooManyTagsFault`,
  TypeAlreadyExistsFault: `${MODELED_NAMESPACE}#TypeAlreadyExistsFault`,
  TypeDeprecatedFault: `${MODELED_NAMESPACE}#TypeDeprecatedFault`,
  TypeNotDeprecatedFault: `${MODELED_NAMESPACE}#TypeNotDeprecatedFault`,
  UnknownResourceFault: `${MODELED_NAMESPACE}#UnknownResourceFault`,
  WorkflowExecutionAlreadyStartedFault: `${MODELED_NAMESPACE}#WorkflowExecutionAlreadyStartedFault`,
  ValidationException: 'com.amazon.coral.validate#ValidationException',
  SerializationException: 'com.amazon.coral.service#SerializationException',
  UnknownOperationException: 'com.amazon.coral.service#UnknownOperationException',
  ThrottlingException: 'com.amazon.coral.availability#ThrottlingException',
  MissingAuthenticationTokenException: 'com.amazon.coral.service#MissingAuthenticationTokenException',
  IncompleteSignatureException: 'com.amazon.coral.service#IncompleteSignatureException',
  InvalidSignatureException: 'com.amazon.coral.service#InvalidSignatureException',
  UnrecognizedClientException: 'com.amazon.coral.service#UnrecognizedClientException',
} as const;

export type SwfFaultName = keyof typeof SWF_FAULT_WIRE_TYPES;

/** The faults the SDK models as typed exception classes. */
export type ModeledSwfFaultName = Exclude<SwfFaultName, `${string}Exception`>;
// The SDK's 11 exception classes: a fault added to or missing from our table fails to compile.
type SdkModeledFaultName =
  | sdk.DefaultUndefinedFault['name']
  | sdk.DomainAlreadyExistsFault['name']
  | sdk.DomainDeprecatedFault['name']
  | sdk.LimitExceededFault['name']
  | sdk.OperationNotPermittedFault['name']
  | sdk.TooManyTagsFault['name']
  | sdk.TypeAlreadyExistsFault['name']
  | sdk.TypeDeprecatedFault['name']
  | sdk.TypeNotDeprecatedFault['name']
  | sdk.UnknownResourceFault['name']
  | sdk.WorkflowExecutionAlreadyStartedFault['name'];
expectTypes<Equal<ModeledSwfFaultName, SdkModeledFaultName>>();
export const SWF_FAULT_NAMES = Object.keys(SWF_FAULT_WIRE_TYPES) as readonly SwfFaultName[];

/** The JSON body of a fault response. */
export interface SwfFaultBody {
  readonly __type: string;
  readonly message: string;
}

export class SwfFault extends Error {
  override readonly name = 'SwfFault';
  readonly faultName: SwfFaultName;
  /** `__type` on the wire, e.g. `com.amazonaws.swf.base.model#UnknownResourceFault`. */
  readonly wireType: string;
  /** Every SWF fault is a client error. */
  readonly httpStatus = 400;

  constructor(faultName: SwfFaultName, message: string) {
    super(message);
    this.faultName = faultName;
    this.wireType = SWF_FAULT_WIRE_TYPES[faultName];
  }

  toWireBody(): SwfFaultBody {
    return { __type: this.wireType, message: this.message };
  }
}

export function isSwfFaultName(value: string): value is SwfFaultName {
  return Object.prototype.hasOwnProperty.call(SWF_FAULT_WIRE_TYPES, value);
}
