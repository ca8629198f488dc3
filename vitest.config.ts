import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

// Every package, the examples and the cross-package tests run in one `pnpm test`.
// Workspace packages resolve to their TypeScript sources through the `swirl-source` condition.
// 'module' is dropped: it would pick the AWS SDK's bundler-only dist-es build, which Node cannot load.
const conditions = ['swirl-source', ...defaultServerConditions.filter((condition) => condition !== 'module')];
const projectNames = ['core', 'workflow', 'activity', 'worker', 'client', 'server', 'testing', 'cli', 'blob-store', 'ui'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['swirl-source'] } },
  test: {
    projects: [
      ...projectNames.map((name) => ({
        extends: true as const,
        test: { name, root: `packages/${name}`, include: ['test/**/*.test.ts'] },
      })),
      { extends: true as const, test: { name: 'examples', root: 'examples', include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] } },
      { extends: true as const, test: { name: 'integration', root: 'test', include: ['**/*.test.ts'], exclude: ['**/node_modules/**', 'faults/**'] } },
      // Fault tests over real processes (kills, crashes, throttling, fuzz, soak): also `pnpm test:faults [--long]`.
      { extends: true as const, test: { name: 'faults', root: 'test/faults', include: ['**/*.test.ts'], testTimeout: 600_000, hookTimeout: 120_000 } },
    ],
    passWithNoTests: false,
    reporters: ['default', './test/summary-reporter.ts'],
    // The AWS SDK's one notice that its 2027 releases need Node 22, printed once per test process
    // (dozens of times in a run) and about no test: off through the SDK's own switch, nothing else hidden.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
