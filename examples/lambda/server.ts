/**
 * A local SWF server that runs this example's Lambda functions; use it instead of `pnpm swirl
 * server`, which has none. Stops on Ctrl-C.
 *
 *   node --conditions=swirl-source --import tsx examples/lambda/server.ts [--port 8233]
 */
import { once } from 'node:events';
import { startServer } from '@swirl/server';
import { lambdaHandlers } from './functions.js';

const portFlag = process.argv.indexOf('--port');
const port = portFlag === -1 ? 8233 : Number(process.argv[portFlag + 1]);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`--port must be 0-65535, got ${process.argv[portFlag + 1]}`);

const server = await startServer({ port, lambdaHandlers });
console.log(`SWF server with Lambda functions ${Object.keys(lambdaHandlers).join(', ')} on ${server.endpoint}`);
console.log(`  export AWS_ENDPOINT_URL_SWF=${server.endpoint}`);
await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
await server.close();
