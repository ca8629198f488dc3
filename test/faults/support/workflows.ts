/**
 * The workflows and activities of the kill and crash tests. The worker process (worker-child.ts)
 * registers all of them; each test starts the ones it needs.
 */
import { Activities } from '@swirl/activity';
import { TimeoutFailure } from '@swirl/core';
import { Workflow, defineSignal } from '@swirl/workflow';

export const FAULTS_TASK_LIST = 'faults';
/** A list no worker polls: an activity scheduled on it can only time out (SCHEDULE_TO_START). */
export const UNPOLLED_TASK_LIST = 'faults-unpolled';

export interface LongTaskInput {
  readonly job: string;
  /** How long the activity works, heartbeating every 250 ms. */
  readonly workMs: number;
}

/** A heartbeating activity: a worker killed while it runs is noticed within the 2 s heartbeat timeout. */
export class Chores extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: '2s', startToCloseTimeout: '30s', scheduleToStartTimeout: '120s', scheduleToCloseTimeout: '300s', taskList: FAULTS_TASK_LIST },
  };

  async longTask(input: LongTaskInput): Promise<string> {
    const until = Date.now() + input.workMs;
    while (Date.now() < until) {
      this.context.heartbeat('working');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return `done ${input.job}`;
  }
}

/** Activities that answer at once and have no heartbeat timeout (a server crash cannot time them out by silence). */
export class Steps extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: 'NONE', startToCloseTimeout: '60s', scheduleToStartTimeout: '120s', scheduleToCloseTimeout: '300s', taskList: FAULTS_TASK_LIST },
  };

  async quick(step: string): Promise<string> {
    return `did ${step}`;
  }
}

/** One heartbeating activity with decider-side retries: survives the worker that runs it being killed. */
export class HeartbeatJob extends Workflow<LongTaskInput, string> {
  static readonly type = { name: 'HeartbeatJob', version: '1', taskList: FAULTS_TASK_LIST, executionStartToCloseTimeout: '10m', taskStartToCloseTimeout: '5s' };
  async execute(input: LongTaskInput): Promise<string> {
    return this.activities(Chores, { retry: { initialInterval: '1s', backoffCoefficient: 1, maximumAttempts: 5 } }).longTask(input);
  }
}

/** Activities, a timer and a marker one after another: a history with a single possible order. */
export class ThreeSteps extends Workflow<string, string[]> {
  static readonly type = { name: 'ThreeSteps', version: '1', taskList: FAULTS_TASK_LIST, executionStartToCloseTimeout: '10m', taskStartToCloseTimeout: '3s' };
  readonly #steps = this.activities(Steps);

  async execute(name: string): Promise<string[]> {
    const results = [await this.#steps.quick(`${name} one`)];
    await this.sleep('1s');
    results.push(await this.#steps.quick(`${name} two`));
    this.recordMarker('two done', { results: results.length });
    results.push(await this.#steps.quick(`${name} three`));
    return results;
  }
}

export const go = defineSignal<string>('go');

/** The child of CrashCourse: an activity and a timer. */
export class CrashChild extends Workflow<number, string> {
  static readonly type = { name: 'CrashChild', version: '1', taskList: FAULTS_TASK_LIST, executionStartToCloseTimeout: '10m', taskStartToCloseTimeout: '10s' };
  async execute(index: number): Promise<string> {
    const done = await this.activities(Steps).quick(`child ${index}`);
    await this.sleep('1s');
    return done;
  }
}

export interface CrashCourseResult {
  readonly first: string;
  readonly signal: string;
  readonly child: string;
  readonly timeout: string;
}

/**
 * An activity, a signal, a timer, a child and a timeout that must fire: every kind of state a
 * server crash could lose.
 */
export class CrashCourse extends Workflow<number, CrashCourseResult> {
  static readonly type = { name: 'CrashCourse', version: '1', taskList: FAULTS_TASK_LIST, executionStartToCloseTimeout: '10m', taskStartToCloseTimeout: '10s' };
  readonly #steps = this.activities(Steps);

  async execute(index: number): Promise<CrashCourseResult> {
    let signal: string | undefined;
    this.setHandler(go, (value) => {
      signal ??= value;
    });
    // Armed from the start, so the run holds a timer and an activity timeout for its first seconds.
    const timeout = this.activities(Steps, { taskList: UNPOLLED_TASK_LIST, scheduleToStartTimeout: '5s' })
      .quick('never started')
      .then(
        (value) => `ran: ${value}`,
        (error: Error & { cause?: unknown }) => (error.cause instanceof TimeoutFailure ? `timed out ${error.cause.timeoutType}` : `failed: ${error.message}`),
      );
    const early = this.sleep('4s');
    const first = await this.#steps.quick(`first ${index}`);
    await this.condition(() => signal !== undefined);
    await this.sleep('2s');
    const child = await this.executeChild(CrashChild, { input: index, workflowId: `${this.info.workflowId}.child` });
    await early;
    return { first, signal: signal!, child, timeout: await timeout };
  }
}

export const FAULT_WORKFLOWS = [HeartbeatJob, ThreeSteps, CrashChild, CrashCourse];
export const faultActivities = () => [new Chores(), new Steps()];
