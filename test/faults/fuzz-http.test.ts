/**
 * Issue 13, part 6 (the server): a property-based fuzz sends tens of thousands of malformed and
 * hostile requests across all 39 operations to a server process: wrong types, huge strings, deep
 * JSON, invalid UTF-8, bodies over the 1 MB limit, bad or missing X-Amz-Target, truncated and slow
 * bodies. No answer is a 5xx, the server never exits, its memory stays bounded, and every
 * validation fault names the field.
 */
import { Agent } from 'node:http';
import { OPERATION_NAMES, type OperationName } from '@swirl/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, truncatedPost, type RawAnswer } from './load-support/raw-http.js';
import { OPERATION_FIELDS, type FieldKind, type OperationField } from './load-support/schema-fields.js';
import { startServerProcess, type ServerProcess } from './load-support/server-process.js';
import { faultSize, faultTimeout } from './profile.js';

const BATCH = 20;
const RUNS = faultSize(1_000, 5_000);
const MAX_REQUEST_BYTES = 1024 * 1024;
// The largest string any SWF field accepts is 32,768 characters (input, result, details).
const LONGEST_SWF_STRING = 32_768;
// The server's RSS may grow by this much under the fuzz (buffers of 1 MB bodies, zod's copies); a leak per request would pass it.
const RSS_GROWTH_BOUND_MB = 256;

type Case =
  | { readonly kind: 'wrong-type'; readonly operation: OperationName; readonly field: OperationField; readonly value: unknown }
  | { readonly kind: 'huge-string'; readonly operation: OperationName; readonly field: OperationField; readonly length: number }
  | { readonly kind: 'deep-json'; readonly operation: OperationName; readonly field: OperationField; readonly depth: number; readonly bracket: '[' | '{' }
  | { readonly kind: 'invalid-utf8'; readonly operation: OperationName; readonly field: OperationField; readonly bytes: Uint8Array }
  | { readonly kind: 'any-json'; readonly operation: OperationName; readonly body: unknown }
  | { readonly kind: 'not-json'; readonly operation: OperationName; readonly text: string }
  | { readonly kind: 'bad-target'; readonly target: string | undefined }
  | { readonly kind: 'over-limit'; readonly operation: OperationName; readonly extraBytes: number }
  | { readonly kind: 'truncated'; readonly operation: OperationName; readonly field: OperationField; readonly keep: number }
  | { readonly kind: 'slow'; readonly operation: OperationName; readonly field: OperationField; readonly chunks: number };

/** A JSON value of any kind but `kind`, so it is wrong for a field of that kind whatever its constraints. */
function wrongValueFor(kind: FieldKind): fc.Arbitrary<unknown> {
  const byKind: Record<'string' | 'number' | 'boolean' | 'object' | 'array' | 'null', fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    null: fc.constant(null),
  };
  const own = kind === 'enum' ? 'string' : kind;
  return fc.oneof(...Object.entries(byKind).filter(([name]) => name !== own).map(([, arbitrary]) => arbitrary));
}

const operationAndField = fc
  .constantFrom(...OPERATION_NAMES)
  .chain((operation) => fc.constantFrom(...OPERATION_FIELDS.get(operation)!).map((field) => ({ operation, field })));

const target = (operation: OperationName): string => `SimpleWorkflowService.${operation}`;

// Bodies over 1 MB and slow bodies are the costly kinds: about 1 in 350 each (some 60 of 20,000).
const cases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 120, arbitrary: operationAndField.chain(({ operation, field }) => wrongValueFor(field.kind).map((value): Case => ({ kind: 'wrong-type', operation, field, value }))) },
  { weight: 40, arbitrary: fc.record({ pick: operationAndField, length: fc.integer({ min: LONGEST_SWF_STRING + 1, max: 60_000 }) }).map(({ pick, length }): Case => ({ kind: 'huge-string', ...pick, length })) },
  {
    weight: 32,
    arbitrary: fc
      .record({ pick: operationAndField, depth: fc.integer({ min: 50, max: 20_000 }), bracket: fc.constantFrom('[' as const, '{' as const) })
      .map(({ pick, depth, bracket }): Case => ({ kind: 'deep-json', ...pick, depth, bracket })),
  },
  { weight: 40, arbitrary: fc.record({ pick: operationAndField, bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }).map(({ pick, bytes }): Case => ({ kind: 'invalid-utf8', ...pick, bytes })) },
  { weight: 40, arbitrary: fc.record({ operation: fc.constantFrom(...OPERATION_NAMES), body: fc.jsonValue({ maxDepth: 4 }) }).map((value): Case => ({ kind: 'any-json', ...value })) },
  { weight: 32, arbitrary: fc.record({ operation: fc.constantFrom(...OPERATION_NAMES), text: fc.string({ maxLength: 60 }) }).map((value): Case => ({ kind: 'not-json', ...value })) },
  {
    weight: 32,
    arbitrary: fc
      .oneof(
        fc.constant(undefined),
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...OPERATION_NAMES).map((operation) => operation),
        fc.constantFrom(...OPERATION_NAMES).map((operation) => `SimpleWorkflowService.${operation.toLowerCase()}`),
        fc.string({ minLength: 1, maxLength: 20 }).map((name) => `SimpleWorkflowService.${name}`),
      )
      .map((value): Case => ({ kind: 'bad-target', target: value })),
  },
  { weight: 1, arbitrary: fc.record({ operation: fc.constantFrom(...OPERATION_NAMES), extraBytes: fc.integer({ min: 1, max: 64 * 1024 }) }).map((value): Case => ({ kind: 'over-limit', ...value })) },
  { weight: 16, arbitrary: fc.record({ pick: operationAndField, keep: fc.integer({ min: 0, max: 30 }) }).map(({ pick, keep }): Case => ({ kind: 'truncated', ...pick, keep })) },
  { weight: 1, arbitrary: fc.record({ pick: operationAndField, chunks: fc.integer({ min: 2, max: 6 }) }).map(({ pick, chunks }): Case => ({ kind: 'slow', ...pick, chunks })) },
);

/** The fuzz's bookkeeping: answers by status and by case kind, printed at the end. */
const tally = new Map<string, number>();
const count = (key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);

function fieldBody(field: OperationField, valueJson: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`{"${field.name}":`), Buffer.isBuffer(valueJson) ? valueJson : Buffer.from(valueJson), Buffer.from('}')]);
}

interface Fault {
  readonly type: string;
  readonly message: string;
}

function faultOf(answer: RawAnswer): Fault {
  const body = JSON.parse(answer.text) as { __type?: string; message?: string };
  return { type: body.__type?.split('#')[1] ?? '', message: body.message ?? '' };
}

/** Every validation fault names a field of the operation's input (or the body as a whole). */
function namesAField(operation: OperationName, message: string): boolean {
  return OPERATION_FIELDS.get(operation)!.some((field) => new RegExp(`\\b${field.name}\\b`).test(message)) || /Request body/.test(message);
}

async function send(server: ServerProcess, agent: Agent, fuzz: Case): Promise<void> {
  if (fuzz.kind === 'truncated') {
    const body = fieldBody(fuzz.field, JSON.stringify('x'.repeat(40)));
    const answered = await truncatedPost(server.port, target(fuzz.operation), body, Math.min(fuzz.keep, body.length - 1));
    // A client that vanished mid-body gets no answer; if one came first, it must not be a 5xx.
    expect(answered).not.toMatch(/^HTTP\/1\.1 5/);
    count('truncated: connection dropped');
    return;
  }
  const { operation, targetHeader, body, slow } = requestOf(fuzz);
  const answer = await post(server.endpoint, agent, targetHeader, body, slow);
  count(`${fuzz.kind} -> ${answer.status}`);
  const context = `${fuzz.kind} ${targetHeader ?? '(no target)'} ${body.length} bytes: ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status === 200) return;
  const fault = faultOf(answer);
  expect(fault.message, context).not.toBe('');
  if (fault.type === 'ValidationException' && operation !== undefined) expect(namesAField(operation, fault.message), context).toBe(true);

  switch (fuzz.kind) {
    case 'wrong-type':
    case 'huge-string':
    case 'slow':
      expect(fault.type, context).toBe('ValidationException');
      expect(fault.message, context).toContain(`'${fuzz.field.name}`);
      break;
    case 'deep-json':
      expect(answer.status, context).toBe(400);
      break;
    case 'bad-target':
      expect(fault.type, context).toBe('UnknownOperationException');
      expect(fault.message, context).toMatch(/X-Amz-Target/);
      break;
    case 'over-limit':
      expect(fault.type, context).toBe('ValidationException');
      expect(fault.message, context).toMatch(/at most 1048576 bytes/);
      break;
    case 'not-json':
    case 'any-json':
    case 'invalid-utf8':
      expect(answer.status, context).toBe(400);
      break;
  }
}

function requestOf(fuzz: Exclude<Case, { kind: 'truncated' }>): {
  operation: OperationName | undefined;
  targetHeader: string | undefined;
  body: Buffer;
  slow?: { chunks: number; chunkDelayMs: number };
} {
  switch (fuzz.kind) {
    case 'wrong-type':
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: fieldBody(fuzz.field, JSON.stringify(fuzz.value)) };
    case 'huge-string':
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: fieldBody(fuzz.field, JSON.stringify('w'.repeat(fuzz.length))) };
    case 'deep-json': {
      const close = fuzz.bracket === '[' ? ']' : '}';
      const open = fuzz.bracket === '[' ? '[' : '{"k":';
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: fieldBody(fuzz.field, `${open.repeat(fuzz.depth)}1${close.repeat(fuzz.depth)}`) };
    }
    case 'invalid-utf8':
      // Raw bytes inside a JSON string: lone continuation bytes, overlong forms, bytes that end the string early.
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: fieldBody(fuzz.field, Buffer.concat([Buffer.from('"'), Buffer.from([0xc0, 0xff, ...fuzz.bytes]), Buffer.from('"')])) };
    case 'any-json':
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: Buffer.from(JSON.stringify(fuzz.body) ?? 'null') };
    case 'not-json':
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: Buffer.from(`{${fuzz.text}`) };
    case 'bad-target':
      return { operation: undefined, targetHeader: fuzz.target, body: Buffer.from('{}') };
    case 'over-limit':
      return { operation: fuzz.operation, targetHeader: target(fuzz.operation), body: Buffer.from(`{"input":"${'o'.repeat(MAX_REQUEST_BYTES + fuzz.extraBytes)}"}`) };
    case 'slow':
      return {
        operation: fuzz.operation,
        targetHeader: target(fuzz.operation),
        body: fieldBody(fuzz.field, JSON.stringify('s'.repeat(LONGEST_SWF_STRING + 1))),
        slow: { chunks: fuzz.chunks, chunkDelayMs: 40 },
      };
  }
}

describe('a fuzz of malformed and hostile requests against a server process', () => {
  let server: ServerProcess;
  const agent = new Agent({ keepAlive: true, maxSockets: BATCH });
  beforeAll(async () => {
    // Short long polls: a fuzzed poll that happens to be valid is held only briefly.
    server = await startServerProcess({ longPollTimeoutMs: 200 });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  it(
    `answers ${RUNS * BATCH} fuzzed requests across all ${OPERATION_NAMES.length} operations with no 5xx, bounded memory and every validation fault naming its field`,
    async () => {
      expect(OPERATION_FIELDS.size).toBe(39);
      const baselineMb = (await server.rssMb())!;
      let peakMb = baselineMb;
      const sampler = setInterval(() => {
        void server.rssMb().then((mb) => {
          if (mb !== undefined) peakMb = Math.max(peakMb, mb);
        });
      }, 500);
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(cases, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
            await Promise.all(batch.map((fuzz) => send(server, agent, fuzz)));
            expect(server.exited).toBe(false);
          }),
          { numRuns: RUNS, seed: 13_0006, endOnFailure: true },
        );
      } finally {
        clearInterval(sampler);
      }
      const finalMb = (await server.rssMb())!;
      console.log(
        [
          `fuzz: ${RUNS * BATCH} requests; server RSS ${baselineMb.toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB, ${finalMb.toFixed(0)} MB after`,
          ...[...tally.entries()].sort().map(([key, value]) => `  ${key}: ${value}`),
        ].join('\n'),
      );
      expect([...tally.values()].reduce((sum, value) => sum + value, 0)).toBe(RUNS * BATCH);
      expect(peakMb - baselineMb).toBeLessThan(RSS_GROWTH_BOUND_MB);
      // Still serving: a well-formed call after the fuzz.
      const answer = await post(server.endpoint, agent, target('ListDomains'), Buffer.from('{"registrationStatus":"REGISTERED"}'));
      expect(answer.status).toBe(200);
    },
    faultTimeout(faultSize(240_000, 1_200_000)),
  );
});
