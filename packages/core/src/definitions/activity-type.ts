/**
 * How an activities class names its SWF activity types. Every public method of the class is one
 * activity type, named `<prefix>.<method>`, sharing the class version. The worker registers from this
 * and the workflow runtime schedules from it, so names never drift apart.
 */
import { toOptionalSwfDuration, type DurationInput } from '../duration.js';
import { DefinitionError } from './definition-error.js';

/**
 * Where an activity task queues and how long each phase of it may take. A workflow's call options
 * override, per call, the defaults an activities class registers for its types (`ActivityDefaults`).
 */
export interface ActivityTaskOptions {
  /** Task list the task is queued on. @default the activity type's default */
  readonly taskList?: string;
  /** Task priority (int32, higher first). @default the activity type's default */
  readonly taskPriority?: number;
  /** How long the task may wait on its list before a worker starts it. @default the activity type's default */
  readonly scheduleToStartTimeout?: DurationInput;
  /** How long a started task may run. @default the activity type's default */
  readonly startToCloseTimeout?: DurationInput;
  /** How long the task may take from being scheduled to closing. @default the activity type's default */
  readonly scheduleToCloseTimeout?: DurationInput;
  /** Longest silence between heartbeats of a started task. @default the activity type's default */
  readonly heartbeatTimeout?: DurationInput;
}

/**
 * Registration defaults of one activity type. A field left unset has no registered default, and
 * SWF then needs the value when the activity is scheduled.
 */
export interface ActivityDefaults extends ActivityTaskOptions {
  /** Registered description of the type. @default none */
  readonly description?: string;
}

/** Static `type` of an activities class. */
export interface ActivityTypeOptions {
  /** Prefix of every activity type name of the class. @default the class name */
  readonly prefix?: string;
  /** SWF activity type version shared by every method. */
  readonly version: string;
  /** Defaults for every method of the class. @default none registered */
  readonly defaults?: ActivityDefaults;
  /** Per-method overrides of the name and defaults. @default none */
  readonly methods?: Readonly<Record<string, ActivityDefaults & { readonly name?: string }>>;
}

/** Anything that carries a static activities `type` (an `Activities` subclass). */
export interface ActivityTypeCarrier {
  readonly name: string;
  readonly type?: ActivityTypeOptions;
  readonly prototype: object;
}

/** One activity type in wire form: what RegisterActivityType takes and what scheduling uses. */
export interface ResolvedActivityType {
  readonly method: string;
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly defaultTaskList?: { name: string };
  readonly defaultTaskPriority?: string;
  readonly defaultTaskScheduleToStartTimeout?: string;
  readonly defaultTaskStartToCloseTimeout?: string;
  readonly defaultTaskScheduleToCloseTimeout?: string;
  readonly defaultTaskHeartbeatTimeout?: string;
}

/** Set on the prototype of the `Activities` base class: the method walk stops there. */
export const ACTIVITIES_BASE = Symbol.for('swirl.activities.base');

/** The public method names of an activities class: its own and inherited ones above the base class. */
export function activityMethodNames(activitiesClass: ActivityTypeCarrier): string[] {
  const names = new Set<string>();
  for (
    let proto: object | null = activitiesClass.prototype;
    proto && proto !== Object.prototype && !Object.prototype.hasOwnProperty.call(proto, ACTIVITIES_BASE);
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (descriptor && typeof descriptor.value === 'function') names.add(key);
    }
  }
  return [...names].sort();
}

function typeOptions(activitiesClass: ActivityTypeCarrier): ActivityTypeOptions {
  const options = activitiesClass.type;
  if (!options || typeof options.version !== 'string' || options.version.length === 0) {
    throw new DefinitionError(
      `Activities class ${activitiesClass.name} needs a static "type" with at least a version, e.g. static readonly type = { version: '1' }`,
    );
  }
  return options;
}

/** The SWF activity type of one method, with its registration defaults. */
export function resolveActivityType(activitiesClass: ActivityTypeCarrier, method: string): ResolvedActivityType {
  const options = typeOptions(activitiesClass);
  if (!activityMethodNames(activitiesClass).includes(method)) {
    throw new DefinitionError(
      `${activitiesClass.name} has no activity method "${method}"; its activities are: ${activityMethodNames(activitiesClass).join(', ') || '(none)'}`,
    );
  }
  const override = options.methods?.[method];
  const merged: ActivityDefaults = { ...options.defaults, ...override };
  const fields = {
    description: merged.description,
    defaultTaskList: merged.taskList === undefined ? undefined : { name: merged.taskList },
    defaultTaskPriority: merged.taskPriority === undefined ? undefined : String(merged.taskPriority),
    defaultTaskScheduleToStartTimeout: toOptionalSwfDuration(merged.scheduleToStartTimeout),
    defaultTaskStartToCloseTimeout: toOptionalSwfDuration(merged.startToCloseTimeout),
    defaultTaskScheduleToCloseTimeout: toOptionalSwfDuration(merged.scheduleToCloseTimeout),
    defaultTaskHeartbeatTimeout: toOptionalSwfDuration(merged.heartbeatTimeout),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    method,
    name: override?.name ?? `${options.prefix ?? activitiesClass.name}.${method}`,
    version: options.version,
    ...defined,
  };
}

/** Every activity type of an activities class, one per public method. */
export function resolveActivityTypes(activitiesClass: ActivityTypeCarrier): ResolvedActivityType[] {
  return activityMethodNames(activitiesClass).map((method) => resolveActivityType(activitiesClass, method));
}
