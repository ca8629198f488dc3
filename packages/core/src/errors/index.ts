export { SwfFault, SWF_FAULT_NAMES, SWF_FAULT_WIRE_TYPES, isSwfFaultName } from './swf-fault.js';
export type { SwfFaultName, ModeledSwfFaultName, SwfFaultBody } from './swf-fault.js';
