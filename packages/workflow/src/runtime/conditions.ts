/** `condition(predicate, timeout?)`: predicates re-checked whenever the workflow goes quiet. */
import { CancelledFailure, type DurationInput } from '@swirl/core';
import { Deferred } from './deferred.js';
import type { ExecutionKernel } from './execution-kernel.js';
import type { TimerOperation } from './operations.js';
import { stabilizeStack } from './stable-stack.js';
import type { Timers } from './timers.js';

interface PendingCondition {
  readonly predicate: () => boolean;
  readonly result: Deferred<boolean>;
  timer: TimerOperation | undefined;
  unsubscribe: () => void;
}

export class Conditions {
  readonly #kernel: ExecutionKernel;
  readonly #timers: Timers;
  readonly #pending = new Set<PendingCondition>();

  constructor(kernel: ExecutionKernel, timers: Timers) {
    this.#kernel = kernel;
    this.#timers = timers;
  }

  wait(predicate: () => boolean, timeout: DurationInput | undefined): Promise<boolean> {
    const kernel = this.#kernel;
    kernel.touch();
    const result = new Deferred<boolean>();
    if (kernel.rootScope.isCancelled) {
      result.reject(stabilizeStack(new CancelledFailure('Workflow cancellation was requested: condition not awaited')));
      return result.promise;
    }
    if (predicate()) {
      result.resolve(true);
      return result.promise;
    }
    const pending: PendingCondition = { predicate, result, timer: undefined, unsubscribe: () => undefined };
    this.#pending.add(pending);
    if (timeout !== undefined) {
      pending.timer = this.#timers.start(`t${kernel.nextId('timer')}`, timeout, {
        onFired: () => this.#settle(pending, () => result.resolve(false)),
        onCancelled: () => undefined,
        onFailed: (error) => this.#settle(pending, () => result.reject(error)),
      });
    }
    pending.unsubscribe = kernel.rootScope.onCancel(() => {
      this.#pending.delete(pending);
      if (pending.timer) this.#timers.cancel(pending.timer);
      result.reject(stabilizeStack(new CancelledFailure('Workflow cancellation was requested while waiting on a condition')));
    });
    return result.promise;
  }

  /** Resolves every condition whose predicate now holds; true when any did (or a predicate threw). */
  check(): boolean {
    let woke = false;
    for (const pending of this.#pending) {
      let satisfied: boolean;
      try {
        satisfied = pending.predicate();
      } catch (error) {
        // A predicate runs on the runtime's stack; its frames would differ between sticky and full replays.
        this.#pending.delete(pending);
        this.#kernel.workflowError(error instanceof Error ? stabilizeStack(error) : error);
        woke = true;
        continue;
      }
      if (!satisfied) continue;
      if (pending.timer) this.#timers.cancel(pending.timer);
      this.#settle(pending, () => pending.result.resolve(true));
      woke = true;
    }
    if (woke) this.#kernel.touch();
    return woke;
  }

  #settle(pending: PendingCondition, settle: () => void): void {
    this.#pending.delete(pending);
    pending.unsubscribe();
    settle();
  }
}
