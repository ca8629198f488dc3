/** What every suite gets and returns. */
import type { BenchOptions } from './cli-options.js';
import type { Measurement, SuiteResult, TargetCheck } from './results.js';

export type SuiteContext = Pick<BenchOptions, 'quick' | 'endpoint'>;

export type Suite = (context: SuiteContext) => Promise<Omit<SuiteResult, 'suite' | 'durationMs'>>;

/** Collects a suite's rows as it measures. */
export class SuiteReport {
  readonly measurements: Measurement[] = [];
  readonly targets: TargetCheck[] = [];
  readonly notes: string[] = [];

  measure(name: string, value: number, unit: string, labels?: Readonly<Record<string, string | number>>): void {
    this.measurements.push(labels === undefined ? { name, value, unit } : { name, value, unit, labels });
  }

  target(check: TargetCheck): void {
    this.targets.push(check);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  result(): Omit<SuiteResult, 'suite' | 'durationMs'> {
    return { measurements: this.measurements, targets: this.targets, notes: this.notes };
  }
}
