/** The committed histories of approval: approved after a day, and expired after three (virtual) days. */
import { recordWithTimeSkipping, type Recording } from '../shared/recording.js';
import { APPROVAL_TASK_LIST, Approvals, Purchasing, type PurchaseRequest } from './activities.js';
import { decide } from './signals.js';
import { PurchaseApprovalWorkflow } from './workflow.js';

const request: PurchaseRequest = { requestId: 'r-1', item: 'standing desk', amountCents: 48_900, approver: 'grace' };
const workers = () => [{ taskList: APPROVAL_TASK_LIST, workflows: [PurchaseApprovalWorkflow], activities: [new Approvals(), new Purchasing()] }];

export const recordings: readonly Recording[] = [
  {
    file: 'approved.json',
    record: () =>
      recordWithTimeSkipping(workers(), async (env) => {
        const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-approved', input: { request, timeout: '3d' } });
        await env.sleep('1d');
        await handle.signal(decide, { approved: true, by: 'grace', comment: 'within budget' });
        await env.runUntil(handle.result());
        return handle;
      }),
  },
  {
    file: 'expired.json',
    record: () =>
      recordWithTimeSkipping(workers(), async (env) => {
        const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-expired', input: { request, timeout: '3d' } });
        await env.runUntil(handle.result());
        return handle;
      }),
  },
];
