/**
 * Workflows and activities of the end-to-end tests. Together they make every one of SWF's 13
 * decision types; the child-process worker imports them too.
 */
import { Activities } from '@swirl/activity';
import { ApplicationFailure } from '@swirl/core';
import { Workflow, defineSignal } from '@swirl/workflow';

export const TASK_LIST = 'e2e';

export class Kitchen extends Activities {
  static readonly type = { version: '1', defaults: { startToCloseTimeout: '20s', scheduleToStartTimeout: '20s', scheduleToCloseTimeout: '40s', heartbeatTimeout: '3s', taskList: TASK_LIST } };

  async greet(name: string): Promise<string> {
    return `hello ${name}`;
  }

  /** Runs until its cancellation is requested, heartbeating so it learns of it. */
  async waitForCancel(_input: null): Promise<string> {
    const { signal } = this.context;
    while (!signal.aborted) {
      this.context.heartbeat('waiting');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    signal.throwIfAborted();
    return 'not cancelled';
  }
}

export const wakeUp = defineSignal<string>('wakeUp');

export class Echo extends Workflow<string, string> {
  static readonly type = { name: 'Echo', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(input: string): Promise<string> {
    return `echo ${input}`;
  }
}

/** Completes with the first wakeUp signal it receives. */
export class Sleeper extends Workflow<void, string> {
  static readonly type = { name: 'Sleeper', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(): Promise<string> {
    let woken: string | undefined;
    this.setHandler(wakeUp, (by) => {
      woken = by;
    });
    await this.condition(() => woken !== undefined);
    return `woken by ${woken}`;
  }
}

/** Counts down by continuing as new, then completes. */
export class Countdown extends Workflow<number, string> {
  static readonly type = { name: 'Countdown', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(remaining: number): Promise<string> {
    if (remaining > 0) return this.continueAsNew(remaining - 1);
    return 'lift-off';
  }
}

export class Rejecting extends Workflow<void, never> {
  static readonly type = { name: 'Rejecting', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(): Promise<never> {
    await this.sleep(0);
    throw ApplicationFailure.nonRetryable('order was rejected', 'OrderRejected');
  }
}

/** Waits to be cancelled, and reports it by closing as canceled. */
export class Cancellable extends Workflow<void, string> {
  static readonly type = { name: 'Cancellable', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(): Promise<string> {
    await this.sleep('1h');
    return 'slept an hour';
  }
}

/**
 * Exercises ScheduleActivityTask, RequestCancelActivityTask, RecordMarker, StartTimer, CancelTimer,
 * StartChildWorkflowExecution, SignalExternalWorkflowExecution, RequestCancelExternalWorkflowExecution,
 * ScheduleLambdaFunction and CompleteWorkflowExecution.
 */
export class KitchenSink extends Workflow<string, Record<string, unknown>> {
  static readonly type = { name: 'KitchenSink', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #kitchen = this.activities(Kitchen);

  async execute(name: string): Promise<Record<string, unknown>> {
    const greeting = await this.#kitchen.greet(name);
    this.recordMarker('greeted', { greeting });
    await this.sleep('1s');

    const timerScope = this.cancellationScope();
    const longTimer = this.sleep('1h', { scope: timerScope }).then(
      () => 'fired',
      (error: Error) => error.name,
    );
    timerScope.cancel();

    const activityScope = this.cancellationScope();
    const cancelledActivity = this.activities(Kitchen, { scope: activityScope })
      .waitForCancel(null)
      .then(
        (value) => value,
        (error: Error & { cause?: Error }) => `${error.name}>${error.cause?.name}`,
      );
    await this.sleep('1s');
    activityScope.cancel();

    const child = await this.executeChild(Echo, { input: name, workflowId: `${this.info.workflowId}.echo` });

    const sleeper = await this.startChild(Sleeper, { input: undefined, workflowId: `${this.info.workflowId}.sleeper` });
    await this.getExternalWorkflow({ workflowId: sleeper.workflowId }).signal(wakeUp, 'kitchen');
    const sleeperResult = await sleeper.result();

    const cancellable = await this.startChild(Cancellable, { input: undefined, workflowId: `${this.info.workflowId}.cancellable` });
    await this.getExternalWorkflow({ workflowId: cancellable.workflowId }).cancel();
    const cancellableOutcome = await cancellable.result().then(
      () => 'completed',
      (error: Error & { cause?: Error }) => `${error.name}>${error.cause?.name}`,
    );

    const doubled = await this.lambda<number>('double', 21);
    return {
      greeting,
      timer: await longTimer,
      activity: await cancelledActivity,
      child,
      sleeperResult,
      cancellableOutcome,
      doubled,
    };
  }
}



/** Sequential activities, a timer, a marker and a child: a deterministic history for comparisons. */
export class Pipeline extends Workflow<number, string[]> {
  static readonly type = { name: 'Pipeline', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #kitchen = this.activities(Kitchen, { retry: { initialInterval: '1s', maximumAttempts: 5 } });

  async execute(steps: number): Promise<string[]> {
    const results: string[] = [];
    for (let step = 0; step < steps; step += 1) {
      results.push(await this.#kitchen.greet(`step ${step}`));
      if (step === 0) await this.sleep(0);
    }
    this.recordMarker('halfway', { results: results.length });
    results.push(await this.executeChild(Echo, { input: 'child', workflowId: `${this.info.workflowId}.echo` }));
    return results;
  }
}

/** Works for a while; in a process started with SWIRL_E2E_HANG=1 it never finishes (until killed). */
export class Fragile extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: '2s', startToCloseTimeout: '30s', scheduleToStartTimeout: '30s', scheduleToCloseTimeout: '60s', taskList: TASK_LIST },
  };

  async work(job: string): Promise<string> {
    if (process.env.SWIRL_E2E_HANG === '1') {
      process.stdout.write(`started ${this.context.info.activityId}\n`);
      for (;;) {
        this.context.heartbeat('still working');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return `done ${job} by ${process.pid}`;
  }
}

/** One activity with decider-side retries: survives the worker that runs it dying. */
export class Resilient extends Workflow<string, string> {
  static readonly type = { name: 'Resilient', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(job: string): Promise<string> {
    return this.activities(Fragile, { retry: { initialInterval: '1s', maximumAttempts: 3 } }).work(job);
  }
}

/** Activities, timers, markers and side effects one after another: its history has a single possible order (no uuid4 or random: those are seeded from the runId). */
export class Sequential extends Workflow<number, string[]> {
  static readonly type = { name: 'Sequential', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #kitchen = this.activities(Kitchen);

  async execute(steps: number): Promise<string[]> {
    const results: string[] = [];
    for (let step = 0; step < steps; step += 1) {
      results.push(await this.#kitchen.greet(`step ${step}`));
      if (step % 2 === 0) await this.sleep(0);
      this.recordMarker('progress', { step });
    }
    results.push(String(this.sideEffect(() => 7)));
    return results;
  }
}

/** Fast activities one after another and nothing else: each decision task follows an activity that completes at once. */
export class GreetingChain extends Workflow<number, number> {
  static readonly type = { name: 'GreetingChain', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #kitchen = this.activities(Kitchen);

  async execute(length: number): Promise<number> {
    for (let link = 0; link < length; link += 1) await this.#kitchen.greet(`link ${link}`);
    return length;
  }
}

/** Takes four seconds, then answers: the work a draining worker must finish and report. */
export class Slow extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: 'NONE', startToCloseTimeout: '60s', scheduleToStartTimeout: '60s', scheduleToCloseTimeout: '120s', taskList: 'e2e-slow' },
  };

  async work(index: number): Promise<string> {
    process.stdout.write(`started ${index}\n`);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    return `slow ${index} by ${process.pid}`;
  }
}

/** Six Slow activities at once. */
export class SlowFanOut extends Workflow<void, string[]> {
  static readonly type = { name: 'SlowFanOut', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(): Promise<string[]> {
    const slow = this.activities(Slow);
    return Promise.all([0, 1, 2, 3, 4, 5].map((index) => slow.work(index)));
  }
}

export const ALL_WORKFLOWS = [KitchenSink, Echo, Sleeper, Countdown, Rejecting, Cancellable, Pipeline, Sequential];
