import { describe, expect, it } from 'vitest';
import { SWF_FAULT_NAMES, SwfFault, isSwfFaultName } from '../../src/index.js';

describe('SwfFault', () => {
  it('carries the modeled fault name, its namespaced wire type and HTTP 400', () => {
    const fault = new SwfFault('UnknownResourceFault', 'Unknown domain: foobar');
    expect(fault).toBeInstanceOf(Error);
    expect(fault.faultName).toBe('UnknownResourceFault');
    expect(fault.wireType).toBe('com.amazonaws.swf.base.model#UnknownResourceFault');
    expect(fault.httpStatus).toBe(400);
    expect(fault.message).toBe('Unknown domain: foobar');
    expect(fault.toWireBody()).toEqual({ __type: 'com.amazonaws.swf.base.model#UnknownResourceFault', message: 'Unknown domain: foobar' });
  });

  it('uses the coral namespaces for the faults outside the SWF model', () => {
    expect(new SwfFault('ValidationException', 'x').wireType).toBe('com.amazon.coral.validate#ValidationException');
    expect(new SwfFault('SerializationException', 'x').wireType).toBe('com.amazon.coral.service#SerializationException');
    expect(new SwfFault('UnknownOperationException', 'x').wireType).toBe('com.amazon.coral.service#UnknownOperationException');
    expect(new SwfFault('ThrottlingException', 'Rate exceeded').wireType).toBe('com.amazon.coral.availability#ThrottlingException');
  });

  it('uses the coral service namespace for the authentication faults', () => {
    expect(new SwfFault('InvalidSignatureException', 'x').wireType).toBe('com.amazon.coral.service#InvalidSignatureException');
    expect(new SwfFault('UnrecognizedClientException', 'x').httpStatus).toBe(400);
  });

  it('knows the 11 modeled faults, the 4 service exceptions and the 4 authentication ones', () => {
    expect(SWF_FAULT_NAMES).toHaveLength(19);
    expect(SWF_FAULT_NAMES.filter((name) => name.endsWith('Fault'))).toHaveLength(11);
    expect(isSwfFaultName('TypeDeprecatedFault')).toBe(true);
    expect(isSwfFaultName('NoSuchFault')).toBe(false);
  });
});
