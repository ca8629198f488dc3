/**
 * Fan-out over a list: one child workflow per image, at most `concurrency` open at a time, results
 * and failures gathered in input order. A child per item keeps each item's history (and retries)
 * separate and the parent's history small: the parent sees only each child's start and close.
 */
import { ChildWorkflowFailure } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { FAN_OUT_TASK_LIST, Thumbnails } from './activities.js';

/** One item: render one thumbnail. */
export class ThumbnailWorkflow extends Workflow<{ image: string }, string> {
  static readonly type = { name: 'Thumbnail', version: '1', taskList: FAN_OUT_TASK_LIST, executionStartToCloseTimeout: '5m' };

  readonly #thumbnails = this.activities(Thumbnails, { retry: { initialInterval: '1s', maximumAttempts: 3 } });

  async execute({ image }: { image: string }): Promise<string> {
    return this.#thumbnails.render({ image, width: 320 });
  }
}

export interface Gallery {
  readonly images: readonly string[];
  /** Children open at once. */
  readonly concurrency: number;
}

export interface GalleryResult {
  readonly thumbnails: ReadonlyArray<{ readonly image: string; readonly thumbnail: string }>;
  readonly failures: ReadonlyArray<{ readonly image: string; readonly reason: string }>;
}

export class GalleryWorkflow extends Workflow<Gallery, GalleryResult> {
  static readonly type = { name: 'Gallery', version: '1', taskList: FAN_OUT_TASK_LIST, executionStartToCloseTimeout: '30m' };

  async execute({ images, concurrency }: Gallery): Promise<GalleryResult> {
    const outcomes: Array<{ thumbnail: string } | { reason: string }> = [];
    let next = 0;
    // `concurrency` lanes take the next image when their child closes: deterministic, so it replays.
    const lane = async (): Promise<void> => {
      while (next < images.length) {
        const index = next++;
        const image = images[index]!;
        try {
          const thumbnail = await this.executeChild(ThumbnailWorkflow, { input: { image }, workflowId: `${this.info.workflowId}.${index}` });
          outcomes[index] = { thumbnail };
        } catch (error) {
          outcomes[index] = { reason: describeChildFailure(error) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));

    const thumbnails: Array<{ image: string; thumbnail: string }> = [];
    const failures: Array<{ image: string; reason: string }> = [];
    outcomes.forEach((outcome, index) => {
      const image = images[index]!;
      if ('thumbnail' in outcome) thumbnails.push({ image, thumbnail: outcome.thumbnail });
      else failures.push({ image, reason: outcome.reason });
    });
    return { thumbnails, failures };
  }
}

function describeChildFailure(error: unknown): string {
  // A child's failure wraps its own cause: here, the activity failure that failed the child.
  let cause: unknown = error instanceof ChildWorkflowFailure ? error.cause : error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}
