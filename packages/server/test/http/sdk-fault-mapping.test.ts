import * as sdk from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWF_FAULT_NAMES, SwfFault } from '@swirl/core';
import { FrontEndHarness } from './front-end-harness.js';

// Every fault the engine may throw, answered through the real front end to the real SDK: the
// modeled ones must arrive as the SDK's own exception classes, the service ones by name.
describe('faults as the AWS SDK v3 sees them', () => {
  let harness: FrontEndHarness;
  let swf: sdk.SWF;
  beforeAll(async () => {
    harness = await FrontEndHarness.start();
    swf = new sdk.SWF({ endpoint: harness.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    swf.destroy();
    await harness.stop();
  });

  for (const faultName of SWF_FAULT_NAMES) {
    it(`surfaces ${faultName} with its name, message and (when modeled) its SDK class`, async () => {
      harness.behaviour = async () => {
        throw new SwfFault(faultName, `simulated ${faultName}`);
      };
      const error = await swf.describeDomain({ name: 'd' }).then(
        () => undefined,
        (caught: unknown) => caught as sdk.SWFServiceException,
      );
      expect(error).toBeInstanceOf(sdk.SWFServiceException);
      expect(error?.name).toBe(faultName);
      expect(error?.message).toBe(`simulated ${faultName}`);
      expect(error?.$metadata.httpStatusCode).toBe(400);
      expect(error?.$metadata.requestId).toEqual(expect.any(String));
      const modeledClass = (sdk as unknown as Record<string, unknown>)[faultName];
      if (faultName.endsWith('Fault')) {
        expect(modeledClass).toBeTypeOf('function');
        expect(error).toBeInstanceOf(modeledClass as new () => unknown);
      }
    });
  }
});
