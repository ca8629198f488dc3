/**
 * Maps SWF activity types to the methods that run them, built once from the worker's `Activities`
 * instances with core's naming rules, so registration and dispatch cannot disagree.
 */
import type { Activities } from '@swirl/activity';
import { resolveActivityTypes, type ActivityTypeCarrier, type ResolvedActivityType } from '@swirl/core';

export interface ActivityHandler {
  readonly type: ResolvedActivityType;
  readonly run: (input: unknown) => Promise<unknown>;
}

export class DuplicateActivityTypeError extends Error {
  override readonly name = 'DuplicateActivityTypeError';
}

const key = (name: string, version: string) => `${name}\u0000${version}`;

export class ActivityRegistry {
  readonly #handlers = new Map<string, ActivityHandler>();

  constructor(instances: ReadonlyArray<Activities>) {
    for (const instance of instances) {
      const activitiesClass = instance.constructor as unknown as ActivityTypeCarrier;
      for (const type of resolveActivityTypes(activitiesClass)) {
        const id = key(type.name, type.version);
        if (this.#handlers.has(id)) {
          throw new DuplicateActivityTypeError(
            `Activity type ${type.name} version ${type.version} is defined twice (again by ${activitiesClass.name}.${type.method}); give one a different prefix or name`,
          );
        }
        const method = (instance as unknown as Record<string, (input: unknown) => unknown>)[type.method]!;
        this.#handlers.set(id, { type, run: async (input) => method.call(instance, input) });
      }
    }
  }

  get(activityType: { name?: string | undefined; version?: string | undefined }): ActivityHandler | undefined {
    return this.#handlers.get(key(activityType.name ?? '', activityType.version ?? ''));
  }

  get types(): ResolvedActivityType[] {
    return [...this.#handlers.values()].map((handler) => handler.type);
  }
}
