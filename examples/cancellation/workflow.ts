/**
 * A long export the client can cancel. A cancel request cancels the workflow's root scope, which
 * requests cancellation of the running activity; the activity sees it on its next heartbeat and
 * stops. The workflow then runs its cleanup in a detached scope (the root scope is cancelled, so
 * anything scheduled in it would be cancelled at once) and rethrows, closing the run as CANCELED.
 */
import { Workflow, isCancellation } from '@swirl/workflow';
import { CANCELLATION_TASK_LIST, Exports } from './activities.js';

export interface ExportRequest {
  readonly table: string;
  readonly rows: number;
}

export class ExportWorkflow extends Workflow<ExportRequest, { rowsExported: number }> {
  static readonly type = { name: 'Export', version: '1', taskList: CANCELLATION_TASK_LIST, executionStartToCloseTimeout: '2h' };

  readonly #exports = this.activities(Exports);

  async execute({ table, rows }: ExportRequest): Promise<{ rowsExported: number }> {
    try {
      return { rowsExported: await this.#exports.exportRows({ table, rows }) };
    } catch (error) {
      if (!isCancellation(error)) throw error;
      const cleanup = this.activities(Exports, { scope: this.cancellationScope({ detached: true }) });
      const discarded = await cleanup.discardPartialExport({ table });
      this.log.info({ table, discarded }, 'export cancelled; partial rows discarded');
      throw error;
    }
  }
}
