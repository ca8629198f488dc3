import { SWFClient } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { WorkerOptionsError, resolveWorkerOptions } from '../src/options.js';

const client = new SWFClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

describe('worker options', () => {
  it('fills every default and compiles durations to milliseconds', () => {
    const options = resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders' });
    expect(options).toMatchObject({
      workflows: [],
      activities: [],
      decisionPollers: 2,
      stickyPollers: 1,
      activityPollers: 2,
      maxConcurrentDecisionTasks: 10,
      maxConcurrentActivityTasks: 20,
      register: 'always',
      domainRetentionDays: 7,
      stickyCacheSize: 100,
      stickyScheduleToStartTimeout: 5_000,
      stickyFirstPageSize: 25,
      shutdownGraceTime: 10_000,
      handleSignals: true,
      failWorkflowOn: [],
      payloadCodecs: [],
      logPayloads: false,
      autoHeartbeat: false,
      defaultHeartbeatThrottleInterval: 30_000,
      maxHeartbeatThrottleInterval: 60_000,
      pollRequestTimeout: 70_000,
    });
    expect(options.identity).toMatch(/^\d+@/);
  });

  it('accepts durations as strings', () => {
    const options = resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', shutdownGraceTime: '1m', stickyScheduleToStartTimeout: 2500 });
    expect(options.shutdownGraceTime).toBe(60_000);
    expect(options.stickyScheduleToStartTimeout).toBe(2_500);
  });

  it('lists every problem with the path of the option', () => {
    const attempt = () =>
      resolveWorkerOptions({
        client: {} as SWFClient,
        domain: 'bad:domain',
        taskList: 'orders',
        decisionPollers: 0,
        shutdownGraceTime: 'soon',
        pollRequestTimeout: '10s',
      });
    expect(attempt).toThrow(WorkerOptionsError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/client: must be an SWFClient/);
    expect(message).toMatch(/domain: /);
    expect(message).toMatch(/decisionPollers: /);
    expect(message).toMatch(/shutdownGraceTime: Invalid duration "soon"/);
    expect(message).toMatch(/pollRequestTimeout: must be at least 70s/);
  });

  it('bounds the first sticky page between 1 and SWF\'s maximum page size', () => {
    expect(() => resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', stickyFirstPageSize: 0 })).toThrow(/stickyFirstPageSize: /);
    expect(() => resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', stickyFirstPageSize: 1001 })).toThrow(/stickyFirstPageSize: /);
    expect(resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', stickyFirstPageSize: 1000 }).stickyFirstPageSize).toBe(1000);
  });

  it('refuses activities that are not Activities instances', () => {
    expect(() => resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', activities: [{} as never] })).toThrow(
      /activities.0: must be an instance of an Activities subclass/,
    );
  });

  it('accepts deciders beside workflow classes and refuses anything else in workflows', () => {
    const decider = { type: { name: 'Low', version: '1' }, decide: () => ({ decisions: [] }) };
    expect(resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', workflows: [decider] }).workflows).toEqual([decider]);
    expect(() => resolveWorkerOptions({ client, domain: 'shop', taskList: 'orders', workflows: [{ type: { version: '1' } } as never] })).toThrow(
      /workflows.0: must be a Workflow class or a Decider/,
    );
  });
});
