import { SWFClient } from '@aws-sdk/client-swf';
import { DurationError } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainCatalog, UnknownOptionError, WorkflowClient, type StartWorkflowOptions, type WorkflowClientOptions } from '../src/index.js';

class GreetWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Greet', version: '1', taskList: 'greet', executionStartToCloseTimeout: '1h' };
  override async execute(input: { name: string }): Promise<string> {
    return `hello ${input.name}`;
  }
}

// Every check below fails before a request is sent, so the endpoint is never contacted.
const swf = new SWFClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const client = new WorkflowClient({ client: swf, domain: 'strict' });
afterAll(() => swf.destroy());

/** Options as plain JavaScript callers pass them: the compiler would have caught the typo. */
function untyped<T>(options: Record<string, unknown>): T {
  return options as T;
}

describe('strict client options', () => {
  it('refuses an unknown WorkflowClient option, suggesting the key it resembles', () => {
    const create = () => new WorkflowClient(untyped<WorkflowClientOptions>({ client: swf, domian: 'strict' }));
    expect(create).toThrow(UnknownOptionError);
    expect(create).toThrow('Unknown option "domian" in WorkflowClient options (did you mean "domain"?); allowed: client, domain, converter, codecs');
  });

  it('refuses an unknown start option before anything is sent', async () => {
    const start = client.start(GreetWorkflow, untyped<StartWorkflowOptions<{ name: string }> & { input: { name: string } }>({ workflowId: 'w', inptu: { name: 'x' } }));
    await expect(start).rejects.toBeInstanceOf(UnknownOptionError);
    await expect(start).rejects.toThrow(/Unknown option "inptu" in WorkflowClient.start options \(did you mean "input"\?\); allowed: workflowId, input, /);
    await expect(client.startByType({ name: 'Greet', version: '1' }, untyped({ workflowId: 'w', tag: 'x' }))).rejects.toThrow(
      /Unknown option "tag" in WorkflowClient.start options \(did you mean "tags"\?\)/,
    );
  });

  it('names no suggestion when nothing is close', () => {
    const error = new UnknownOptionError('X options', 'completelyDifferent', ['a', 'b']);
    expect(error.message).toBe('Unknown option "completelyDifferent" in X options; allowed: a, b');
    expect(error).toMatchObject({ key: 'completelyDifferent', allowed: ['a', 'b'], subject: 'X options' });
  });

  it('refuses unknown list, count, result, terminate, history and domain options', async () => {
    await expect(client.list(untyped({ status: 'open', limit: 5 })).next()).rejects.toThrow(/Unknown option "limit" in WorkflowClient.list options/);
    await expect(client.count(untyped({ status: 'closed', pageSize: 5 }))).rejects.toThrow(/Unknown option "pageSize" in WorkflowClient.count options/);
    const handle = client.getHandle('w', 'r');
    await expect(handle.result(untyped({ followRun: false }))).rejects.toThrow(/Unknown option "followRun" .*\(did you mean "followRuns"\?\)/);
    await expect(handle.terminate(untyped({ reasons: 'x' }))).rejects.toThrow(/Unknown option "reasons" in WorkflowHandle.terminate options/);
    await expect(handle.fetchHistory(untyped({ reverse: true }))).rejects.toThrow(/Unknown option "reverse" in WorkflowHandle.historyEvents options/);
    const domains = new DomainCatalog(swf);
    await expect(domains.register(untyped({ name: 'd', retentionDays: 3 }))).rejects.toThrow(/Unknown option "retentionDays" in DomainCatalog.register options/);
    await expect(domains.list(untyped({ deprecated: true })).next()).rejects.toThrow(/Unknown option "deprecated" in DomainCatalog.list options/);
    await expect(client.types.listWorkflowTypes(untyped({ version: '1' })).next()).rejects.toThrow(/Unknown option "version" in TypeCatalog list options/);
  });
});

describe('durations in start options', () => {
  it('name the option a bad duration was given for', async () => {
    const start = client.start(GreetWorkflow, { workflowId: 'w', input: { name: 'x' }, executionStartToCloseTimeout: '5 minutes' });
    await expect(start).rejects.toBeInstanceOf(DurationError);
    await expect(start).rejects.toThrow(/^executionStartToCloseTimeout: Invalid duration "5 minutes": use milliseconds/);
    await expect(client.start(GreetWorkflow, { workflowId: 'w', input: { name: 'x' }, taskStartToCloseTimeout: -1 })).rejects.toThrow(
      /^taskStartToCloseTimeout: Duration must be a finite number of milliseconds >= 0, got -1/,
    );
  });
});
