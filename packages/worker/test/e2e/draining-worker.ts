/**
 * An activity worker in its own process that handles SIGTERM itself, for the shutdown test:
 * `node --conditions=swirl-source --import tsx draining-worker.ts <endpoint> <domain> <graceTime>`.
 * Prints "ready" once it polls, "started N" per Slow activity, and "exit <ms since SIGTERM>" last.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { pino } from 'pino';
import { Worker } from '../../src/index.js';
import { Slow } from './workflows.js';

const [endpoint, domain, graceTime] = process.argv.slice(2);
if (!endpoint || !domain || !graceTime) throw new Error('usage: draining-worker.ts <endpoint> <domain> <graceTime>');

const client = new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const worker = await Worker.create({
  client,
  domain,
  taskList: 'e2e-slow',
  activities: [new Slow()],
  activityPollers: 2,
  shutdownGraceTime: graceTime,
  identity: `draining-${process.pid}`,
  logger: pino({ level: 'warn' }, pino.destination(2)),
});
let signalledAt: number | undefined;
process.once('SIGTERM', () => (signalledAt = performance.now()));
worker.events.once('pollStarted', () => process.stdout.write('ready\n'));
await worker.run();
process.stdout.write(`exit ${Math.round(performance.now() - (signalledAt ?? performance.now()))}\n`);
