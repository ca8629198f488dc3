/**
 * Runs one file host until Ctrl-C: a worker on the shared "files" list (decisions, downloads) and a
 * worker on this host's own list (process, upload). Start it on several machines, or several times
 * here with different HOST names: each file is processed where it was downloaded.
 */
import { hostname } from 'node:os';
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { fileHostWorkers, hostFolders } from './hosts.js';

const client = swfClientFromEnvironment();
const host = process.env['HOST_NAME'] ?? `${hostname()}-${process.pid}`;
const workers = await Promise.all(fileHostWorkers(hostFolders(host)).map((options) => Worker.create({ ...options, client, domain: EXAMPLES_DOMAIN })));
console.log(`file host ${host}: polling ${workers.map((worker) => `"${worker.activityTaskList}"`).join(' and ')}`);
await Promise.all(workers.map((worker) => worker.run()));
