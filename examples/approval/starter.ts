/**
 * Starts a purchase approval, prints its published state with `describe`, then answers as the
 * approver: `approve` (default) or `reject`; `wait` leaves the decision to you (the command is printed).
 *
 *   node --conditions=swirl-source --import tsx examples/approval/starter.ts [approve|reject|wait]
 */
import { WorkflowClient, type WorkflowHandle } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { decide } from './signals.js';
import { PurchaseApprovalWorkflow, type ApprovalState } from './workflow.js';

const action = process.argv[2] ?? 'approve';
if (!['approve', 'reject', 'wait'].includes(action)) throw new RangeError(`expected approve, reject or wait, got "${action}"`);

async function printState(handle: WorkflowHandle): Promise<ApprovalState | undefined> {
  const description = await handle.describe<ApprovalState>();
  console.log(`${description.status}${description.closeStatus ? ` (${description.closeStatus})` : ''}:`, JSON.stringify(description.publishedState));
  return description.publishedState;
}

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const requestId = `req-${Date.now().toString(36)}`;
const handle = await client.start(PurchaseApprovalWorkflow, {
  workflowId: `approval-${requestId}`,
  input: { request: { requestId, item: 'standing desk', amountCents: 48_900, approver: 'grace' }, timeout: '3d' },
});
console.log(`started ${handle.workflowId}`);

// The state is published with each decision; wait until the workflow asks for the approval.
while ((await printState(handle))?.status !== 'WAITING_FOR_APPROVAL') await new Promise((resolve) => setTimeout(resolve, 250));

if (action === 'wait') {
  console.log('Decide it yourself within 3 days, e.g.:');
  console.log(`  pnpm swirl --domain ${EXAMPLES_DOMAIN} workflow signal ${handle.workflowId} decide --input '{"approved":true,"by":"you"}'`);
  console.log(`  pnpm swirl --domain ${EXAMPLES_DOMAIN} workflow describe ${handle.workflowId}`);
} else {
  await handle.signal(decide, { approved: action === 'approve', by: 'grace', comment: 'within budget' });
  await handle.result();
  await printState(handle);
}
client.swf.destroy();
