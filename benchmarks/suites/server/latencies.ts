/** Per-operation client-side latency rows (p50, p99) from an SdkMeter. */
import type { SdkMeter } from '../../harness/sdk-meter.js';
import { median, percentile, round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';

export interface CallLatency {
  readonly calls: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** p50 and p99 per operation of the calls a meter timed (operations without durations are left out). */
export function latencyStats(meter: SdkMeter): Record<string, CallLatency> {
  const stats: Record<string, CallLatency> = {};
  for (const [operation, { calls, durationsMs }] of Object.entries(meter.snapshot().operations)) {
    if (durationsMs.length > 0) stats[operation] = { calls, p50Ms: median(durationsMs), p99Ms: percentile(durationsMs, 99) };
  }
  return stats;
}

/** Reports latency rows for stats gathered elsewhere (e.g. in a Worker process). */
export function recordLatencyStats(report: SuiteReport, stats: Readonly<Record<string, CallLatency>>, phase: string): void {
  for (const [operation, latency] of Object.entries(stats)) {
    const labels = { phase, operation, calls: latency.calls };
    report.measure('API call latency p50', round(latency.p50Ms), 'ms', labels);
    report.measure('API call latency p99', round(latency.p99Ms), 'ms', labels);
  }
}

export function recordLatencies(report: SuiteReport, meter: SdkMeter, phase: string): void {
  recordLatencyStats(report, latencyStats(meter), phase);
}
