/** Per-operation client-side latency rows (p50, p99) from an SdkMeter. */
import type { SdkMeter } from '../../harness/sdk-meter.js';
import { median, percentile, round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';

export function recordLatencies(report: SuiteReport, meter: SdkMeter, phase: string): void {
  for (const [operation, stats] of Object.entries(meter.snapshot().operations)) {
    if (stats.durationsMs.length === 0) continue;
    const labels = { phase, operation, calls: stats.calls };
    report.measure('API call latency p50', round(median(stats.durationsMs)), 'ms', labels);
    report.measure('API call latency p99', round(percentile(stats.durationsMs, 99)), 'ms', labels);
  }
}
