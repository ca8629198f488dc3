/**
 * What the per-kind command modules (activities, timers, children, ...) need from the execution
 * they belong to: emitting commands, finding the operation an event completes, sequence ids,
 * the converter, and reporting errors from workflow code. `RunKernel` (run-kernel.ts) implements it.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import type { PayloadConverter } from '@swirl/core';
import type { CancellationScope } from '../cancellation-scope.js';
import type { WorkflowLogger } from '../logger.js';
import type { WorkflowInfo } from '../workflow-info.js';
import type { Command, Operation } from './operations.js';

/** Kinds of per-run sequence ids: `a1`, `t1`, `c1`, `l1`, `se1`, `r1`, `swirl.continue.1`. */
export type SequenceKind = 'activity' | 'timer' | 'child' | 'lambda' | 'sideEffect' | 'retry' | 'continuation';

export interface ExecutionKernel {
  readonly converter: PayloadConverter;
  readonly rootScope: CancellationScope;
  readonly log: WorkflowLogger;
  readonly info: WorkflowInfo;
  /** True while the batch being run is a past (replayed) one. */
  readonly replaying: boolean;
  /** The next number of a kind of sequence id. */
  nextId(kind: SequenceKind): number;
  /** Records observable progress of the workflow (for the microtask drain). */
  touch(): void;
  /** Queues a command; its recorded event will be linked to `operation`. */
  push(decision: Decision, operation: Operation): Command;
  /** The operation a recorded event id belongs to; throws `NonDeterminismError` when it is not of `kind`. */
  owner<T extends Operation>(eventId: number | undefined, kind: T['kind'], event: HistoryEvent): T;
  /** Whether a recorded event id belongs to some operation. */
  owns(eventId: number | undefined): boolean;
  /** Runs workflow code (a handler) on a fresh stack, classifying what it throws. */
  runUserCode(code: () => unknown): void;
  /** Classifies an error thrown by workflow code: close the run, or fail the decision task. */
  workflowError(error: unknown): void;
}

/** A user priority in SWF wire form (a string), or undefined. */
export const wirePriority = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));
