import { parseOperationInput, type OperationName } from '@swirl/core';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { SwfEngine, type SwfEngineOptions } from '../../src/engine/swf-engine.js';

export const DOMAIN = 'test-domain';
export const WORKFLOW = { name: 'Order', version: '1' };
export const ACTIVITY = { name: 'Charge', version: '1' };
export const TASK_LIST = { name: 'deciders' };
export const ACTIVITY_LIST = { name: 'workers' };
export const START_MS = Date.UTC(2024, 0, 1);

type Wire = Record<string, any>;

/** An engine on a virtual clock with a domain and one workflow and activity type registered. */
export class Harness {
  readonly clock: VirtualClock;
  readonly engine: SwfEngine;
  #requests = 0;

  /** Pass the `clock` (and `store`) of a previous harness to model a restart on the same state. */
  constructor(options: SwfEngineOptions & { clock?: VirtualClock } = {}) {
    this.clock = options.clock ?? new VirtualClock(START_MS);
    this.engine = new SwfEngine({ longPollTimeoutMs: 50, ...options, clock: this.clock });
  }

  static async create(options: SwfEngineOptions & { clock?: VirtualClock } = {}): Promise<Harness> {
    const harness = new Harness(options);
    await harness.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    await harness.call('RegisterWorkflowType', {
      domain: DOMAIN,
      ...WORKFLOW,
      defaultTaskList: TASK_LIST,
      defaultTaskStartToCloseTimeout: '10',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultChildPolicy: 'TERMINATE',
    });
    await harness.call('RegisterActivityType', {
      domain: DOMAIN,
      ...ACTIVITY,
      defaultTaskList: ACTIVITY_LIST,
      defaultTaskScheduleToStartTimeout: '60',
      defaultTaskScheduleToCloseTimeout: '120',
      defaultTaskStartToCloseTimeout: '60',
      defaultTaskHeartbeatTimeout: 'NONE',
    });
    return harness;
  }

  async call(operation: OperationName, input: Wire, signal?: AbortSignal): Promise<Wire> {
    const context = { region: 'us-east-1', requestId: `r${++this.#requests}`, ...(signal ? { signal } : {}) };
    // Validated first, as the HTTP front end does: the engine takes only validated input.
    return ((await this.engine.execute(operation, parseOperationInput(operation, input), context)) ?? {}) as Wire;
  }

  /** Starts a run of `Order` and returns its ids. */
  async start(workflowId = 'wf-1', extra: Wire = {}): Promise<{ workflowId: string; runId: string }> {
    const { runId } = await this.call('StartWorkflowExecution', { domain: DOMAIN, workflowId, workflowType: WORKFLOW, ...extra });
    return { workflowId, runId };
  }

  pollDecision(taskList = TASK_LIST, extra: Wire = {}): Promise<Wire> {
    return this.call('PollForDecisionTask', { domain: DOMAIN, taskList, identity: 'decider', ...extra });
  }

  pollActivity(taskList = ACTIVITY_LIST): Promise<Wire> {
    return this.call('PollForActivityTask', { domain: DOMAIN, taskList, identity: 'worker' });
  }

  decide(taskToken: string, decisions: Wire[], extra: Wire = {}): Promise<Wire> {
    return this.call('RespondDecisionTaskCompleted', { taskToken, decisions, ...extra });
  }

  async history(execution: { workflowId: string; runId: string }): Promise<Wire[]> {
    return (await this.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution })).events as Wire[];
  }

  async eventTypes(execution: { workflowId: string; runId: string }): Promise<string[]> {
    return (await this.history(execution)).map((event) => event.eventType as string);
  }

  describe(execution: { workflowId: string; runId: string }): Promise<Wire> {
    return this.call('DescribeWorkflowExecution', { domain: DOMAIN, execution });
  }

  close(): void {
    this.engine.close();
  }
}

export const scheduleActivity = (activityId: string, extra: Wire = {}): Wire => ({
  decisionType: 'ScheduleActivityTask',
  scheduleActivityTaskDecisionAttributes: { activityType: ACTIVITY, activityId, ...extra },
});

export const complete = (result?: string): Wire => ({
  decisionType: 'CompleteWorkflowExecution',
  completeWorkflowExecutionDecisionAttributes: result === undefined ? {} : { result },
});

/** Expects a promise to reject with an SwfFault of the given name. */
export async function faultOf(promise: Promise<unknown>): Promise<{ faultName: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { faultName: string; message: string };
  }
  throw new Error('expected the call to fail with an SwfFault');
}
