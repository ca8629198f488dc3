/** Builds the Temporal workflow bundle once per run (webpack), outside every timed section. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

/** Writes the bundle to a temporary file and returns its path (children load it by `codePath`). */
export async function writeTemporalBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./temporal/sequential-activities-workflow.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  const path = join(await mkdtemp(join(tmpdir(), 'swirl-bench-')), 'temporal-workflow-bundle.js');
  await writeFile(path, code);
  return path;
}
