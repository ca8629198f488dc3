/**
 * The server's own CPU per serial one-activity workflow, with the server in a process of its own so
 * the client's CPU is not in the number: the steadiest way to compare two versions of the server.
 * Rounds of `<workflows>` after 300 warm-up workflows; prints each round's server CPU per workflow.
 * A third argument `sqlite` runs the server on a SQLite file in a temporary folder instead of memory.
 *
 *   node --import tsx benchmarks/profiles/server-cpu.ts 1000 5 [memory|sqlite]            (compiled packages: run `pnpm build` first)
 *   node --conditions=swirl-source --import tsx benchmarks/profiles/server-cpu.ts 1000 5  (from source)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../harness/server-process.js';
import { localSwfClient } from '../harness/swf-client.js';
import { median } from '../harness/stats.js';
import { registerServerBenchTypes } from '../suites/server/one-activity-protocol.js';
import { runSerial } from '../suites/server/workflow-drivers.js';

const perRound = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 5);
const lists = { taskList: 'server-cpu', activityTaskList: 'server-cpu-activities' };

const storeKind = process.argv[4] ?? 'memory';
if (storeKind !== 'memory' && storeKind !== 'sqlite') throw new Error(`store must be memory or sqlite, got ${storeKind}`);
const folder = await mkdtemp(join(tmpdir(), 'swirl-server-cpu-'));
const server = await startServerProcess({ store: storeKind === 'sqlite' ? { kind: 'sqlite', path: join(folder, 'server.db') } : { kind: 'memory' } });
const client = localSwfClient(server.endpoint);
try {
  await registerServerBenchTypes(client, lists.taskList, lists.activityTaskList);
  await runSerial(client, 300, lists, 'warm');
  await server.takeCpuMs();
  const perWorkflowUs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const ms = await runSerial(client, perRound, lists, `round-${round}`);
    const cpuUs = ((await server.takeCpuMs()) * 1_000) / perRound;
    perWorkflowUs.push(cpuUs);
    console.log(`round ${round}: ${Math.round(perRound / (ms / 1_000))} workflows/s, server CPU ${Math.round(cpuUs)} us per workflow`);
  }
  console.log(`median server CPU ${Math.round(median(perWorkflowUs))} us per workflow`);
} finally {
  client.destroy();
  await server.close();
  await rm(folder, { recursive: true, force: true });
}
