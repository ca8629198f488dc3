/** The activities of a purchase approval: asking the approver, and placing the order once approved. */
import { Activities } from '@swirl/activity';

export const APPROVAL_TASK_LIST = 'approval';

export interface PurchaseRequest {
  readonly requestId: string;
  readonly item: string;
  readonly amountCents: number;
  readonly approver: string;
}

const defaults = { taskList: APPROVAL_TASK_LIST, scheduleToStartTimeout: '1m', startToCloseTimeout: '30s', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' };

export class Approvals extends Activities {
  static readonly type = { version: '1', defaults };

  /** Tells the approver a request waits for them (a stand-in for an email or a chat message). */
  async askApprover(input: { request: PurchaseRequest; deadline: string }): Promise<string> {
    return `asked ${input.request.approver} to decide on ${input.request.requestId} before ${input.deadline}`;
  }
}

export class Purchasing extends Activities {
  static readonly type = { version: '1', defaults };

  async placeOrder(request: PurchaseRequest): Promise<string> {
    return `PO-${request.requestId}`;
  }
}
