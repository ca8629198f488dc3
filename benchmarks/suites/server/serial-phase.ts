/**
 * Serial throughput against the SDK client's ceiling. Two ceilings, both do-nothing stubs in this
 * process: answering `{}` (the transport alone), and answering with the bodies the server under test
 * gave for one recorded workflow (the same requests sent and the same responses parsed: the
 * like-for-like ceiling the target is judged on). The server and that ceiling run in alternating blocks.
 */
import type { SWFClient } from '@aws-sdk/client-swf';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { median, round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { recordLatencies } from './latencies.js';
import { CALLS_PER_WORKFLOW } from './one-activity-protocol.js';
import { recordOneWorkflow, replayRecorded } from './recorded-responses.js';
import { compareSerial } from './serial-comparison.js';
import { startStubServer } from './stub-server.js';
import { runSerial, runSerialAgainstStub, type TaskLists } from './workflow-drivers.js';

const SERIAL_SHARE_TARGET = 0.8;

export interface SerialSizes {
  readonly transportCeiling: number;
  readonly blocks: number;
  readonly perBlock: number;
  readonly warmUp: number;
}

export async function measureSerial(report: SuiteReport, target: string, lists: TaskLists, run: string, sizes: SerialSizes): Promise<void> {
  const clients: SWFClient[] = [];
  const metered = (endpoint: string, meter: SdkMeter): SWFClient => {
    const made = meter.attach(localSwfClient(endpoint));
    clients.push(made);
    return made;
  };
  const emptyStub = await startStubServer();
  const recorded = await recordOneWorkflow(target, localSwfClient, lists, `record-${run}`);
  const replayStub = await startStubServer(replayRecorded(recorded));
  try {
    const transportMeter = new SdkMeter();
    const transportClient = metered(emptyStub.endpoint, transportMeter);
    await runSerialAgainstStub(transportClient, sizes.warmUp);
    transportMeter.reset();
    const transportMs = await runSerialAgainstStub(transportClient, sizes.transportCeiling);
    const transport = sizes.transportCeiling / (transportMs / 1_000);
    report.measure('SDK client ceiling, transport only (stub answering {})', round(transport), 'workflows/s', { workflows: sizes.transportCeiling });
    recordLatencies(report, transportMeter, 'stub answering {}');

    const ceilingMeter = new SdkMeter();
    const serverMeter = new SdkMeter();
    const ceilingClient = metered(replayStub.endpoint, ceilingMeter);
    const serverClient = metered(target, serverMeter);
    await runSerial(ceilingClient, sizes.warmUp, lists, `warm-ceiling-${run}`);
    await runSerial(serverClient, sizes.warmUp, lists, `warm-${run}`);
    ceilingMeter.reset();
    serverMeter.reset();
    const compared = await compareSerial(
      [
        { name: 'ceiling', run: (count, block) => runSerial(ceilingClient, count, lists, `ceiling-${run}-${block}`) },
        { name: 'server', run: (count, block) => runSerial(serverClient, count, lists, `serial-${run}-${block}`) },
      ],
      sizes.blocks,
      sizes.perBlock,
    );
    const ceiling = compared.throughput['ceiling']!;
    const serial = compared.throughput['server']!;
    const labels = { workflows: sizes.blocks * sizes.perBlock, blocks: sizes.blocks };
    report.measure('SDK client ceiling, serial (stub answering the recorded responses)', round(ceiling), 'workflows/s', labels);
    report.measure('SDK client ceiling, calls per second', round(ceiling * CALLS_PER_WORKFLOW), 'calls/s');
    report.measure('one-activity workflows completed, serial', round(serial), 'workflows/s', labels);
    const blockRatios = compared.blocks['server']!.map((rate, index) => rate / compared.blocks['ceiling']![index]!);
    report.measure('serial / ceiling, median of the blocks', round(median(blockRatios) * 100), '%', { min: round(Math.min(...blockRatios) * 100), max: round(Math.max(...blockRatios) * 100) });
    report.measure('serial / transport-only ceiling', round((serial / transport) * 100), '%');
    recordLatencies(report, ceilingMeter, 'ceiling stub');
    recordLatencies(report, serverMeter, 'serial');
    report.target({
      name: 'serial throughput vs SDK client ceiling (same requests and responses)',
      target: `>= ${SERIAL_SHARE_TARGET * 100}%`,
      actual: round((serial / ceiling) * 100),
      unit: '%',
      met: serial / ceiling >= SERIAL_SHARE_TARGET,
    });
  } finally {
    for (const made of clients) made.destroy();
    await emptyStub.close();
    await replayStub.close();
  }
}
