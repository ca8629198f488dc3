/** The per-item work of the fan-out: rendering a thumbnail. Some images are corrupt and fail for good. */
import { Activities } from '@swirl/activity';
import { ApplicationFailure } from '@swirl/core';

export const FAN_OUT_TASK_LIST = 'fan-out';

export class Thumbnails extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: FAN_OUT_TASK_LIST, scheduleToStartTimeout: '1m', startToCloseTimeout: '30s', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' },
  };

  /** Renders a thumbnail; an image named `*.corrupt` cannot be decoded, however often it is tried. */
  async render(input: { image: string; width: number }): Promise<string> {
    if (input.image.endsWith('.corrupt')) throw ApplicationFailure.nonRetryable(`cannot decode ${input.image}`, 'CorruptImage');
    return `thumbs/${input.width}/${input.image}`;
  }
}
