/**
 * The committed histories of versioning: `before-change.json` recorded with the workflow as it was
 * before the fraud screen was added, `after-change.json` with the patched workflow.
 */
import type { WorkflowClass } from '@swirl/workflow';
import { recordRun, type Recording } from '../shared/recording.js';
import { Accounts, SIGNUP_TASK_LIST } from './activities.js';
import { emailConfirmed } from './signals.js';
import { SignupWorkflowBeforeChange } from './workflow-before-change.js';
import { SignupWorkflow } from './workflow.js';

const recordSignup = (workflow: WorkflowClass<SignupWorkflow | SignupWorkflowBeforeChange>, workflowId: string) =>
  recordRun({ workers: [{ taskList: SIGNUP_TASK_LIST, workflows: [workflow], activities: [new Accounts()] }] }, async (run) => {
    // Both classes are type Signup@1: the client starts the type, the worker's class decides it.
    const handle = await run.client.start(SignupWorkflow, { workflowId, input: { email: 'ada@example.com' } });
    await handle.signal(emailConfirmed);
    await handle.result();
    return handle;
  });

export const recordings: readonly Recording[] = [
  { file: 'before-change.json', record: () => recordSignup(SignupWorkflowBeforeChange, 'signup-before-change') },
  { file: 'after-change.json', record: () => recordSignup(SignupWorkflow, 'signup-after-change') },
];
