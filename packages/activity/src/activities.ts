/**
 * Base class of activity definitions. Every public method of a subclass is one SWF activity type
 * named `<prefix>.<method>` (see core's `resolveActivityTypes`), taking one argument. Subclasses
 * declare `static readonly type: ActivityTypeOptions` (version, prefix, registration defaults).
 */
import { ACTIVITIES_BASE } from '@swirl/core';
import { ActivityContext } from './context.js';

export abstract class Activities {
  /** The context of the activity task currently running this method (heartbeat, signal, info). */
  protected get context(): ActivityContext {
    return ActivityContext.current();
  }
}

// core's activityMethodNames walks prototypes up to this marker, so base members are never activities.
Object.defineProperty(Activities.prototype, ACTIVITIES_BASE, { value: true });
