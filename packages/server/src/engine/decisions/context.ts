import type { ExecutionRecord } from '../../store/records.js';
import type { Runtime } from '../runtime.js';

/** What every decision handler gets: the run being decided and the DecisionTaskCompleted id. */
export interface DecisionContext {
  rt: Runtime;
  execution: ExecutionRecord;
  /** Id of this batch's DecisionTaskCompleted, recorded as `decisionTaskCompletedEventId`. */
  completedEventId: number;
  /** A ★ event arrived while the task was being decided: close decisions fail with UNHANDLED_DECISION. */
  decisionPending: boolean;
}

/** Decision attributes as validated wire JSON. */
export type DecisionAttributes = Record<string, any>;

export type DecisionHandler = (context: DecisionContext, attributes: DecisionAttributes) => void;
