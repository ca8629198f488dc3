import {
  GetWorkflowExecutionHistoryCommand,
  type HistoryEvent,
} from '@aws-sdk/client-swf';
import {
  ApplicationFailure,
  CancelledFailure,
  encodeFailure,
  TerminatedFailure,
  TimeoutFailure,
  type PayloadCodec,
} from '@swirl/core';
import { defineSignal, Workflow } from '@swirl/workflow';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { ListFilterError, WorkflowClient, WorkflowNotFoundError, type WorkflowHandle } from '../src/index.js';
import { decideOnce, startLocalSwf, type LocalSwf } from './support/local-swf.js';

const DOMAIN = 'client-tests';

class GreetWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Greet', version: '1', taskList: 'greet', executionStartToCloseTimeout: '1h' };
  override async execute(input: { name: string }): Promise<string> {
    return `hello ${input.name}`;
  }
}

/** Reverses the payload text: enough to prove the client runs the codecs both ways. */
const reverseCodec: PayloadCodec = {
  encode: async (payload) => `rev:${[...payload].reverse().join('')}`,
  decode: async (payload) => [...payload.replace(/^rev:/, '')].reverse().join(''),
};

let local: LocalSwf;
let client: WorkflowClient;
let nextId = 0;
const workflowId = (label: string) => `${label}-${++nextId}`;

beforeAll(async () => {
  local = await startLocalSwf([DOMAIN]);
  client = new WorkflowClient({ client: local.swf, domain: DOMAIN });
  await client.types.registerWorkflowType(GreetWorkflow);
});
afterAll(async () => {
  await local?.close();
});

async function historyOf(handle: WorkflowHandle<unknown, unknown>): Promise<HistoryEvent[]> {
  return handle.fetchHistory();
}

describe('WorkflowClient.start', () => {
  it('starts a typed execution with the class defaults and the encoded input', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('start'), input: { name: 'ana' }, tags: ['vip'] });
    expectTypeOf(handle).toEqualTypeOf<WorkflowHandle<{ name: string }, string>>();
    // @ts-expect-error GreetWorkflow.execute takes an input, so start requires one.
    const startWithoutInput = () => client.start(GreetWorkflow, { workflowId: 'never-run' });
    expectTypeOf(startWithoutInput).returns.resolves.toEqualTypeOf<WorkflowHandle<{ name: string }, string>>();
    expect(handle.runId).toMatch(/.+/);
    const [started] = await historyOf(handle);
    expect(started?.workflowExecutionStartedEventAttributes).toMatchObject({
      workflowType: { name: 'Greet', version: '1' },
      taskList: { name: 'greet' },
      input: '{"name":"ana"}',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '30',
      childPolicy: 'TERMINATE',
      tagList: ['vip'],
    });
  });

  it('lets start options override the class defaults, durations as text or milliseconds', async () => {
    const handle = await client.start(GreetWorkflow, {
      workflowId: workflowId('override'),
      input: { name: 'bo' },
      taskList: 'other',
      executionStartToCloseTimeout: '2h',
      taskStartToCloseTimeout: 45_000,
      childPolicy: 'ABANDON',
    });
    const [started] = await historyOf(handle);
    expect(started?.workflowExecutionStartedEventAttributes).toMatchObject({
      taskList: { name: 'other' },
      executionStartToCloseTimeout: '7200',
      taskStartToCloseTimeout: '45',
      childPolicy: 'ABANDON',
    });
  });

  it('passes the SDK fault through with the operation and workflowId in its message', async () => {
    const id = workflowId('duplicate');
    await client.start(GreetWorkflow, { workflowId: id, input: { name: 'x' } });
    const error = await client.start(GreetWorkflow, { workflowId: id, input: { name: 'x' } }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'WorkflowExecutionAlreadyStartedFault' });
    expect((error as Error).message).toMatch(new RegExp(`^StartWorkflowExecution \\(domain=${DOMAIN}, workflowId=${id}, type=Greet@1\\): `));
  });

  it('starts a registered type by name, leaving unset options to the registered defaults', async () => {
    const handle = await client.startByType({ name: 'Greet', version: '1' }, { workflowId: workflowId('by-type'), input: 'raw' });
    const [started] = await historyOf(handle);
    expect(started?.workflowExecutionStartedEventAttributes).toMatchObject({ taskList: { name: 'greet' }, input: '"raw"' });
  });
});

describe('WorkflowHandle signals, cancellation and termination', () => {
  it('signals by name and by a typed signal definition', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('signal'), input: { name: 'c' } });
    await handle.signal('approve', { by: 'ana' });
    const approve = defineSignal<{ by: string }>('approve');
    await handle.signal(approve, { by: 'bo' });
    const signals = (await historyOf(handle)).filter((event) => event.eventType === 'WorkflowExecutionSignaled');
    expect(signals.map((event) => event.workflowExecutionSignaledEventAttributes)).toMatchObject([
      { signalName: 'approve', input: '{"by":"ana"}' },
      { signalName: 'approve', input: '{"by":"bo"}' },
    ]);
  });

  it('requests cancellation, which describe() reports', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('cancel'), input: { name: 'd' } });
    await handle.requestCancel();
    const described = await handle.describe();
    expect(described.cancelRequested).toBe(true);
    expect((await historyOf(handle)).map((event) => event.eventType)).toContain('WorkflowExecutionCancelRequested');
  });

  it('terminates, and result() throws TerminatedFailure with the reason and details', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('terminate'), input: { name: 'e' } });
    await handle.terminate({ reason: 'operator', details: 'stuck order' });
    const failure = await handle.result().catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(TerminatedFailure);
    expect(failure).toMatchObject({ reason: 'operator', details: 'stuck order' });
  });

  it('fails with UnknownResourceFault and context when signalling an execution that does not exist', async () => {
    const error = await client.getHandle('nobody', 'no-run').signal('x').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'UnknownResourceFault' });
    expect((error as Error).message).toMatch(/^SignalWorkflowExecution \(domain=client-tests, workflowId=nobody, runId=no-run, signal=x\): /);
  });
});

describe('WorkflowHandle.describe', () => {
  it('returns status, configuration, open counts and the decoded published state', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('describe'), input: { name: 'f' }, taskList: 'describe' });
    await decideOnce(local.swf, DOMAIN, 'describe', [], JSON.stringify({ step: 'waiting', count: 2 }));
    const described = await handle.describe<{ step: string; count: number }>();
    expect(described).toMatchObject({
      execution: { workflowId: handle.workflowId, runId: handle.runId },
      workflowType: { name: 'Greet', version: '1' },
      status: 'OPEN',
      configuration: { taskList: { name: 'describe' }, executionStartToCloseTimeout: '3600' },
      publishedState: { step: 'waiting', count: 2 },
    });
  });
});

describe('WorkflowHandle.result', () => {
  it('returns the decoded result of a completed run', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('complete'), input: { name: 'g' }, taskList: 'complete' });
    const pending = handle.result({ initialIntervalMs: 5 });
    await decideOnce(local.swf, DOMAIN, 'complete', [
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"hello g"' } },
    ]);
    await expect(pending).resolves.toBe('hello g');
  });

  it('throws the decoded ApplicationFailure of a failed run', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('fail'), input: { name: 'h' }, taskList: 'fail' });
    const { reason, details } = encodeFailure(ApplicationFailure.nonRetryable('card declined', 'PaymentError'));
    await decideOnce(local.swf, DOMAIN, 'fail', [
      { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason, details } },
    ]);
    const failure = await handle.result().catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ message: 'card declined', type: 'PaymentError' });
  });

  it('throws CancelledFailure for a cancelled run', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('cancelled'), input: { name: 'i' }, taskList: 'cancelled' });
    await decideOnce(local.swf, DOMAIN, 'cancelled', [
      { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: '"by request"' } },
    ]);
    const failure = await handle.result().catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(CancelledFailure);
    expect(failure).toMatchObject({ details: 'by request' });
  });

  it('throws TimeoutFailure when the run times out', async () => {
    const handle = await client.start(GreetWorkflow, {
      workflowId: workflowId('timeout'),
      input: { name: 'j' },
      executionStartToCloseTimeout: '10m',
    });
    await local.clock.advance(11 * 60_000);
    const failure = await handle.result().catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(TimeoutFailure);
    expect(failure).toMatchObject({ timeoutType: 'START_TO_CLOSE' });
  });

  it('follows continue-as-new to the run that completes', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('chain'), input: { name: 'k' }, taskList: 'chain' });
    await decideOnce(local.swf, DOMAIN, 'chain', [
      {
        decisionType: 'ContinueAsNewWorkflowExecution',
        continueAsNewWorkflowExecutionDecisionAttributes: { input: '{"name":"k2"}', taskList: { name: 'chain' } },
      },
    ]);
    const second = await decideOnce(local.swf, DOMAIN, 'chain', [
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } },
    ]);
    expect(second.workflowExecution?.runId).not.toBe(handle.runId);
    await expect(handle.result()).resolves.toBe('done');
    await expect(handle.result({ followRuns: false })).rejects.toMatchObject({
      name: 'WorkflowContinuedAsNewError',
      newRunId: second.workflowExecution?.runId,
    });
  });

  it('stops waiting when its signal aborts', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('abort'), input: { name: 'l' } });
    const controller = new AbortController();
    const pending = handle.result({ signal: controller.signal, initialIntervalMs: 5 });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });
});

describe('WorkflowHandle history and getHandle', () => {
  it('fetches every page of the history, as an array and as an async iterator', async () => {
    const handle = await client.start(GreetWorkflow, { workflowId: workflowId('pages'), input: { name: 'm' } });
    for (let index = 0; index < 5; index++) await handle.signal('tick', index);
    const all = await handle.fetchHistory({ pageSize: 2 });
    expect(all.map((event) => event.eventId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const reversed: number[] = [];
    for await (const event of handle.historyEvents({ pageSize: 3, reverseOrder: true })) reversed.push(event.eventId ?? 0);
    expect(reversed).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('targets the latest run when the handle has no runId', async () => {
    const started = await client.start(GreetWorkflow, { workflowId: workflowId('latest'), input: { name: 'n' } });
    const described = await client.getHandle(started.workflowId).describe();
    expect(described.execution.runId).toBe(started.runId);
    await expect(client.getHandle('never-started').describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});

describe('WorkflowClient codecs', () => {
  it('encodes input and decodes results, failures and history through the codecs', async () => {
    const coded = new WorkflowClient({ client: local.swf, domain: DOMAIN, codecs: [reverseCodec] });
    const handle = await coded.start(GreetWorkflow, { workflowId: workflowId('codec'), input: { name: 'o' }, taskList: 'codec' });
    const raw = await local.swf.send(
      new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution: { workflowId: handle.workflowId, runId: handle.runId ?? '' } }),
    );
    expect(raw.events?.[0]?.workflowExecutionStartedEventAttributes?.input).toBe('rev:}"o":"eman"{');
    const [started] = await handle.fetchHistory();
    expect(started?.workflowExecutionStartedEventAttributes?.input).toBe('{"name":"o"}');
    await decideOnce(local.swf, DOMAIN, 'codec', [
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: await reverseCodec.encode('"hi"') } },
    ]);
    await expect(handle.result()).resolves.toBe('hi');
  });
});

describe('WorkflowClient list and count', () => {
  it('lists and counts open and closed executions with SWF filters', async () => {
    const listing = new WorkflowClient({ client: local.swf, domain: DOMAIN });
    const tagged = await listing.start(GreetWorkflow, { workflowId: workflowId('listed'), input: { name: 'p' }, tags: ['listing'] });
    const closed = await listing.start(GreetWorkflow, { workflowId: workflowId('listed-closed'), input: { name: 'q' }, tags: ['listing'] });
    await closed.terminate({ reason: 'done' });

    const open: string[] = [];
    for await (const info of listing.list({ status: 'open', tag: 'listing' })) open.push(info.execution?.workflowId ?? '');
    expect(open).toEqual([tagged.workflowId]);

    const closedPages: string[][] = [];
    for await (const page of listing.listPages({ status: 'closed', closeStatus: 'TERMINATED', pageSize: 1 })) {
      closedPages.push(page.map((info) => info.execution?.workflowId ?? ''));
    }
    expect(closedPages.flat()).toContain(closed.workflowId);
    expect(closedPages.every((page) => page.length <= 1)).toBe(true);

    const closedByCloseTime: string[] = [];
    for await (const info of listing.list({ status: 'closed', closeTime: { oldest: new Date(0) } })) {
      closedByCloseTime.push(info.execution?.workflowId ?? '');
    }
    expect(closedByCloseTime).toContain(closed.workflowId);
    const beforeEpoch = await listing.count({ status: 'open', startTime: { oldest: new Date(0), latest: new Date(0) } });
    expect(beforeEpoch.count).toBe(0);

    await expect(listing.count({ status: 'open', tag: 'listing' })).resolves.toEqual({ count: 1, truncated: false });
    await expect(listing.count({ status: 'closed', workflowId: closed.workflowId })).resolves.toEqual({ count: 1, truncated: false });
    const byType = await listing.count({ status: 'open', type: { name: 'Greet', version: '1' } });
    expect(byType.count).toBeGreaterThanOrEqual(1);
  });

  it('refuses filter combinations SWF does not accept, before calling it', async () => {
    await Promise.all([
      expect(client.list({ status: 'open', tag: 'a', workflowId: 'b' }).next()).rejects.toThrow(ListFilterError),
      expect(client.count({ status: 'open', tag: 'a', workflowId: 'b' })).rejects.toThrow(
        'SWF accepts at most one of workflowId, type, tag and closeStatus per list or count; got workflowId and tag',
      ),
      expect(client.count({ status: 'closed', startTime: {}, closeTime: {} })).rejects.toThrow(ListFilterError),
      expect(client.count({ status: 'open', closeStatus: 'FAILED' })).rejects.toThrow('closeStatus filters closed executions only'),
    ]);
  });
});

describe('domain and type helpers', () => {
  it('registers, describes, lists, deprecates and undeprecates domains', async () => {
    await client.domains.register({ name: 'helpers-domain', retentionPeriodInDays: 3, description: 'for tests' });
    const detail = await client.domains.describe('helpers-domain');
    expect(detail).toMatchObject({
      domainInfo: { name: 'helpers-domain', status: 'REGISTERED', description: 'for tests' },
      configuration: { workflowExecutionRetentionPeriodInDays: '3' },
    });
    await client.domains.deprecate('helpers-domain');
    const deprecated: string[] = [];
    for await (const info of client.domains.list({ status: 'DEPRECATED' })) deprecated.push(info.name ?? '');
    expect(deprecated).toContain('helpers-domain');
    await client.domains.undeprecate('helpers-domain');
    await expect(client.domains.register({ name: 'helpers-domain' })).rejects.toMatchObject({ name: 'DomainAlreadyExistsFault' });
  });

  it('registers activity types from an activities class and deprecates workflow types', async () => {
    class Billing {
      static readonly type = { prefix: 'billing', version: '2', defaults: { startToCloseTimeout: '1m' } };
      async charge(): Promise<void> {}
      async refund(): Promise<void> {}
    }
    await expect(client.types.registerActivityTypes(Billing)).resolves.toEqual([
      { name: 'billing.charge', version: '2' },
      { name: 'billing.refund', version: '2' },
    ]);
    const charge = await client.types.describeActivityType({ name: 'billing.charge', version: '2' });
    expect(charge.configuration?.defaultTaskStartToCloseTimeout).toBe('60');

    class Obsolete {
      static readonly type = { name: 'Obsolete', version: '1' };
      async execute(): Promise<void> {}
    }
    await client.types.registerWorkflowType(Obsolete);
    await client.types.deprecate('workflow', { name: 'Obsolete', version: '1' });
    const deprecated = [];
    for await (const info of client.types.listWorkflowTypes({ status: 'DEPRECATED' })) deprecated.push(info.workflowType?.name);
    expect(deprecated).toEqual(['Obsolete']);
    await expect(client.start(Obsolete, { workflowId: workflowId('obsolete') })).rejects.toMatchObject({ name: 'TypeDeprecatedFault' });
  });
});
