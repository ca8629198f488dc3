/**
 * Whether a series of RSS samples grows without bound. GC makes RSS saw-tooth, so single samples
 * prove nothing: after a warm-up third is dropped, the median of the last third is compared with
 * the median of the middle third. A leak keeps raising the last third; noise does not.
 */

export interface RssTrend {
  readonly middleMb: number;
  readonly lastMb: number;
  /** Least-squares slope over the samples after the warm-up, in MB per minute (printed, not judged). */
  readonly slopeMbPerMinute: number;
  /** How much the last third may exceed the middle third. */
  readonly allowedGrowthMb: number;
  readonly grows: boolean;
}

export interface RssSample {
  readonly atMs: number;
  readonly mb: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * `toleranceMb` and `toleranceFraction` (of the middle third's median) bound normal noise; the
 * larger of the two is allowed.
 */
export function rssTrend(samples: readonly RssSample[], toleranceMb: number, toleranceFraction: number): RssTrend {
  if (samples.length < 6) throw new Error(`an RSS trend needs at least 6 samples, got ${samples.length}`);
  const third = Math.floor(samples.length / 3);
  const settled = samples.slice(third);
  const middleMb = median(samples.slice(third, 2 * third).map((sample) => sample.mb));
  const lastMb = median(samples.slice(2 * third).map((sample) => sample.mb));
  const allowedGrowthMb = Math.max(toleranceMb, middleMb * toleranceFraction);
  return { middleMb, lastMb, slopeMbPerMinute: slope(settled), allowedGrowthMb, grows: lastMb - middleMb > allowedGrowthMb };
}

function slope(samples: readonly RssSample[]): number {
  const xs = samples.map((sample) => sample.atMs / 60_000);
  const ys = samples.map((sample) => sample.mb);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  for (let index = 0; index < xs.length; index += 1) {
    numerator += (xs[index]! - meanX) * (ys[index]! - meanY);
    denominator += (xs[index]! - meanX) ** 2;
  }
  return denominator === 0 ? 0 : numerator / denominator;
}
