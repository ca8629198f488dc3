/** The approver's answer, sent as a signal; shared by the workflow, the starter and the tests. */
import { defineSignal } from '@swirl/workflow';

export interface ApprovalDecision {
  readonly approved: boolean;
  readonly by: string;
  readonly comment?: string;
}

export const decide = defineSignal<ApprovalDecision>('decide');
