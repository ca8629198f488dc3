/** The signal a signup waits for; shared by the workflow (both versions) and the starter. */
import { defineSignal } from '@swirl/workflow';

export const emailConfirmed = defineSignal('emailConfirmed');
