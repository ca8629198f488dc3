/** SDK clients for local endpoints: dummy credentials, one region, no retries hiding errors. */
import { SWFClient } from '@aws-sdk/client-swf';

export function localSwfClient(endpoint: string, options: { maxAttempts?: number } = {}): SWFClient {
  return new SWFClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: options.maxAttempts ?? 1,
  });
}
