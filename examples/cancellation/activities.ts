/**
 * A long export that heartbeats its progress, and the cleanup that discards a partial export. The
 * warehouse stands in for the export's destination; it lives in the worker's memory here.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Activities } from '@swirl/activity';

export const CANCELLATION_TASK_LIST = 'cancellation';

/** Rows written per table: the export's destination. */
export class Warehouse {
  readonly #rows = new Map<string, number>();

  rows(table: string): number {
    return this.#rows.get(table) ?? 0;
  }

  append(table: string, rows: number): void {
    this.#rows.set(table, this.rows(table) + rows);
  }

  drop(table: string): number {
    const dropped = this.rows(table);
    this.#rows.delete(table);
    return dropped;
  }
}

const BATCH_ROWS = 100;

export class Exports extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: CANCELLATION_TASK_LIST, scheduleToStartTimeout: '1m', startToCloseTimeout: '1h', scheduleToCloseTimeout: '2h', heartbeatTimeout: 'NONE' },
    // SWF gives up on the export if no heartbeat comes for 2 s; heartbeats also carry cancellation back.
    methods: { exportRows: { heartbeatTimeout: '2s' } },
  };
  readonly #warehouse: Warehouse;

  constructor(warehouse: Warehouse) {
    super();
    this.#warehouse = warehouse;
  }

  /** Copies `rows` rows in batches, heartbeating after each; stops when the workflow cancels it. */
  async exportRows(input: { table: string; rows: number }): Promise<number> {
    let done = 0;
    while (done < input.rows) {
      // Aborted once a heartbeat learns of the cancel request: throwing it answers RespondActivityTaskCanceled.
      this.context.signal.throwIfAborted();
      await delay(20);
      const batch = Math.min(BATCH_ROWS, input.rows - done);
      this.#warehouse.append(input.table, batch);
      done += batch;
      this.context.heartbeat({ rowsDone: done });
    }
    return done;
  }

  /** Cleanup: removes whatever a cancelled export left behind. */
  async discardPartialExport(input: { table: string }): Promise<number> {
    return this.#warehouse.drop(input.table);
  }
}
