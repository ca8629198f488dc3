/**
 * Suite 5, visibility at scale: ListClosedWorkflowExecutions and CountClosedWorkflowExecutions over
 * the SQLite store holding 1,000 and 100,000 closed runs. Each filter's page latency is sampled
 * serially (p50/p99) twice: in the engine (the validated call, as the HTTP handler makes it) and
 * through the SDK over HTTP. The targets: a filtered page under 50 ms over HTTP at the largest size,
 * and an engine page costing about the same at both sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CountClosedWorkflowExecutionsCommand,
  ListClosedWorkflowExecutionsCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  StartWorkflowExecutionCommand,
  TerminateWorkflowExecutionCommand,
  type CountClosedWorkflowExecutionsCommandInput,
  type ListClosedWorkflowExecutionsCommandInput,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { parseOperationInput } from '@swirl/core';
import { SqliteStore, startServer, type SwirlServer } from '@swirl/server';
import { percentile, round } from '../../harness/stats.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { RARE_TAG, seedClosedRuns, startOf, TYPE_VERSIONS, VISIBILITY_DOMAIN, WORKFLOW_TYPES, type ClosedRunsShape } from './closed-runs.js';

const PAGE_TARGET_MS = 50;
/** A page at the largest size may cost at most this many times the same page at the smallest. */
const GROWTH_TARGET_RATIO = 2;
const PAGE_SIZE = 100;
/** The deep-page row reads the page after this many full pages (its token is fetched once, then reused). */
const DEEP_PAGE_DEPTH = 9;
const SPACING_MS = 10_000;
const DAY_MS = 24 * 3_600_000;

type ListInput = Omit<ListClosedWorkflowExecutionsCommandInput, 'domain' | 'maximumPageSize'>;

interface Shape {
  readonly label: string;
  readonly input: (shape: ClosedRunsShape) => ListInput;
}

const dateOf = (epochMs: number): Date => new Date(epochMs);
const lastWeek = (shape: ClosedRunsShape) => ({ oldestDate: dateOf(shape.newestStartMs - 7 * DAY_MS) });

/** The filters measured: SWF allows a time filter plus at most one other. */
const LIST_SHAPES: readonly Shape[] = [
  { label: 'start time (last 7 days)', input: (shape) => ({ startTimeFilter: lastWeek(shape) }) },
  { label: 'close time (last 7 days), oldest first', input: (shape) => ({ closeTimeFilter: lastWeek(shape), reverseOrder: true }) },
  { label: 'start time + type and version', input: (shape) => ({ startTimeFilter: lastWeek(shape), typeFilter: { name: WORKFLOW_TYPES[1], version: TYPE_VERSIONS[0] } }) },
  { label: 'start time + type name', input: (shape) => ({ startTimeFilter: lastWeek(shape), typeFilter: { name: WORKFLOW_TYPES[2] } }) },
  { label: 'close time + tag (2% of runs)', input: (shape) => ({ closeTimeFilter: lastWeek(shape), tagFilter: { tag: 'tenant-7' } }) },
  { label: 'start time + rare tag (0.2%)', input: () => ({ startTimeFilter: { oldestDate: dateOf(0) }, tagFilter: { tag: RARE_TAG } }) },
  { label: 'close time + close status FAILED', input: (shape) => ({ closeTimeFilter: lastWeek(shape), closeStatusFilter: { status: 'FAILED' } }) },
  { label: 'start time + workflow id', input: (shape) => ({ startTimeFilter: { oldestDate: dateOf(0) }, executionFilter: { workflowId: `order-${Math.floor(shape.count / 8)}` } }) },
  {
    label: 'start time window (500 runs in the middle)',
    input: (shape) => {
      const middle = Math.floor(shape.count / 2);
      return { startTimeFilter: { oldestDate: dateOf(startOf(shape, middle - 500)), latestDate: dateOf(startOf(shape, middle - 1)) } };
    },
  },
];

async function sample(samples: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await call();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await call();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Registers the domain and types and closes one run through the API: the record every seeded run copies. */
async function templateRun(client: SWFClient, store: SqliteStore) {
  await client.send(new RegisterDomainCommand({ name: VISIBILITY_DOMAIN, workflowExecutionRetentionPeriodInDays: '90' }));
  for (const name of WORKFLOW_TYPES) {
    for (const version of TYPE_VERSIONS) {
      await client.send(
        new RegisterWorkflowTypeCommand({
          domain: VISIBILITY_DOMAIN,
          name,
          version,
          defaultTaskList: { name: 'deciders' },
          defaultTaskStartToCloseTimeout: '30',
          defaultExecutionStartToCloseTimeout: '3600',
          defaultChildPolicy: 'TERMINATE',
        }),
      );
    }
  }
  const workflowId = 'template';
  const { runId } = await client.send(
    new StartWorkflowExecutionCommand({ domain: VISIBILITY_DOMAIN, workflowId, workflowType: { name: WORKFLOW_TYPES[0], version: '1' }, input: '{"orderId":"o-1"}', tagList: ['tenant-0'] }),
  );
  await client.send(new TerminateWorkflowExecutionCommand({ domain: VISIBILITY_DOMAIN, workflowId, reason: 'template for the visibility benchmark' }));
  const template = store.getExecution(VISIBILITY_DOMAIN, workflowId, runId!);
  if (template?.status !== 'CLOSED') throw new Error('the template run did not close');
  store.deleteExecution(VISIBILITY_DOMAIN, workflowId, runId!);
  return template;
}

/** Wire form of SDK input: the SDK sends dates as epoch seconds. */
const toWire = (input: ListInput): Record<string, unknown> =>
  JSON.parse(JSON.stringify(input, (_key, value: unknown) => (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) / 1_000 : value))) as Record<string, unknown>;

/** The same call the HTTP handler makes for a request, without HTTP, JSON or the SDK. */
function engineLister(server: SwirlServer): (input: ListInput) => Promise<unknown> {
  let requests = 0;
  return (input) =>
    server.engine.execute(
      'ListClosedWorkflowExecutions',
      parseOperationInput('ListClosedWorkflowExecutions', { domain: VISIBILITY_DOMAIN, maximumPageSize: PAGE_SIZE, ...toWire(input) }),
      { region: 'us-east-1', requestId: `bench-${++requests}` },
    );
}

interface SizeResult {
  /** Engine p50 per filter. */
  readonly p50ByShape: Map<string, number>;
  /** HTTP p99 per filter. */
  readonly p99ByShape: Map<string, number>;
  /** Filters whose page was full (a page of fewer runs costs less, whatever the store holds). */
  readonly fullPages: Set<string>;
}

async function measureSize(report: SuiteReport, count: number, samples: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'swirl-bench-visibility-'));
  const path = join(dir, 'swirl.db');
  const shape: ClosedRunsShape = { count, newestStartMs: Date.now() - DAY_MS, spacingMs: SPACING_MS, durationMs: 10 * 60_000 };
  const result: SizeResult = { p50ByShape: new Map(), p99ByShape: new Map(), fullPages: new Set() };
  try {
    const seedStore = new SqliteStore({ path });
    const seedServer = await startServer({ port: 0, store: seedStore });
    const seedClient = localSwfClient(seedServer.endpoint);
    try {
      const template = await templateRun(seedClient, seedStore);
      const seedStarted = performance.now();
      seedClosedRuns(seedStore, template, shape);
      report.measure('seed closed runs (one store transaction)', round(performance.now() - seedStarted), 'ms', { runs: count });
    } finally {
      seedClient.destroy();
      await seedServer.close();
      seedStore.close();
    }

    // Reopened as after a restart: the engine re-arms every closed run's retention deadline.
    const openStarted = performance.now();
    const store = new SqliteStore({ path });
    const server = await startServer({ port: 0, store });
    report.measure('server start on the file (restore included)', round(performance.now() - openStarted), 'ms', { runs: count });
    const client = localSwfClient(server.endpoint);
    try {
      const list = (input: ListInput) => client.send(new ListClosedWorkflowExecutionsCommand({ domain: VISIBILITY_DOMAIN, maximumPageSize: PAGE_SIZE, ...input }));
      const inEngine = engineLister(server);
      const record = async (label: string, input: ListInput, matched: number) => {
        const labels = { runs: count, filter: label };
        if ((await list(input)).executionInfos?.length === PAGE_SIZE) result.fullPages.add(label);
        const engine = await sample(samples, () => inEngine(input));
        const http = await sample(samples, () => list(input));
        report.measure('engine page p50', round(percentile(engine, 50)), 'ms', labels);
        report.measure('engine page p99', round(percentile(engine, 99)), 'ms', labels);
        report.measure('HTTP page p50', round(percentile(http, 50)), 'ms', labels);
        report.measure('HTTP page p99', round(percentile(http, 99)), 'ms', labels);
        report.measure('runs matching', matched, 'runs', labels);
        result.p50ByShape.set(label, percentile(engine, 50));
        result.p99ByShape.set(label, percentile(http, 99));
      };
      const countOf = async (input: ListInput): Promise<number> => {
        const { reverseOrder: _ignored, ...filters } = input;
        const answer = await client.send(new CountClosedWorkflowExecutionsCommand({ domain: VISIBILITY_DOMAIN, ...filters } as CountClosedWorkflowExecutionsCommandInput));
        return answer.count ?? 0;
      };

      for (const listShape of LIST_SHAPES) {
        const input = listShape.input(shape);
        const first = await list(input);
        if ((first.executionInfos ?? []).length === 0) throw new Error(`the filter "${listShape.label}" matched no run: the seeded mix is wrong`);
        await record(listShape.label, input, await countOf(input));
      }

      // A page deep in a listing: keyset paging reads from the cursor on, not from the start.
      const deepInput = LIST_SHAPES[0]!.input(shape);
      let token: string | undefined;
      for (let page = 0; page < DEEP_PAGE_DEPTH; page++) token = (await list({ ...deepInput, ...(token && { nextPageToken: token }) })).nextPageToken;
      if (token === undefined) throw new Error(`the start-time listing has fewer than ${DEEP_PAGE_DEPTH + 1} pages at ${count} runs`);
      const deepToken = token;
      const deepLabel = `start time (last 7 days), page ${DEEP_PAGE_DEPTH + 1}`;
      await record(deepLabel, { ...deepInput, nextPageToken: deepToken }, await countOf(deepInput));

      const countInput = { startTimeFilter: lastWeek(shape), typeFilter: { name: WORKFLOW_TYPES[1], version: TYPE_VERSIONS[0] } };
      const countLatencies = await sample(samples, () => countOf(countInput));
      const countLabels = { runs: count, filter: 'start time + type and version' };
      report.measure('count p50', round(percentile(countLatencies, 50)), 'ms', countLabels);
      report.measure('count p99', round(percentile(countLatencies, 99)), 'ms', countLabels);
    } finally {
      client.destroy();
      await server.close();
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export const visibilitySuite: Suite = async ({ quick }) => {
  const report = new SuiteReport();
  const sizes = quick ? [1_000, 5_000] : [1_000, 100_000];
  const samples = quick ? 20 : 200;
  report.note(
    `Workload: closed runs started ${SPACING_MS / 1_000} s apart, 5 workflow types x 2 versions, a tenant tag each (50 tenants) and a rare tag on 1 in 500, ` +
      `4 runs per workflow id, 60% COMPLETED; pages of ${PAGE_SIZE}, ${samples} serial calls per row after 5 warm-up calls.`,
  );
  report.note(
    'engine: SwfEngine.execute with the validated input (store query, page token, executionInfo mapping). HTTP: the SDK to the in-process server (adds JSON, HTTP and SDK parsing of 100 executionInfos, and whatever the machine load adds to p99).',
  );
  report.note(
    'One run is started and terminated through the API; its closed record is the template the others copy (ids, times, type, tags and status of their own), saved through SqliteStore in one transaction.',
  );
  const bySize = new Map<number, SizeResult>();
  for (const count of sizes) bySize.set(count, await measureSize(report, count, samples));

  const smallest = bySize.get(sizes[0]!)!;
  const largest = bySize.get(sizes[sizes.length - 1]!)!;
  const worstP99 = Math.max(...largest.p99ByShape.values());
  report.target({
    name: `filtered ListClosedWorkflowExecutions page at ${sizes[sizes.length - 1]!.toLocaleString('en-US')} closed runs (worst p99 over the filters)`,
    target: `< ${PAGE_TARGET_MS} ms`,
    actual: round(worstP99),
    unit: 'ms',
    met: worstP99 < PAGE_TARGET_MS,
  });
  // Compared only where both sizes fill the page: a tag on 2% of 1,000 runs fills a fifth of one.
  const compared = [...largest.p50ByShape.keys()].filter((label) => smallest.fullPages.has(label) && largest.fullPages.has(label));
  const worstRatio = Math.max(...compared.map((label) => largest.p50ByShape.get(label)! / smallest.p50ByShape.get(label)!));
  report.note(`Page cost ratio compared over the filters that fill a page of ${PAGE_SIZE} at both sizes: ${compared.join('; ')}.`);
  report.target({
    name: `engine page cost at ${sizes[sizes.length - 1]!.toLocaleString('en-US')} vs ${sizes[0]!.toLocaleString('en-US')} runs (worst p50 ratio over the filters filling a page at both)`,
    target: `< ${GROWTH_TARGET_RATIO}x`,
    actual: round(worstRatio),
    unit: 'ratio',
    met: worstRatio < GROWTH_TARGET_RATIO,
  });
  return report.result();
};
