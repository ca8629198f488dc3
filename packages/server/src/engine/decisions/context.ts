/** What a decision handler gets: the engine state, the run, and the DecisionTaskCompleted it belongs to. */
import type { ExecutionRecord } from '../../store/records.js';
import type { EngineState } from '../engine-state.js';

/** What every decision handler gets: the run being decided and the DecisionTaskCompleted id. */
export interface DecisionContext {
  state: EngineState;
  execution: ExecutionRecord;
  /** Id of this batch's DecisionTaskCompleted, recorded as `decisionTaskCompletedEventId`. */
  completedEventId: number;
  /** A ★ event arrived while the task was being decided: close decisions fail with UNHANDLED_DECISION. */
  decisionPending: boolean;
}

/** Decision attributes as validated wire JSON. */
export type DecisionAttributes = Record<string, any>;

export type DecisionHandler = (context: DecisionContext, attributes: DecisionAttributes) => void;
