/**
 * Types of the activity proxies `this.activities(Cls, options)` returns: one method per public
 * method of the activities class, taking its one argument and resolving to its awaited result.
 */
import type { ActivityTypeCarrier } from '@swirl/core';

type Method = (...args: any[]) => any;

/** The activity methods of instances of an activities class, as awaitable proxy calls. */
export type ActivityProxy<A> = {
  readonly [K in keyof A as K extends `_${string}` ? never : A[K] extends Method ? K : never]: A[K] extends (...args: infer P) => infer R
    ? P extends [] | [unknown] | [unknown?]
      ? (...args: P) => Promise<Awaited<R>>
      : never
    : never;
};

/** An activities class: its instances' methods are the activities; its static `type` names them. */
export type ActivitiesClass<A> = ActivityTypeCarrier & (abstract new (...args: any[]) => A);
