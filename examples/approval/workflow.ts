/**
 * A human approval racing a deadline: the workflow asks the approver, then waits for the `decide`
 * signal or a durable timer, whichever comes first. It publishes its state at each step, so anyone
 * can read where it stands with `describe` (SWF's latestExecutionContext) without a query API.
 */
import { ApplicationFailure, parseDuration } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { APPROVAL_TASK_LIST, Approvals, Purchasing, type PurchaseRequest } from './activities.js';
import { decide, type ApprovalDecision } from './signals.js';

export interface ApprovalInput {
  readonly request: PurchaseRequest;
  /** How long the approver has, e.g. '3d'. */
  readonly timeout: string;
}

export type ApprovalStatus = 'ASKING' | 'WAITING_FOR_APPROVAL' | 'ORDERED' | 'REJECTED' | 'EXPIRED';

/** What the workflow publishes; `describe()` returns it as `publishedState`. */
export interface ApprovalState {
  readonly status: ApprovalStatus;
  readonly approver: string;
  /** When the request expires (workflow time, ISO 8601). */
  readonly deadline: string;
  readonly decidedBy?: string;
  readonly comment?: string;
  readonly purchaseOrder?: string;
}

export class PurchaseApprovalWorkflow extends Workflow<ApprovalInput, ApprovalState> {
  static readonly type = { name: 'PurchaseApproval', version: '1', taskList: APPROVAL_TASK_LIST, executionStartToCloseTimeout: '30d' };

  readonly #approvals = this.activities(Approvals);
  readonly #purchasing = this.activities(Purchasing);
  #decision: ApprovalDecision | undefined;

  async execute({ request, timeout }: ApprovalInput): Promise<ApprovalState> {
    this.setHandler(decide, (decision) => {
      this.#decision ??= decision; // the first answer counts
    });
    const deadline = new Date(this.now().getTime() + timeoutMs(timeout)).toISOString();
    const state = (status: ApprovalStatus, extra: Partial<ApprovalState> = {}): ApprovalState => {
      const published: ApprovalState = { status, approver: request.approver, deadline, ...extra };
      this.publishState(published);
      return published;
    };

    state('ASKING');
    await this.#approvals.askApprover({ request, deadline });
    state('WAITING_FOR_APPROVAL');

    // true when the signal arrived first, false when the timer fired first.
    if (!(await this.condition(() => this.#decision !== undefined, timeout))) return state('EXPIRED');
    const { approved, by, comment } = this.#decision!;
    const decided = { decidedBy: by, ...(comment !== undefined && { comment }) };
    if (!approved) return state('REJECTED', decided);
    const purchaseOrder = await this.#purchasing.placeOrder(request);
    return state('ORDERED', { ...decided, purchaseOrder });
  }
}

/** Bad input fails the execution at once (an ApplicationFailure), instead of failing every decision task. */
function timeoutMs(timeout: string): number {
  try {
    return parseDuration(timeout);
  } catch (error) {
    throw ApplicationFailure.nonRetryable(`invalid approval timeout: ${(error as Error).message}`, 'InvalidInput');
  }
}
