/**
 * The low road: a `Decider` is an explicit state machine. It receives the whole indexed, linked
 * history of the run and returns the decisions of the open task, built with `decisions.*`.
 */
import type { Decision } from '@aws-sdk/client-swf';
import type { History } from '@swirl/core';

export interface Decider {
  decide(history: History): Decision[];
}
