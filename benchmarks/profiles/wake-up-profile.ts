/**
 * Profiling aid for the long-poll wake-up (not part of `pnpm bench`): runs many wake-up samples
 * against an in-process server so `node --cpu-prof` sees the wake-up path and little else.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir /tmp/wake-prof \
 *     benchmarks/profiles/wake-up-profile.ts [samples]
 *
 * That runs the compiled packages (`pnpm build` first); add `--conditions=swirl-source` for the sources.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { startServer } from '@swirl/server';
import { median, percentile, round } from '../harness/stats.js';
import { localSwfClient } from '../harness/swf-client.js';
import { registerServerBenchTypes } from '../suites/server/one-activity-protocol.js';
import { TaskTimelineStore } from '../suites/server/task-timeline-store.js';
import { measureWakeUps, type WakeUpSample } from '../suites/server/wake-up.js';

const samples = Number(process.argv[2] ?? 500);
const timeline = new TaskTimelineStore();
const server = await startServer({ port: 0, store: timeline });
const pollClient = localSwfClient(server.endpoint);
// When the server has handed the poll's whole response to the socket.
const pollResponseWrittenAt: number[] = [];
subscribe('http.server.response.finish', (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.headers['x-amz-target'] === 'SimpleWorkflowService.PollForDecisionTask') pollResponseWrittenAt.push(performance.now());
});
// Inside the SDK's deserializer: resolves when the HTTP response head arrives, before the body is parsed.
const responseHeadAt: number[] = [];
pollClient.middlewareStack.add(
  (next, context) => async (args) => {
    const result = await next(args);
    if (context.commandName === 'PollForDecisionTaskCommand') responseHeadAt.push(performance.now());
    return result;
  },
  { step: 'deserialize', name: 'wakeUpResponseHead', priority: 'low' },
);
const startClient = localSwfClient(server.endpoint);
try {
  await registerServerBenchTypes(startClient, 'profile', 'profile-activities');
  await measureWakeUps(pollClient, startClient, 20, 'profile-warm-up', timeline);
  const warmUpPolls = responseHeadAt.length;
  const warmUpWrites = pollResponseWrittenAt.length;
  const measured = await measureWakeUps(pollClient, startClient, samples, 'profile-wake-up', timeline);
  // Split "handed out -> answered" where the server has written the response and where its head reaches the SDK.
  const times = timeline.times();
  const split = measured.map((sample, index) => {
    const handedOutAt = times[index]!.handedOutAt!;
    const headAt = responseHeadAt[warmUpPolls + index]!;
    const writtenAt = pollResponseWrittenAt[warmUpWrites + index]!;
    return {
      handedOutToResponseWrittenMs: writtenAt - handedOutAt,
      responseWrittenToHeadMs: headAt - writtenAt,
      responseHeadToAnsweredMs: handedOutAt + sample.handedOutToAnsweredMs! - headAt,
    };
  });
  const field = (name: keyof WakeUpSample) => measured.map((sample) => sample[name] ?? Number.NaN);
  for (const name of ['startSentToAnsweredMs', 'scheduledToAnsweredMs', 'scheduledToHandedOutMs', 'handedOutToAnsweredMs'] as const) {
    process.stdout.write(`${name}: p50 ${round(median(field(name)))} ms, p99 ${round(percentile(field(name), 99))} ms\n`);
  }
  for (const name of ['handedOutToResponseWrittenMs', 'responseWrittenToHeadMs', 'responseHeadToAnsweredMs'] as const) {
    const values = split.map((sample) => sample[name]);
    process.stdout.write(`${name}: p50 ${round(median(values))} ms, p99 ${round(percentile(values, 99))} ms\n`);
  }
} finally {
  pollClient.destroy();
  startClient.destroy();
  await server.close();
}
