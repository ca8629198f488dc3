// @ts-check
/**
 * The package boundaries of ARCHITECTURE.md as lint rules. Each package's package.json is its
 * dependency allow-list (import-x/no-extraneous-dependencies); these rules add the finer lines:
 * what may be imported only as types, and what the deterministic workflow runtime may never touch.
 */

import path from 'node:path';
import { determinismRules } from '../packages/workflow/eslint-config.js';

const root = path.dirname(import.meta.dirname);

const swirl = (/** @type {string[]} */ ...names) => names.map((name) => `@swirl/${name}`);

/** Node modules that do IO or read the environment; the workflow runtime may import none of them. */
const NODE_IO = ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'child_process', 'cluster', 'worker_threads', 'crypto', 'zlib', 'stream', 'timers', 'timers/*', 'process', 'readline', 'perf_hooks', 'async_hooks', 'vm'];
const NETWORK = ['node:http', 'node:https', 'node:http2', 'node:net', 'node:dgram', 'node:dns', 'node:tls', 'http', 'https', 'net', 'dgram', 'dns', 'tls'];

/**
 * @param {string[]} forbidden packages that may not be imported at all
 * @param {string[]} typeOnly packages that may be imported only with `import type`
 * @param {string} why the message shown
 */
function restrict(forbidden, typeOnly, why) {
  return [
    'error',
    {
      patterns: [
        ...(forbidden.length ? [{ group: forbidden, message: why }] : []),
        ...(typeOnly.length ? [{ group: typeOnly, allowTypeImports: true, message: `${why} (type-only imports are allowed)` }] : []),
      ],
    },
  ];
}

const rule = '@typescript-eslint/no-restricted-imports';

const PACKAGES = ['core', 'workflow', 'activity', 'worker', 'client', 'server', 'testing', 'cli', 'blob-store', 'ui'];

/** A package's sources may import only what its own package.json declares: that file is its allow-list. */
const allowListConfigs = PACKAGES.map((name) => ({
  files: [`packages/${name}/src/**/*.ts`],
  rules: {
    'import-x/no-extraneous-dependencies': ['error', { packageDir: [path.join(root, 'packages', name)], devDependencies: false, peerDependencies: false, includeTypes: true }],
  },
}));

/** One flat-config block per package, applying to its sources (tests may reach further). */
export const boundaryConfigs = [
  ...allowListConfigs,
  {
    files: ['packages/core/src/**/*.ts'],
    rules: { [rule]: restrict([...swirl('*'), ...NETWORK, 'pino', 'p-queue', 'better-sqlite3'], ['@aws-sdk/*'], '@swirl/core holds shapes and pure helpers: it imports zod and SDK types only, never other @swirl packages or network code') },
  },
  {
    files: ['packages/workflow/src/**/*.ts'],
    rules: {
      [rule]: restrict([...NODE_IO, 'pino', 'p-queue', 'better-sqlite3', 'eventemitter3', ...swirl('workflow', 'activity', 'worker', 'client', 'server', 'testing', 'cli')], ['@aws-sdk/*'], 'The workflow runtime is deterministic and does no IO: it may import @swirl/core and nothing that touches the outside world'),
      // The same rules users apply to their own workflow code (@swirl/workflow/eslint-config).
      ...determinismRules,
    },
  },
  {
    files: ['packages/activity/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('workflow', 'worker', 'client', 'server', 'testing', 'cli'), [], '@swirl/activity may import only @swirl/core') },
  },
  {
    files: ['packages/worker/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('server', 'client', 'testing', 'cli'), [], '@swirl/worker may import core, workflow and activity, never the server or the client') },
  },
  {
    files: ['packages/client/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('worker', 'server', 'activity', 'testing', 'cli'), swirl('workflow'), '@swirl/client may import core, and workflow only for types') },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('workflow', 'activity', 'worker', 'client', 'testing', 'cli'), [], '@swirl/server depends on core only: it must behave like SWF, not like our framework') },
  },
  {
    files: ['packages/blob-store/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('workflow', 'activity', 'worker', 'client', 'server', 'testing', 'cli'), [], '@swirl/blob-store is a codec and its stores: it may import only @swirl/core') },
  },
  {
    files: ['packages/ui/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('workflow', 'activity', 'worker', 'client', 'server', 'cli'), [], '@swirl/ui calls SWF only through the SDK client it is given: it imports core and testing (the history file format), never the framework or the server') },
  },
  {
    files: ['packages/testing/src/**/*.ts'],
    rules: { [rule]: restrict(swirl('cli'), [], '@swirl/testing may not import the CLI') },
  },
];
