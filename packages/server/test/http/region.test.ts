import { describe, expect, it } from 'vitest';
import { regionFromAuthorization } from '../../src/http/region.js';

describe('regionFromAuthorization', () => {
  it('reads the region from the SigV4 credential scope', () => {
    expect(
      regionFromAuthorization('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/ap-southeast-2/swf/aws4_request, SignedHeaders=host, Signature=f00'),
    ).toBe('ap-southeast-2');
  });

  it('defaults to us-east-1 when unsigned or unparseable', () => {
    expect(regionFromAuthorization(undefined)).toBe('us-east-1');
    expect(regionFromAuthorization('Bearer abc')).toBe('us-east-1');
    expect(regionFromAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20240101')).toBe('us-east-1');
  });

  it("reads each request's own region when clients in different regions alternate", () => {
    const signed = (region: string) => `AWS4-HMAC-SHA256 Credential=AKID/20240101/${region}/swf/aws4_request, SignedHeaders=host, Signature=f00`;
    expect(['eu-west-1', 'us-west-2', 'eu-west-1'].map((region) => regionFromAuthorization(signed(region)))).toEqual(['eu-west-1', 'us-west-2', 'eu-west-1']);
    expect(regionFromAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20240101//swf/aws4_request')).toBe('us-east-1');
  });
});
