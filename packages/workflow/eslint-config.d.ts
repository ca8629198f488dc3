/** Types of eslint-config.js: the determinism rules for workflow code as an ESLint flat-config block. */
type RuleEntry = ['error', ...unknown[]];

export declare const determinismRules: Readonly<Record<'no-restricted-properties' | 'no-restricted-globals' | 'no-restricted-syntax', RuleEntry>>;

/** A flat-config block applying the determinism rules (and a ban on Node's IO modules) to `files`. */
export declare function workflowDeterminism(options: { files: string[] }): { files: string[]; rules: Record<string, RuleEntry> };
