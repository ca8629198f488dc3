/**
 * The Temporal twin of Swirl's `SequentialActivities` workflow: N activities awaited one after the
 * other. Bundled with `bundleWorkflowCode` for Temporal's replay worker; never imported directly.
 */
import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<string> }>({ startToCloseTimeout: '1 minute' });

export async function sequentialActivities(count: number): Promise<number> {
  for (let i = 0; i < count; i += 1) await noop();
  return count;
}
