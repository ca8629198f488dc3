// @ts-check
/**
 * Determinism rules for workflow code, as an ESLint flat-config block. Workflow code is replayed
 * from history, so anything that reads the clock, randomness, timers, the process or the network
 * gives a different answer on replay. Add it to your eslint.config.js in one line:
 *
 *   import { workflowDeterminism } from '@swirl/workflow/eslint-config';
 *   export default [ ...yourConfig, workflowDeterminism({ files: ['src/workflows/**\/*.ts'] }) ];
 *
 * Swirl lints its own workflow runtime with the same rules.
 */

const TIMERS = 'Workflow code must use durable timers (this.sleep()), which replay from history.';

/** The rules, each message naming the replay-safe replacement. */
export const determinismRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Workflow code must use the workflow clock (this.now()), which replays identically.' },
    { object: 'Math', property: 'random', message: 'Workflow code must use this.random(), which is seeded from the run id.' },
    { object: 'globalThis', property: 'setTimeout', message: TIMERS },
    { object: 'globalThis', property: 'setInterval', message: TIMERS },
    { object: 'process', property: 'env', message: 'Workflow code may not read the environment: pass values in as input.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: TIMERS },
    { name: 'setInterval', message: TIMERS },
    { name: 'setImmediate', message: 'Workflow code must not schedule macrotasks: replay drains microtasks only.' },
    { name: 'fetch', message: 'Workflow code does no IO: call an activity.' },
    { name: 'process', message: 'Workflow code may not touch the process: pass values in as input.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock: use this.now() in workflow code.' },
  ],
};

/** Node modules that do IO or read the environment. */
const NODE_IO = ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'child_process', 'cluster', 'worker_threads', 'crypto', 'zlib', 'stream', 'timers', 'timers/*', 'process', 'readline', 'perf_hooks', 'async_hooks', 'vm'];

/**
 * A flat-config block applying the determinism rules to `files`, plus a ban on importing Node's IO
 * modules there (do IO in activities).
 * @param {{ files: string[] }} options
 */
export function workflowDeterminism({ files }) {
  return {
    files,
    rules: {
      ...determinismRules,
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_IO, message: 'Workflow code does no IO: do it in an activity and call that.' }] }],
    },
  };
}
