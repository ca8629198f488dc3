/** A local server with the web UI mounted at /ui, as `swirl server` serves it, plus example workers. */
import { createSwfClient } from '@swirl/client';
import { createUiRequestListener, UI_BASE_PATH } from '@swirl/ui';
import { startLocalRun, type LocalRun, type LocalWorkerOptions } from '../../../examples/shared/local-run.js';

export interface UiRun extends LocalRun {
  /** `http://127.0.0.1:PORT/ui/` */
  readonly uiUrl: string;
  /** The page of one execution. */
  executionUrl(domain: string, workflowId: string, runId: string): string;
}

export async function startUiRun(workers: readonly LocalWorkerOptions[]): Promise<UiRun> {
  const run = await startLocalRun({ workers });
  run.server!.mount(UI_BASE_PATH, createUiRequestListener({ swf: createSwfClient({ endpoint: run.endpoint, env: {} }) }));
  const uiUrl = `${run.endpoint}${UI_BASE_PATH}/`;
  const e = encodeURIComponent;
  return Object.assign(run, { uiUrl, executionUrl: (domain: string, workflowId: string, runId: string) => `${uiUrl}#/domains/${e(domain)}/executions/${e(workflowId)}/${e(runId)}` });
}
