/**
 * `pnpm demo`: the order-saga example end to end, live. It starts the local SWF server in this
 * process (or uses the one at AWS_ENDPOINT_URL_SWF), a worker, and one order whose payment gateway
 * times out once and whose address no carrier serves: the saga charges and reserves in parallel,
 * retries the charge after a backoff, fails to ship, and compensates. Every history event is
 * printed as it arrives; then the result, and the commands to inspect the run afterwards.
 * It prints the web UI's page of the run; with `--keep` the in-process server (and its UI) stays up
 * until Ctrl-C, so the page can be opened. Exits 0 when the saga ends as designed, 1 otherwise.
 */
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSwfClient } from '@swirl/client';
import { createUiRequestListener, UI_BASE_PATH } from '@swirl/ui';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping } from './order-saga/activities.js';
import { unshippableOrder } from './order-saga/orders.js';
import { OrderSagaWorkflow, type OrderOutcome } from './order-saga/workflow.js';
import { EventNarrator } from './shared/event-narrator.js';
import { exportHistory, writeHistoryFile } from './shared/export-history.js';
import { followHistory } from './shared/follow-history.js';
import { startLocalRun, type LocalRun } from './shared/local-run.js';
import { EXAMPLES_DOMAIN } from './shared/swf-connection.js';

/** The demo gives up (and exits 1) when the saga has not closed by then. */
const DEMO_TIMEOUT_MS = 30_000;

const say = (line = '') => process.stdout.write(`${line}\n`);

/** The UI's page of one execution, on a server that serves the UI at /ui (`swirl server`, or this process's). */
function executionPageUrl(endpoint: string, workflowId: string, runId: string | undefined): string {
  const e = encodeURIComponent;
  return `${endpoint}${UI_BASE_PATH}/#/domains/${e(EXAMPLES_DOMAIN)}/executions/${e(workflowId)}${runId === undefined ? '' : `/${e(runId)}`}`;
}

async function runDemo(run: LocalRun, external: boolean, keep: boolean): Promise<void> {
  say(`Swirl demo: the order-saga example on ${external ? 'the SWF server at' : 'an in-process local SWF server at'} ${run.endpoint}`);
  say(`A worker polls task list "${ORDERS_TASK_LIST}" in domain "${EXAMPLES_DOMAIN}".`);
  say();

  const order = unshippableOrder(`demo-${Date.now().toString(36)}`);
  const workflowId = `order-${order.orderId}`;
  const handle = await run.client.start(OrderSagaWorkflow, { workflowId, input: order });
  say(`Started ${workflowId} (run ${handle.runId}): ${order.lines.length} order line${order.lines.length === 1 ? '' : 's'}, ${order.amountCents / 100} EUR, ship to ${order.shipTo.city}, ${order.shipTo.country}`);
  say();

  const narrator = new EventNarrator();
  const timeout = AbortSignal.timeout(DEMO_TIMEOUT_MS);
  for await (const event of followHistory(handle, { signal: timeout })) say(narrator.narrate(event));
  if (timeout.aborted) throw new Error(`the saga did not close within ${DEMO_TIMEOUT_MS / 1_000}s; is a worker for "${ORDERS_TASK_LIST}" running?`);

  const outcome: OrderOutcome = await handle.result();
  say();
  say('Result:');
  say(JSON.stringify(outcome, null, 2));
  if (outcome.status !== 'COMPENSATED' || outcome.compensations.length !== 2) {
    throw new Error(`expected the order to be compensated with a refund and a release, got ${outcome.status}`);
  }
  say();
  say('The charge and the reservation ran in parallel; the charge was retried after a 1s backoff;');
  say('shipping failed for good, so the refund and the release undid both steps.');

  // Saved in the CLI's export format, so the commands below work after this process is gone.
  const file = join(tmpdir(), 'swirl-demo', `${workflowId}.json`);
  const exported = await exportHistory(run.client, workflowId, handle.runId);
  await writeHistoryFile(file, exported);

  say();
  say(`The history (${exported.events.length} events) is saved in ${file}. Inspect it with:`);
  say(`  pnpm swirl history show ${file}`);
  say(`  pnpm swirl replay ${file} --workflows examples/order-saga/workflow.ts`);
  say();
  // The in-process server (with its web UI) outlives the demo only with --keep.
  const live = external || keep;
  if (live) say(`Open the web UI of this run${external ? '' : ' (the server stays up until Ctrl-C)'}:`);
  else say('The web UI of this run (while the demo runs; add --keep, as in `pnpm demo --keep`, to keep it up afterwards):');
  say(`  ${executionPageUrl(run.endpoint, workflowId, handle.runId)}`);
  say();
  if (!live) {
    say('The in-process server stops when the demo exits. To keep the execution on a server and inspect it live, run');
    say('`pnpm demo --keep`, or `pnpm swirl server` in another terminal and `AWS_ENDPOINT_URL_SWF=http://127.0.0.1:8233 pnpm demo` in this one;');
    say('the demo then uses that server and prints these commands for its new run (`workflow list` works at any time):');
  } else {
    say('The execution stays on that server; inspect it live with:');
  }
  const endpoint = live ? run.endpoint : 'http://127.0.0.1:8233';
  const cli = `pnpm swirl --endpoint ${endpoint} --domain ${EXAMPLES_DOMAIN}`;
  say(`  ${cli} workflow list --closed`);
  say(`  ${cli} workflow describe ${workflowId}`);
  say(`  ${cli} history show ${workflowId}`);
  say(`  ${cli} history export ${workflowId} -o ${workflowId}.json`);
}

async function untilInterrupted(): Promise<void> {
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  say('Stopping the server.');
}

// The SDK's notice about future Node versions says nothing about the demo; its own switch turns it off.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const externalEndpoint = process.env['AWS_ENDPOINT_URL_SWF'] || undefined;
const unknownArguments = process.argv.slice(2).filter((argument) => argument !== '--keep');
if (unknownArguments.length > 0) {
  process.stderr.write(`swirl demo: unknown argument ${unknownArguments.join(' ')}; the only option is --keep (keep the server and its web UI up until Ctrl-C)\n`);
  process.exit(2);
}
const keep = process.argv.includes('--keep');
let run: LocalRun | undefined;
try {
  run = await startLocalRun({
    workers: [
      {
        taskList: ORDERS_TASK_LIST,
        workflows: [OrderSagaWorkflow],
        activities: [new Inventory(), new Payments({ gatewayTimeoutsPerOrder: 1 }), new Shipping()],
      },
    ],
    ...(externalEndpoint !== undefined && { endpoint: externalEndpoint }),
  });
  // The in-process server serves the web UI at /ui, as `swirl server` does.
  run.server?.mount(UI_BASE_PATH, createUiRequestListener({ swf: createSwfClient({ endpoint: run.endpoint, env: {} }) }));
  await runDemo(run, externalEndpoint !== undefined, keep);
  if (keep && externalEndpoint === undefined) await untilInterrupted();
} catch (error) {
  const where = externalEndpoint === undefined ? '' : ` (SWF endpoint ${externalEndpoint} from AWS_ENDPOINT_URL_SWF)`;
  process.stderr.write(`swirl demo failed${where}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await run?.close();
}
// Long polls still held by a server we do not own would keep the process alive for up to a minute.
if (externalEndpoint !== undefined) process.exit();
