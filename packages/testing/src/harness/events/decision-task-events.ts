/**
 * Decision tasks: scheduled, started, completed (followed by the event each accepted decision
 * records, from `decision-events.ts`) and timed out, and `decisionTask()` for the whole round.
 */
import type { Decision } from '@aws-sdk/client-swf';
import { recordDecisionEvent } from './decision-events.js';
import { WorkflowExecutionEvents } from './execution-events.js';

export class DecisionTaskEvents extends WorkflowExecutionEvents {
  decisionTaskScheduled(): this {
    const started = this.attributesOf(1, 'WorkflowExecutionStarted');
    return this.add('DecisionTaskScheduled', { taskList: started.taskList, startToCloseTimeout: started.taskStartToCloseTimeout });
  }

  /** DecisionTaskStarted of the latest DecisionTaskScheduled. */
  decisionTaskStarted(): this {
    return this.add('DecisionTaskStarted', { scheduledEventId: this.find('DecisionTaskScheduled'), identity: this.identity });
  }

  /**
   * DecisionTaskCompleted of the latest started decision task, then one event per decision exactly as
   * SWF records an accepted decision (ActivityTaskScheduled, TimerStarted, ...).
   */
  decisionTaskCompleted(options: { readonly decisions?: readonly Decision[]; readonly executionContext?: string } = {}): this {
    const startedEventId = this.find('DecisionTaskStarted');
    this.add('DecisionTaskCompleted', {
      scheduledEventId: this.attributesOf(startedEventId, 'DecisionTaskStarted').scheduledEventId,
      startedEventId,
      executionContext: options.executionContext,
    });
    for (const decision of options.decisions ?? []) recordDecisionEvent(this, decision, this.lastEventId);
    return this;
  }

  /** A whole decision task: scheduled, started and completed with `decisions`. */
  decisionTask(options: { readonly decisions?: readonly Decision[]; readonly executionContext?: string } = {}): this {
    return this.decisionTaskScheduled().decisionTaskStarted().decisionTaskCompleted(options);
  }

  decisionTaskTimedOut(): this {
    const startedEventId = this.find('DecisionTaskStarted');
    return this.add('DecisionTaskTimedOut', {
      scheduledEventId: this.attributesOf(startedEventId, 'DecisionTaskStarted').scheduledEventId,
      startedEventId,
      timeoutType: 'START_TO_CLOSE',
    });
  }
}
