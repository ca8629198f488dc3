// @ts-check
import { workflowDeterminism } from '@swirl/workflow/eslint-config';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/'] },
  tseslint.configs.recommended,
  // Workflow code is replayed from history: no clock, randomness, timers, process or IO there.
  workflowDeterminism({ files: ['src/workflow.ts', 'src/workflows/**/*.ts'] }),
);
