/** The job the schedule runs: building a report. */
import { Activities } from '@swirl/activity';

export const PERIODIC_TASK_LIST = 'periodic';

export class Reports extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: PERIODIC_TASK_LIST, scheduleToStartTimeout: '5m', startToCloseTimeout: '1m', scheduleToCloseTimeout: '10m', heartbeatTimeout: 'NONE' },
  };

  /** Builds report number `sequence` for the period starting at `periodStart`. */
  async build(input: { sequence: number; periodStart: string }): Promise<string> {
    return `report #${input.sequence} for ${input.periodStart}`;
  }
}
