import { readHeaders } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WorkflowClient,
  type ExecutionCall,
  type SignalWorkflowCall,
  type StartWorkflowCall,
  type StartWorkflowResult,
  type TerminateWorkflowCall,
  type WorkflowClientInterceptor,
} from '../src/index.js';
import { startLocalSwf, type LocalSwf } from './support/local-swf.js';

const DOMAIN = 'client-interceptor-tests';

class EchoWorkflow extends Workflow<{ word: string }, string> {
  static readonly type = { name: 'Echo', version: '1', taskList: 'echo', executionStartToCloseTimeout: '1h' };
  override async execute(input: { word: string }): Promise<string> {
    return input.word;
  }
}

/** Records every call it sees and adds a header to starts and signals. */
class RecordingInterceptor implements WorkflowClientInterceptor {
  readonly calls: string[] = [];
  constructor(readonly name: string) {}

  async start(call: StartWorkflowCall, next: (call: StartWorkflowCall) => Promise<StartWorkflowResult>) {
    this.calls.push(`start ${call.workflowId} ${call.workflowType.name}@${call.workflowType.version} ${call.taskList}`);
    const result = await next({ ...call, headers: { ...call.headers, [this.name]: 'on-start' } });
    this.calls.push(`started ${result.runId.length > 0}`);
    return result;
  }

  async signal(call: SignalWorkflowCall, next: (call: SignalWorkflowCall) => Promise<void>) {
    this.calls.push(`signal ${call.signalName} ${call.runId !== undefined}`);
    return next({ ...call, headers: { ...call.headers, [this.name]: 'on-signal' } });
  }

  async terminate(call: TerminateWorkflowCall, next: (call: TerminateWorkflowCall) => Promise<void>) {
    this.calls.push(`terminate ${call.reason}`);
    return next(call);
  }

  async requestCancel(call: ExecutionCall, next: (call: ExecutionCall) => Promise<void>) {
    this.calls.push(`cancel ${call.workflowId}`);
    return next(call);
  }

  async describe(call: ExecutionCall, next: (call: ExecutionCall) => Promise<unknown>) {
    this.calls.push(`describe ${call.workflowId}`);
    return next(call);
  }
}

let local: LocalSwf;
beforeAll(async () => {
  local = await startLocalSwf([DOMAIN]);
  await new WorkflowClient({ client: local.swf, domain: DOMAIN }).types.registerWorkflowType(EchoWorkflow);
});
afterAll(async () => {
  await local?.close();
});

describe('WorkflowClient interceptors', () => {
  it('run around start and signal, outermost first, and their headers travel in front of the input', async () => {
    const outer = new RecordingInterceptor('x-outer');
    const inner = new RecordingInterceptor('x-inner');
    const client = new WorkflowClient({ client: local.swf, domain: DOMAIN, interceptors: [outer, inner] });
    const handle = await client.start(EchoWorkflow, { workflowId: 'intercepted-1', input: { word: 'hi' } });
    await handle.signal('poke', { n: 1 });

    expect(outer.calls).toEqual(['start intercepted-1 Echo@1 echo', 'started true', 'signal poke true']);
    expect(inner.calls).toEqual(outer.calls);
    const raw = await handle.fetchHistory({ decodePayloads: false });
    const started = raw[0]!.workflowExecutionStartedEventAttributes!;
    expect(readHeaders(started.input)).toEqual({ 'x-outer': 'on-start', 'x-inner': 'on-start' });
    const signaled = raw.find((event) => event.eventType === 'WorkflowExecutionSignaled')!.workflowExecutionSignaledEventAttributes!;
    expect(readHeaders(signaled.input)).toEqual({ 'x-outer': 'on-signal', 'x-inner': 'on-signal' });

    // Read back through the pipeline, the headers are gone and the values are what was sent.
    const decoded = await handle.fetchHistory();
    expect(decoded[0]!.workflowExecutionStartedEventAttributes!.input).toBe('{"word":"hi"}');
    expect(decoded.find((event) => event.eventType === 'WorkflowExecutionSignaled')!.workflowExecutionSignaledEventAttributes!.input).toBe('{"n":1}');
  });

  it('run around describe, cancel and terminate of a handle from getHandle', async () => {
    const recorder = new RecordingInterceptor('x-rec');
    const client = new WorkflowClient({ client: local.swf, domain: DOMAIN, interceptors: [recorder] });
    await client.start(EchoWorkflow, { workflowId: 'intercepted-2', input: { word: 'bye' } });
    const handle = client.getHandle('intercepted-2');
    expect((await handle.describe()).status).toBe('OPEN');
    await handle.requestCancel();
    await handle.terminate({ reason: 'test over' });
    expect(recorder.calls.slice(2)).toEqual(['describe intercepted-2', 'cancel intercepted-2', 'terminate test over']);
  });

  it('sends no headers when no interceptor adds any, so the input is exactly the encoded value', async () => {
    const client = new WorkflowClient({ client: local.swf, domain: DOMAIN, interceptors: [{}] });
    const handle = await client.start(EchoWorkflow, { workflowId: 'intercepted-3', input: { word: 'plain' } });
    const raw = await handle.fetchHistory({ decodePayloads: false });
    expect(raw[0]!.workflowExecutionStartedEventAttributes!.input).toBe('{"word":"plain"}');
  });

  it('lets an interceptor see a refused start as the error it rethrows', async () => {
    const seen: unknown[] = [];
    const client = new WorkflowClient({
      client: local.swf,
      domain: DOMAIN,
      interceptors: [
        {
          async start(call, next) {
            try {
              return await next(call);
            } catch (error) {
              seen.push(error);
              throw error;
            }
          },
        },
      ],
    });
    await client.start(EchoWorkflow, { workflowId: 'intercepted-4', input: { word: 'a' } });
    await expect(client.start(EchoWorkflow, { workflowId: 'intercepted-4', input: { word: 'b' } })).rejects.toMatchObject({
      name: 'WorkflowExecutionAlreadyStartedFault',
    });
    expect(seen).toHaveLength(1);
  });
});
