/**
 * Finishes activity tasks by task token: for activities that called `doNotComplete()` and are
 * completed later, possibly by another process. Values go through the same converter and codecs
 * as the worker's, so the workflow decodes them the same way.
 */
import {
  RecordActivityTaskHeartbeatCommand,
  RespondActivityTaskCanceledCommand,
  RespondActivityTaskCompletedCommand,
  RespondActivityTaskFailedCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { PayloadPipeline, SWF_LIMITS, jsonPayloadConverter, type PayloadCodec, type PayloadConverter } from '@swirl/core';

export interface ActivityCompletionClientOptions {
  readonly client: SWFClient;
  /** @default jsonPayloadConverter */
  readonly payloadConverter?: PayloadConverter;
  /** @default [] */
  readonly payloadCodecs?: ReadonlyArray<PayloadCodec>;
}

/**
 * Every method throws the SDK's `UnknownResourceFault` when SWF no longer knows the task (it timed out,
 * was already answered, or its workflow closed).
 */
export class ActivityCompletionClient {
  readonly #client: SWFClient;
  #payloads: PayloadPipeline;

  constructor(options: ActivityCompletionClientOptions) {
    this.#client = options.client;
    this.#payloads = new PayloadPipeline({ converter: options.payloadConverter ?? jsonPayloadConverter, codecs: options.payloadCodecs ?? [] });
  }

  /** @internal the worker shares its pipeline */
  static withPipeline(client: SWFClient, payloads: PayloadPipeline): ActivityCompletionClient {
    const completion = new ActivityCompletionClient({ client });
    completion.#payloads = payloads;
    return completion;
  }

  /** RespondActivityTaskCompleted with `result` as the activity's result. */
  async complete(taskToken: string, result?: unknown): Promise<void> {
    const encoded = await this.#payloads.encode(result, { field: 'result' });
    await this.#client.send(new RespondActivityTaskCompletedCommand({ taskToken, ...(encoded !== undefined && { result: encoded }) }));
  }

  /** RespondActivityTaskFailed with the error's type as `reason` and its message, stack and causes as `details`. */
  async fail(taskToken: string, error: unknown): Promise<void> {
    const { reason, details } = await this.#payloads.encodeFailure(error);
    await this.#client.send(new RespondActivityTaskFailedCommand({ taskToken, reason, details }));
  }

  /** RespondActivityTaskCanceled: the activity stopped because its cancellation was requested. */
  async cancel(taskToken: string, details?: unknown): Promise<void> {
    const encoded = await this.#payloads.encode(details, { field: 'details' });
    await this.#client.send(new RespondActivityTaskCanceledCommand({ taskToken, ...(encoded !== undefined && { details: encoded }) }));
  }

  /** RecordActivityTaskHeartbeat; details are limited to 2048 characters once encoded. */
  async heartbeat(taskToken: string, details?: unknown): Promise<{ cancelRequested: boolean }> {
    const encoded = await this.#payloads.encode(details, { field: 'details', limit: SWF_LIMITS.heartbeatDetails });
    const output = await this.#client.send(
      new RecordActivityTaskHeartbeatCommand({ taskToken, ...(encoded !== undefined && { details: encoded }) }),
    );
    return { cancelRequested: output.cancelRequested ?? false };
  }
}
