/**
 * An activity worker in its own process, for the SIGKILL test:
 * `node --conditions=swirl-source --import tsx child-worker.ts <endpoint> <domain>`.
 * Prints "ready" once it polls; its Fragile activity prints "started <activityId>" and hangs.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { pino } from 'pino';
import { Worker } from '../../src/index.js';
import { Fragile, TASK_LIST } from './workflows.js';

const [endpoint, domain] = process.argv.slice(2);
if (!endpoint || !domain) throw new Error('usage: child-worker.ts <endpoint> <domain>');

const client = new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const worker = await Worker.create({
  client,
  domain,
  taskList: TASK_LIST,
  activities: [new Fragile()],
  identity: `child-${process.pid}`,
  logger: pino({ level: 'warn' }, pino.destination(2)),
});
worker.events.once('pollStarted', () => process.stdout.write('ready\n'));
await worker.run();
