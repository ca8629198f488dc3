/**
 * Records the committed histories of the examples: runs each example's scenario against an
 * in-process local server and writes the run's history with the CLI's export format into
 * `examples/<name>/histories/`. Run it after changing an example (all, or the ones named):
 *
 *   node --conditions=swirl-source --import tsx examples/record-histories.ts [hello order-saga ...]
 */
import { join, relative } from 'node:path';
import { recordings as approval } from './approval/recordings.js';
import { recordings as cancellation } from './cancellation/recordings.js';
import { recordings as fanOut } from './fan-out/recordings.js';
import { recordings as fileProcessing } from './file-processing/recordings.js';
import { recordings as hello } from './hello/recordings.js';
import { recordings as lambda } from './lambda/recordings.js';
import { recordings as orderSaga } from './order-saga/recordings.js';
import { writeHistoryFile } from './shared/export-history.js';
import type { Recording } from './shared/recording.js';
import { recordings as periodic } from './periodic/recordings.js';
import { recordings as versioning } from './versioning/recordings.js';

const RECORDINGS: Readonly<Record<string, readonly Recording[]>> = {
  hello,
  'order-saga': orderSaga,
  'file-processing': fileProcessing,
  'fan-out': fanOut,
  lambda,
  versioning,
  approval,
  periodic,
  cancellation,
};

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in RECORDINGS));
if (unknown.length > 0) {
  process.stderr.write(`unknown example(s): ${unknown.join(', ')}; known: ${Object.keys(RECORDINGS).join(', ')}\n`);
  process.exit(2);
}

for (const [example, recordings] of Object.entries(RECORDINGS)) {
  if (wanted.length > 0 && !wanted.includes(example)) continue;
  for (const recording of recordings) {
    const exported = await recording.record();
    const file = join(import.meta.dirname, example, 'histories', recording.file);
    await writeHistoryFile(file, exported);
    process.stdout.write(`${example}: ${exported.events.length} events of ${exported.execution.workflowId} -> ${relative(process.cwd(), file)}\n`);
  }
}
