import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileExactCheck } from '../../src/schemas/exact-check.js';
import { OPERATION_NAMES, operationInputSchemas, parseOperationInput, type OperationName } from '../../src/index.js';
import { fullInputs, minimalInputs } from './sample-inputs.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

const checks = new Map(OPERATION_NAMES.map((operation) => [operation, compileExactCheck(operationInputSchemas[operation])]));

/** What the fast path must answer: zod accepts the value and its output equals the value itself. */
function zodReturnsItUnchanged(operation: OperationName, value: unknown): boolean {
  const result = operationInputSchemas[operation].safeParse(value);
  return result.success && isDeepStrictEqual(result.data, value);
}

const samples: ReadonlyArray<readonly [OperationName, Json]> = [
  ...OPERATION_NAMES.map((operation) => [operation, minimalInputs[operation] as Json] as const),
  ...fullInputs.map(([operation, input]) => [operation, input as Json] as const),
];

// Values near the edges the schemas draw: lengths (in code points, not UTF-16 units), the naming
// rule, durations, priorities, enums, decision types and numbers.
const edgeStrings = [
  '', ' ', ' lead', 'trail ', 'a:b', 'a/b', 'a|b', 'arn', 'tab\there', '\u0000', '\u007f', '\u0085',
  'NONE', 'none', '0', '60', '123456789', '-1', '+7', '2147483648', '-2147483648', '1.5',
  'TERMINATE', 'ABANDON', 'KILL', 'REGISTERED', 'TIMED_OUT', 'COMPLETED',
  'StartTimer', 'CompleteWorkflowExecution', 'ScheduleActivityTask', 'Unknown',
  'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(2048), 'x'.repeat(32769),
  '😀', '😀'.repeat(64), '😀'.repeat(65), '😀'.repeat(128), '😀'.repeat(129), '😀'.repeat(256), 'x' + '😀'.repeat(256),
];
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...edgeStrings),
  fc.constantFrom<Json>(-1, 0, 0.5, 1, 5, 1000, 1001, 2 ** 31, 1484676354.156, true, false, null, [], {}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

function pathsOf(value: Json, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...path, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  return paths;
}

type Mutation = { readonly at: number; readonly action: 'replace' | 'delete' | 'add-key' | 'wrap' | 'duplicate'; readonly value: Json; readonly key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('replace', 'replace', 'delete', 'add-key', 'wrap', 'duplicate'),
  value: edgeValue,
  key: fc.constantFrom('extra', 'name', 'decisionType', 'taskList', '__proto__', 'control'),
});

/** Applies one change at a path picked by `at`; the input is never modified. */
function mutate(root: Json, change: Mutation): Json {
  const copy = structuredClone(root);
  const paths = pathsOf(copy);
  const path = paths[change.at % paths.length]!;
  if (path.length === 0) return change.action === 'replace' ? change.value : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy) as Record<string | number, Json> | Json[];
  const last = path.at(-1)!;
  const node = (parent as Record<string | number, Json>)[last]!;
  switch (change.action) {
    case 'replace':
      (parent as Record<string | number, Json>)[last] = change.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'add-key':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'wrap':
      (parent as Record<string | number, Json>)[last] = [node];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(node));
      break;
  }
  return copy;
}

describe('compileExactCheck', () => {
  it.each(OPERATION_NAMES)('understands every part of the %s input schema', (operation) => {
    expect(checks.get(operation)!.complete).toBe(true);
  });

  it.each(samples)('accepts a valid %s input as it is', (operation, input) => {
    expect(zodReturnsItUnchanged(operation, input)).toBe(true);
    expect(checks.get(operation)!.check(input)).toBe(true);
  });

  it('answers true exactly when zod would return the value unchanged, over mutated inputs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 3 }), ([operation, input], changes) => {
        const value = changes.reduce(mutate, input);
        expect(checks.get(operation)!.check(value)).toBe(zodReturnsItUnchanged(operation, value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('measures lengths in code points as zod does, not in UTF-16 units', () => {
    const version = compileExactCheck(z.object({ version: z.string().min(2).max(64) })).check;
    expect(version({ version: '😀'.repeat(64) })).toBe(true);
    expect(version({ version: '😀'.repeat(65) })).toBe(false);
    expect(version({ version: '😀' })).toBe(false);
    expect(version({ version: '😀😀' })).toBe(true);
  });

  it('leaves what it does not understand to zod: the check answers false and reports itself incomplete', () => {
    const transformed = compileExactCheck(z.object({ count: z.string().transform(Number) }));
    expect(transformed.complete).toBe(false);
    expect(transformed.check({ count: '1' })).toBe(false);
    const loose = compileExactCheck(z.object({ name: z.string() }).catchall(z.string()));
    expect(loose.complete).toBe(false);
    expect(loose.check({ name: 'a' })).toBe(false);
  });
});

describe('parseOperationInput', () => {
  it('returns an input that needs no stripping as the same object, and strips one that does', () => {
    const exact = { taskToken: 'token', result: 'done' };
    expect(parseOperationInput('RespondActivityTaskCompleted', exact)).toBe(exact);
    const extra = { taskToken: 'token', result: 'done', unknownMember: 1 };
    const parsed = parseOperationInput('RespondActivityTaskCompleted', extra);
    expect(parsed).not.toBe(extra);
    expect(parsed).toEqual({ taskToken: 'token', result: 'done' });
  });
});
