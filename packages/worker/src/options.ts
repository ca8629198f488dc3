/**
 * Worker options: one zod schema is the source of truth for validation, defaults and the resolved
 * shape. Durations accept milliseconds or strings such as '10s'; they are compiled to ms once here.
 */
import { hostname } from 'node:os';
import type { SWFClient } from '@aws-sdk/client-swf';
import { Activities } from '@swirl/activity';
import {
  SWF_LIMITS,
  swfNameSchema,
  jsonPayloadConverter,
  parseDuration,
  type DurationInput,
  type PayloadCodec,
  type PayloadConverter,
} from '@swirl/core';
import { isDecider, type WorkflowDefinition } from '@swirl/workflow';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import type { WorkerInterceptor } from './worker-interceptors.js';

/** Options of `Worker.create`. */
export interface WorkerOptions {
  /** Your SWF client: region, credentials, endpoint and retries stay yours. */
  readonly client: SWFClient;
  /** The SWF domain to work in. */
  readonly domain: string;
  /** Decision task list to poll; also the activity task list unless `activityTaskList` is set. */
  readonly taskList: string;
  /** Activity task list to poll. @default taskList */
  readonly activityTaskList?: string;
  /** Workflow classes and `Decider`s this worker decides (and registers). @default [] */
  readonly workflows?: ReadonlyArray<WorkflowDefinition>;
  /** Instances of `Activities` subclasses this worker runs. @default [] */
  readonly activities?: ReadonlyArray<Activities>;
  /** Identity recorded in the task-started events (at most 256 characters). @default `${pid}@${hostname}` */
  readonly identity?: string;
  /** Concurrent long polls on the decision task list. @default 2 */
  readonly decisionPollers?: number;
  /** Concurrent long polls on the worker's own sticky task list. @default 1 */
  readonly stickyPollers?: number;
  /** Concurrent long polls on the activity task list. @default 2 */
  readonly activityPollers?: number;
  /** Decision tasks running at once (polls in flight take a slot too). @default 10 */
  readonly maxConcurrentDecisionTasks?: number;
  /** Activity tasks running at once (polls in flight take a slot too). @default 20 */
  readonly maxConcurrentActivityTasks?: number;
  /** The root pino logger; the worker logs through child loggers. @default pino() at level info */
  readonly logger?: Logger;
  /** Register the domain and every type at start (idempotently), or assume they exist. @default 'always' */
  readonly register?: 'always' | 'never';
  /** Retention of closed executions when the worker registers the domain, in days (0-90). @default 7 */
  readonly domainRetentionDays?: number;
  /** Runs whose runtime is kept for sticky execution; 0 turns sticky execution off. @default 100 */
  readonly stickyCacheSize?: number;
  /** How long a run's next decision task waits on the sticky list before SWF moves it back. @default '5s' */
  readonly stickyScheduleToStartTimeout?: DurationInput;
  /**
   * Events asked for in the first history page of a task on the sticky list (1-1000). A cached run needs
   * only the events since its last task (6 for a step of one activity); when they do not fit, one more
   * page asks for exactly the rest. Larger values save that round trip for busier steps; smaller ones
   * transfer fewer events. @default 25
   */
  readonly stickyFirstPageSize?: number;
  /**
   * The longest a graceful shutdown takes. Running tasks get this long to finish and be answered;
   * then activities still running are aborted, and the long polls still held are ended (at once
   * when no task is running). @default '10s'
   */
  readonly shutdownGraceTime?: DurationInput;
  /** Stop on SIGINT and SIGTERM with a graceful shutdown. @default true */
  readonly handleSignals?: boolean;
  /** Error classes that fail the workflow execution instead of the decision task. @default [] */
  readonly failWorkflowOn?: ReadonlyArray<new (...args: any[]) => Error>;
  /** Turns values into payload strings and back. @default jsonPayloadConverter */
  readonly payloadConverter?: PayloadConverter;
  /** Codecs applied to every payload string, in order on encode and reversed on decode. @default [] */
  readonly payloadCodecs?: ReadonlyArray<PayloadCodec>;
  /** Log payload contents at debug level. Off by default because payloads may hold personal data. @default false */
  readonly logPayloads?: boolean;
  /**
   * Heartbeat on behalf of every running activity, at the throttle interval. Each task then reads its
   * ActivityTaskScheduled event once (one GetWorkflowExecutionHistory page) to pace by the heartbeat
   * timeout its workflow chose. @default false
   */
  readonly autoHeartbeat?: boolean;
  /** Heartbeat throttle when neither the activity type nor the scheduling decision sets a heartbeat timeout. @default '30s' */
  readonly defaultHeartbeatThrottleInterval?: DurationInput;
  /**
   * Upper bound of the heartbeat throttle, which is otherwise 80% of the heartbeat timeout. The task
   * starts with the registered default; when heartbeats come faster than that allows, the worker reads
   * the timeout the scheduling decision chose (a workflow may set it lower) and adopts it. @default '60s'
   */
  readonly maxHeartbeatThrottleInterval?: DurationInput;
  /** Request timeout of long polls; SWF holds a poll up to 60 s, so at least 70 s. @default '70s' */
  readonly pollRequestTimeout?: DurationInput;
  /**
   * Hooks around each decision task and each activity task (the first is the outermost), e.g.
   * `@swirl/opentelemetry`'s `OpenTelemetryWorkerInterceptor`. @default []
   */
  readonly interceptors?: ReadonlyArray<WorkerInterceptor>;
}

const duration = z
  .union([z.number(), z.string()])
  .transform((value, context) => {
    try {
      return parseDuration(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const swfName = swfNameSchema;

const positiveInt = z.number().int().min(1);

export const workerOptionsSchema = z.object({
  client: z.custom<SWFClient>((value) => typeof (value as SWFClient | undefined)?.send === 'function', {
    message: 'must be an SWFClient from @aws-sdk/client-swf',
  }),
  domain: swfName,
  taskList: swfName,
  activityTaskList: swfName.optional(),
  workflows: z
    .array(
      z.custom<WorkflowDefinition>((value) => typeof value === 'function' || isDecider(value), {
        message: 'must be a Workflow class or a Decider ({ type, decide })',
      }),
    )
    .default([]),
  activities: z
    .array(z.custom<Activities>((value) => value instanceof Activities, { message: 'must be an instance of an Activities subclass' }))
    .default([]),
  identity: z.string().min(1).max(SWF_LIMITS.identity).default(() => `${process.pid}@${hostname()}`.slice(0, SWF_LIMITS.identity)),
  decisionPollers: positiveInt.default(2),
  stickyPollers: positiveInt.default(1),
  activityPollers: positiveInt.default(2),
  maxConcurrentDecisionTasks: positiveInt.default(10),
  maxConcurrentActivityTasks: positiveInt.default(20),
  logger: z
    .custom<Logger>((value) => typeof (value as Logger | undefined)?.child === 'function', { message: 'must be a pino logger' })
    .default(() => pino({ level: 'info' })),
  register: z.enum(['always', 'never']).default('always'),
  domainRetentionDays: z.number().int().min(0).max(SWF_LIMITS.retentionDays).default(7),
  stickyCacheSize: z.number().int().min(0).default(100),
  stickyScheduleToStartTimeout: duration.default(5_000),
  stickyFirstPageSize: z.number().int().min(1).max(SWF_LIMITS.maximumPageSize).default(25),
  shutdownGraceTime: duration.default(10_000),
  handleSignals: z.boolean().default(true),
  failWorkflowOn: z
    .array(z.custom<new (...args: any[]) => Error>((value) => typeof value === 'function', { message: 'must be an Error class' }))
    .default([]),
  payloadConverter: z
    .custom<PayloadConverter>((value) => typeof (value as PayloadConverter | undefined)?.toPayload === 'function', {
      message: 'must implement PayloadConverter (toPayload, fromPayload)',
    })
    .default(() => jsonPayloadConverter),
  payloadCodecs: z
    .array(
      z.custom<PayloadCodec>((value) => typeof (value as PayloadCodec | undefined)?.encode === 'function', {
        message: 'must implement PayloadCodec (encode, decode)',
      }),
    )
    .default([]),
  logPayloads: z.boolean().default(false),
  autoHeartbeat: z.boolean().default(false),
  defaultHeartbeatThrottleInterval: duration.default(30_000),
  maxHeartbeatThrottleInterval: duration.default(60_000),
  pollRequestTimeout: duration
    .default(70_000)
    .refine((ms) => ms >= 70_000, { message: 'must be at least 70s: SWF holds a long poll for up to 60s' }),
  interceptors: z
    .array(z.custom<WorkerInterceptor>((value) => typeof value === 'object' && value !== null, { message: 'must be a WorkerInterceptor object' }))
    .default([]),
});

/** Options with every default filled in and every duration in milliseconds. */
export type ResolvedWorkerOptions = z.output<typeof workerOptionsSchema>;

export class WorkerOptionsError extends Error {
  override readonly name = 'WorkerOptionsError';
}

/** Validates and resolves worker options; throws `WorkerOptionsError` listing every problem. */
export function resolveWorkerOptions(options: WorkerOptions): ResolvedWorkerOptions {
  const result = workerOptionsSchema.safeParse(options);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(options)'}: ${issue.message}`);
    throw new WorkerOptionsError(`Invalid worker options:\n${problems.join('\n')}`);
  }
  return result.data;
}
