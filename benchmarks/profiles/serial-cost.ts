/**
 * Where the serial gap to the client ceiling comes from, outside `pnpm bench`: alternating rounds of
 * `<workflows>` serial one-activity workflows against the ceiling stub (answering the recorded
 * responses) and against the in-process server, with each round's wall time and its user/system
 * CPU per workflow. Run it under `--cpu-prof` to see the split by function.
 *
 *   node --import tsx benchmarks/profiles/serial-cost.ts 1000 5                            (compiled packages: run `pnpm build` first)
 *   node --conditions=swirl-source --import tsx benchmarks/profiles/serial-cost.ts 1000 5  (from source)
 */
import { startServer } from '@swirl/server';
import { localSwfClient } from '../harness/swf-client.js';
import { registerServerBenchTypes } from '../suites/server/one-activity-protocol.js';
import { recordOneWorkflow, replayRecorded } from '../suites/server/recorded-responses.js';
import { startStubServer } from '../suites/server/stub-server.js';
import { runSerial } from '../suites/server/workflow-drivers.js';

const perRound = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 5);
const lists = { taskList: 'serial-cost', activityTaskList: 'serial-cost-activities' };

const server = await startServer({ port: 0 });
const setup = localSwfClient(server.endpoint);
await registerServerBenchTypes(setup, lists.taskList, lists.activityTaskList);
const stub = await startStubServer(replayRecorded(await recordOneWorkflow(server.endpoint, localSwfClient, lists, 'recorded')));
const sides = [
  { name: 'ceiling', client: localSwfClient(stub.endpoint) },
  { name: 'server', client: localSwfClient(server.endpoint) },
];
for (const side of sides) await runSerial(side.client, 300, lists, `warm-${side.name}`);

for (let round = 0; round < rounds; round += 1) {
  const line: string[] = [`round ${round}:`];
  const wall: number[] = [];
  for (const side of sides) {
    const cpu = process.cpuUsage();
    const ms = await runSerial(side.client, perRound, lists, `${side.name}-${round}`);
    const used = process.cpuUsage(cpu);
    wall.push(ms);
    line.push(`${side.name} ${Math.round(perRound / (ms / 1_000))}/s (user ${Math.round(used.user / perRound)} us, sys ${Math.round(used.system / perRound)} us per workflow)`);
  }
  line.push(`server/ceiling ${((wall[0]! / wall[1]!) * 100).toFixed(1)}%`);
  console.log(line.join('  '));
}
for (const side of sides) side.client.destroy();
setup.destroy();
await stub.close();
await server.close();
