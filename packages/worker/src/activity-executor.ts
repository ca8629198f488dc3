/**
 * Runs one activity task: decodes the input, calls the method inside its activity context, and answers
 * SWF with Completed, Failed or Canceled. A task SWF no longer knows is logged and dropped.
 */
import {
  RecordActivityTaskHeartbeatCommand,
  type PollForActivityTaskCommandOutput,
  type SWFClient,
} from '@aws-sdk/client-swf';
import {
  createActivityContext,
  isCancellation,
  type ActivityCancelledError,
  type ActivityInfo,
  type ActivityTaskControl,
  type HeartbeatOutcome,
} from '@swirl/activity';
import { SWF_LIMITS, fromSwfDuration, readHeaders, type PayloadHeaders } from '@swirl/core';
import type { Logger } from 'pino';
import { ActivityCompletionClient } from './activity-completion-client.js';
import type { ActivityHandler, ActivityRegistry } from './activity-registry.js';
import type { PayloadPipeline } from '@swirl/core';
import { ScheduledActivityReader } from './scheduled-activity-reader.js';
import { sendAnswer } from './answer-retry.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { ActivityTaskRef, TaskOutcome, WorkerEvents } from './worker-events.js';
import { WorkerInterceptors, type ActivityTaskCall, type ActivityTaskResult } from './worker-interceptors.js';

export interface ActivityExecutorOptions {
  readonly client: SWFClient;
  readonly domain: string;
  readonly taskList: string;
  readonly registry: ActivityRegistry;
  readonly payloads: PayloadPipeline;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly logPayloads: boolean;
  readonly autoHeartbeat: boolean;
  readonly defaultHeartbeatThrottleMs: number;
  readonly maxHeartbeatThrottleMs: number;
  /** Aborted when answers still failing must be given up (the shutdown grace time is over). */
  readonly answersGiveUp: AbortSignal;
  /** Hooks around each activity task. @default none */
  readonly interceptors?: WorkerInterceptors;
}

/** The error an activity task fails with when this worker has no method for its type. */
export class ActivityTypeNotRegisteredError extends Error {
  override readonly name = 'ActivityTypeNotRegisteredError';
}

export class ActivityExecutor {
  readonly #options: ActivityExecutorOptions;
  readonly #completion: ActivityCompletionClient;
  readonly #scheduled: ScheduledActivityReader;
  readonly #running = new Set<ActivityTaskControl>();
  readonly #interceptors: WorkerInterceptors;

  constructor(options: ActivityExecutorOptions) {
    this.#options = options;
    this.#interceptors = options.interceptors ?? new WorkerInterceptors();
    this.#completion = ActivityCompletionClient.withPipeline(options.client, options.payloads);
    this.#scheduled = new ScheduledActivityReader({ client: options.client, domain: options.domain });
  }

  get runningTasks(): number {
    return this.#running.size;
  }

  /** Aborts the signal of every running activity (shutdown grace time is over). */
  abortAll(): void {
    for (const control of this.#running) control.abort('WORKER_SHUTDOWN');
  }

  async execute(task: PollForActivityTaskCommandOutput): Promise<void> {
    const { events } = this.#options;
    const ref: ActivityTaskRef = {
      kind: 'activity',
      workflowId: task.workflowExecution?.workflowId ?? '',
      runId: task.workflowExecution?.runId ?? '',
      activityId: task.activityId ?? '',
      activityType: `${task.activityType?.name}@${task.activityType?.version}`,
    };
    const logger = this.#options.logger.child({ workflowId: ref.workflowId, runId: ref.runId, activityId: ref.activityId });
    const startedAt = performance.now();
    const call: ActivityTaskCall = {
      domain: this.#options.domain,
      taskList: this.#options.taskList,
      workflowExecution: { workflowId: ref.workflowId, runId: ref.runId },
      activityId: ref.activityId,
      activityType: { name: task.activityType?.name ?? '', version: task.activityType?.version ?? '' },
      startedEventId: task.startedEventId ?? 0,
      headers: headersOrNone(task.input),
      receivedAt: Date.now(),
    };
    events.emit('taskStarted', ref);
    try {
      await this.#interceptors.run('activityTask', call, () => this.#run(task, ref, logger, startedAt));
    } catch (error) {
      // The task reports its own errors; only an interceptor's land here.
      logger.error({ err: describeError(error) }, 'activity task interceptor failed; SWF will time the task out if it was not answered');
      events.emit('taskFailed', { ...ref, error });
    }
  }

  /** Decodes the input, runs the activity and answers SWF: the part of an activity task the interceptors wrap. */
  async #run(task: PollForActivityTaskCommandOutput, ref: ActivityTaskRef, logger: Logger, startedAt: number): Promise<ActivityTaskResult> {
    const { events, registry } = this.#options;
    const taskToken = task.taskToken!;
    const handler = registry.get(task.activityType ?? {});
    // The answer is worth retrying until the registered start-to-close timeout would have closed the task.
    const startToCloseMs = swfDurationMs(handler?.type.defaultTaskStartToCloseTimeout);
    const deadline = startToCloseMs === undefined ? undefined : Date.now() + startToCloseMs;
    if (!handler) {
      const error = new ActivityTypeNotRegisteredError(
        `This worker has no activity for type ${task.activityType?.name} version ${task.activityType?.version}; it runs: ${registry.types.map((type) => `${type.name}@${type.version}`).join(', ') || '(none)'}`,
      );
      logger.error({ err: describeError(error) }, 'activity type not registered with this worker');
      return this.#respond(ref, deadline, logger, 'failed', startedAt, () => this.#completion.fail(taskToken, error), error);
    }

    const control = this.#createControl(task, handler, ref, logger);
    this.#running.add(control);
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      const input = await this.#options.payloads.decode(task.input);
      if (this.#options.logPayloads) logger.debug({ input }, 'activity input');
      outcome = { ok: true, value: await control.run(() => handler.run(input)) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      this.#running.delete(control);
      await control.dispose();
    }

    const { signal } = control.context;
    if (control.completesManually) {
      logger.debug('activity will be completed through an ActivityCompletionClient');
      events.emit('taskCompleted', { ...ref, outcome: 'manual', durationMs: performance.now() - startedAt });
      return { outcome: 'manual' };
    }
    if (outcome.ok) {
      if (this.#options.logPayloads) logger.debug({ result: outcome.value }, 'activity result');
      let tooLarge: Error | undefined;
      const result = await this.#respond(ref, deadline, logger, 'completed', startedAt, async () => {
        try {
          await this.#completion.complete(taskToken, outcome.value);
        } catch (error) {
          // A result too large for SWF fails the activity with that reason rather than vanishing.
          if (error instanceof Error && error.name === 'PayloadTooLargeError') {
            tooLarge = error;
            return this.#completion.fail(taskToken, error);
          }
          throw error;
        }
      });
      return tooLarge !== undefined && result.outcome === 'completed' ? { outcome: 'failed', error: tooLarge } : result;
    }
    const error = outcome.error;
    if (isCancellation(error, signal)) {
      const reason = (signal.reason as ActivityCancelledError).reason;
      if (reason === 'TASK_GONE') {
        logger.warn('activity stopped: SWF no longer knows the task (timed out or workflow closed); nothing to answer');
        events.emit('respondDropped', { ...ref, error });
        return { outcome: 'dropped', error };
      }
      if (reason === 'CANCEL_REQUESTED') {
        logger.info('activity canceled on request');
        return this.#respond(ref, deadline, logger, 'canceled', startedAt, () => this.#completion.cancel(taskToken, control.context.lastHeartbeatDetails), error);
      }
    }
    logger.warn({ err: describeError(error) }, 'activity failed');
    return this.#respond(ref, deadline, logger, 'failed', startedAt, () => this.#completion.fail(taskToken, error), error);
  }

  #createControl(task: PollForActivityTaskCommandOutput, handler: ActivityHandler, ref: ActivityTaskRef, logger: Logger): ActivityTaskControl {
    const { client, domain, taskList, payloads } = this.#options;
    const heartbeatTimeoutMs = swfDurationMs(handler.type.defaultTaskHeartbeatTimeout);
    const startToCloseTimeoutMs = swfDurationMs(handler.type.defaultTaskStartToCloseTimeout);
    const startedAt = new Date();
    const info: ActivityInfo = {
      domain,
      taskList,
      taskToken: task.taskToken!,
      activityId: task.activityId!,
      activityType: { name: task.activityType!.name!, version: task.activityType!.version! },
      workflowExecution: { workflowId: task.workflowExecution!.workflowId!, runId: task.workflowExecution!.runId! },
      startedEventId: task.startedEventId ?? 0,
      attempt: undefined,
      startedAt,
      heartbeatTimeoutMs,
      startToCloseTimeoutMs,
      deadline: startToCloseTimeoutMs === undefined ? undefined : new Date(startedAt.getTime() + startToCloseTimeoutMs),
    };
    const throttleMs = this.#heartbeatIntervalFor(heartbeatTimeoutMs);
    const recordHeartbeat = async (details: unknown): Promise<HeartbeatOutcome> => {
      const encoded = await payloads.encode(details, { field: 'details', limit: SWF_LIMITS.heartbeatDetails });
      try {
        const output = await client.send(
          new RecordActivityTaskHeartbeatCommand({ taskToken: info.taskToken, ...(encoded !== undefined && { details: encoded }) }),
        );
        const outcome = output.cancelRequested ? 'CANCEL_REQUESTED' : 'OK';
        this.#options.events.emit('heartbeatRecorded', { ...ref, outcome });
        return outcome;
      } catch (error) {
        if (isSwfError(error, 'UnknownResourceFault')) {
          this.#options.events.emit('heartbeatRecorded', { ...ref, outcome: 'TASK_GONE' });
          return 'TASK_GONE';
        }
        throw error;
      }
    };
    const control = createActivityContext({
      info,
      recordHeartbeat,
      heartbeatThrottleMs: throttleMs,
      onHeartbeatError: (error) => {
        logger.warn({ err: describeError(error) }, 'heartbeat not sent; the next one retries');
        this.#options.events.emit('heartbeatFailed', { ...ref, error });
      },
      // Heartbeats come faster than the registered pacing allows: learn the timeout this run chose.
      onThrottled: () => this.#adoptScheduledHeartbeatTimeout(control, logger),
    });
    if (this.#options.autoHeartbeat) {
      control.startAutoHeartbeat(throttleMs);
      // Automatic heartbeats keep the task alive only if paced by the timeout the run really chose.
      this.#adoptScheduledHeartbeatTimeout(control, logger);
    }
    return control;
  }

  /** Heartbeat well inside the timeout (80%) so one slow call does not cost the task; capped; the default without a timeout. */
  #heartbeatIntervalFor(heartbeatTimeoutMs: number | undefined): number {
    const { defaultHeartbeatThrottleMs, maxHeartbeatThrottleMs } = this.#options;
    return heartbeatTimeoutMs === undefined ? defaultHeartbeatThrottleMs : Math.min(heartbeatTimeoutMs * 0.8, maxHeartbeatThrottleMs);
  }

  /**
   * Reads the heartbeat timeout the scheduling decision chose (it may override the registered default)
   * and paces this task's heartbeats by it. Runs in the background, once per task; on failure the
   * registered pacing stays and the reason is logged.
   */
  #adoptScheduledHeartbeatTimeout(control: ActivityTaskControl, logger: Logger): void {
    const { workflowExecution, startedEventId } = control.context.info;
    this.#scheduled.read({ ...workflowExecution }, startedEventId).then(
      (scheduled) => {
        if (control.disposed) return;
        if (!scheduled) {
          logger.warn({ startedEventId }, 'ActivityTaskScheduled not found near the newest events; heartbeats keep the registered pacing');
          return;
        }
        const intervalMs = this.#heartbeatIntervalFor(swfDurationMs(scheduled.heartbeatTimeout));
        if (intervalMs !== control.heartbeatIntervalMs) {
          logger.debug({ heartbeatTimeout: scheduled.heartbeatTimeout, intervalMs }, 'heartbeat pacing follows the scheduled heartbeat timeout');
          control.setHeartbeatInterval(intervalMs);
        }
      },
      (error: unknown) => {
        if (control.disposed) return;
        logger.warn({ err: describeError(error) }, 'could not read the scheduled heartbeat timeout; heartbeats keep the registered pacing');
      },
    );
  }

  async #respond(
    ref: ActivityTaskRef,
    deadline: number | undefined,
    logger: Logger,
    outcome: TaskOutcome,
    startedAt: number,
    send: () => Promise<void>,
    activityError?: unknown,
  ): Promise<ActivityTaskResult> {
    const { events, answersGiveUp } = this.#options;
    try {
      await sendAnswer(send, {
        deadline,
        giveUp: answersGiveUp,
        onRetry: ({ attempt, error, retryInMs }) => {
          logger.warn({ err: describeError(error), outcome, attempt, retryInMs }, 'could not answer the activity task yet; sending the answer again');
          events.emit('respondRetried', { ...ref, attempt, error, retryInMs });
        },
      });
      events.emit('taskCompleted', { ...ref, outcome, durationMs: performance.now() - startedAt });
      return activityError === undefined ? { outcome } : { outcome, error: activityError };
    } catch (error) {
      if (isSwfError(error, 'UnknownResourceFault')) {
        logger.warn({ err: describeError(error), outcome }, 'SWF no longer knows the activity task (timed out or workflow closed); answer dropped');
        events.emit('respondDropped', { ...ref, error });
        return { outcome: 'dropped', error };
      }
      logger.error({ err: describeError(error), outcome }, 'could not answer the activity task; SWF will time it out');
      events.emit('taskFailed', { ...ref, error });
      return { outcome: 'unanswered', error };
    }
  }
}

/** The headers in front of the input; none when they are malformed, which decoding the input then reports as the activity's failure. */
function headersOrNone(input: string | undefined): PayloadHeaders {
  try {
    return readHeaders(input);
  } catch {
    return {};
  }
}

/** An SWF duration (whole seconds, or NONE) in milliseconds; undefined when absent or NONE. */
function swfDurationMs(wire: string | undefined): number | undefined {
  if (wire === undefined) return undefined;
  const seconds = fromSwfDuration(wire);
  return Number.isFinite(seconds) ? seconds * 1_000 : undefined;
}
