/**
 * A domain of many closed runs for the visibility suite. One run is started and terminated through
 * the engine; its closed record is the template every other run copies, with its own ids, times,
 * type, tags and close status, saved through the store in one transaction (starting and closing
 * 100,000 runs through the API would take minutes and measure the write path instead).
 */
import type { Store } from '@swirl/server';

type ExecutionRecord = NonNullable<ReturnType<Store['getExecution']>>;

export const VISIBILITY_DOMAIN = 'bench-visibility';
export const WORKFLOW_TYPES = ['OrderSaga', 'Refund', 'Invoice', 'Shipment', 'Audit'] as const;
export const TYPE_VERSIONS = ['1', '2'] as const;
/** Tags by share of runs: `tenant-0` ... `tenant-49` (2% each), and `vip` (1 run in 500). */
export const TENANTS = 50;
export const RARE_TAG = 'vip';
const CLOSE_STATUSES = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'TERMINATED', 'CANCELED'] as const;
/** Each workflow id is reused by this many runs (a run and its continue-as-new successors). */
export const RUNS_PER_WORKFLOW_ID = 4;

/** The seeded runs start one every `spacingMs`, ending at `newestStartMs`, and run `durationMs`. */
export interface ClosedRunsShape {
  readonly count: number;
  readonly newestStartMs: number;
  readonly spacingMs: number;
  readonly durationMs: number;
}

/** A small deterministic generator, so every size of the suite holds the same mix. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const startOf = (shape: ClosedRunsShape, index: number): number => shape.newestStartMs - (shape.count - 1 - index) * shape.spacingMs;

/** Saves `shape.count` closed runs cloned from `template` (a closed record the engine wrote). */
export function seedClosedRuns(store: Store, template: ExecutionRecord, shape: ClosedRunsShape): void {
  const random = mulberry32(15);
  const retentionMs = 90 * 24 * 3_600_000;
  store.transaction(() => {
    for (let index = 0; index < shape.count; index++) {
      const startTimestamp = startOf(shape, index);
      const closeTimestamp = startTimestamp + Math.floor(random() * shape.durationMs);
      const tags = [`tenant-${Math.floor(random() * TENANTS)}`, ...(index % 500 === 0 ? [RARE_TAG] : [])];
      store.saveExecution({
        ...template,
        domain: VISIBILITY_DOMAIN,
        workflowId: `order-${Math.floor(index / RUNS_PER_WORKFLOW_ID)}`,
        runId: `run-${index.toString(36).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
        workflowType: { name: WORKFLOW_TYPES[index % WORKFLOW_TYPES.length]!, version: TYPE_VERSIONS[Math.floor(index / 5) % 2]! },
        startTimestamp,
        closeTimestamp,
        closeStatus: CLOSE_STATUSES[Math.floor(random() * CLOSE_STATUSES.length)]!,
        tagList: tags,
        retainUntil: closeTimestamp + retentionMs,
      });
    }
  });
}
