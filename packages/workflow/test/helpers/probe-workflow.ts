/**
 * `Probe` starts one kind of operation and completes with what its awaiting code saw, so a test
 * can inject any history event and read the outcome from the CompleteWorkflowExecution result.
 */
import type { Decision } from '@aws-sdk/client-swf';
import { defineSignal, Workflow } from '../../src/index.js';
import { capture, Greetings } from './fixtures.js';

export const ping = defineSignal<number>('ping');

export class EchoChild extends Workflow<string, string> {
  static readonly type = { name: 'EchoChild', version: '1' };
  async execute(input: string): Promise<string> {
    return input;
  }
}

export type ProbeOp =
  | 'activity'
  | 'cancelActivity'
  | 'timer'
  | 'cancelTimer'
  | 'child'
  | 'cancelChild'
  | 'signalExternal'
  | 'cancelExternal'
  | 'lambda'
  | 'marker'
  | 'waitForCancel';

export class Probe extends Workflow<{ op: ProbeOp }, string> {
  static readonly type = { name: 'Probe', version: '1' };

  async execute({ op }: { op: ProbeOp }): Promise<string> {
    switch (op) {
      case 'activity':
        return capture(() => this.activities(Greetings).greet('x'));
      case 'cancelActivity': {
        const scope = this.cancellationScope();
        const outcome = capture(() => this.activities(Greetings, { scope }).greet('x'));
        await this.sleep('1s');
        scope.cancel();
        return outcome;
      }
      case 'timer':
        return capture(() => this.sleep('1m'));
      case 'cancelTimer': {
        const scope = this.cancellationScope();
        const outcome = capture(() => this.sleep('1m', { scope }));
        await this.activities(Greetings).ping();
        scope.cancel();
        return outcome;
      }
      case 'child':
        return capture(() => this.executeChild(EchoChild, { input: 'c', workflowId: 'child-1' }));
      case 'cancelChild': {
        const handle = await this.startChild(EchoChild, { input: 'c', workflowId: 'child-1' });
        handle.cancel();
        return capture(() => handle.result());
      }
      case 'signalExternal':
        return capture(() => this.getExternalWorkflow({ workflowId: 'other' }).signal(ping, 1));
      case 'cancelExternal':
        return capture(() => this.getExternalWorkflow({ workflowId: 'other' }).cancel());
      case 'lambda':
        return capture(() => this.lambda('fn', { a: 1 }));
      case 'marker':
        this.recordMarker('note', { x: 1 });
        return capture(() => this.sleep('1s'));
      case 'waitForCancel':
        return capture(() => this.condition(() => false));
    }
  }
}

/** The decoded result of the CompleteWorkflowExecution decision among `decisions`. */
export function completedWith(decisions: readonly Decision[]): unknown {
  const complete = decisions.find((decision) => decision.decisionType === 'CompleteWorkflowExecution');
  if (!complete) throw new Error(`No CompleteWorkflowExecution among ${decisions.map((d) => d.decisionType).join(', ') || 'no decisions'}`);
  const result = complete.completeWorkflowExecutionDecisionAttributes?.result;
  return result === undefined ? undefined : JSON.parse(result);
}
