/** Incoming signals: delivered to their handler, or buffered until workflow code sets one. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import type { EventAttributes } from '@swirl/core';
import type { ExecutionKernel } from './execution-kernel.js';

export class SignalInbox {
  readonly #kernel: ExecutionKernel;
  readonly #handlers = new Map<string, (input: unknown) => unknown>();
  readonly #buffered = new Map<string, unknown[]>();

  constructor(kernel: ExecutionKernel) {
    this.#kernel = kernel;
  }

  setHandler(name: string, handler: ((input: unknown) => unknown) | undefined): void {
    this.#kernel.touch();
    if (!handler) {
      this.#handlers.delete(name);
      return;
    }
    this.#handlers.set(name, handler);
    const buffered = this.#buffered.get(name);
    if (!buffered) return;
    this.#buffered.delete(name);
    for (const input of buffered) this.#kernel.runUserCode(() => handler(input));
  }

  signaled(_event: HistoryEvent, attributes: EventAttributes<'WorkflowExecutionSignaled'>): boolean {
    const name = attributes.signalName ?? '';
    const input = this.#kernel.converter.fromPayload(attributes.input);
    const handler = this.#handlers.get(name);
    if (handler) {
      this.#kernel.runUserCode(() => handler(input));
      return true;
    }
    const buffered = this.#buffered.get(name);
    if (buffered) buffered.push(input);
    else this.#buffered.set(name, [input]);
    return false;
  }
}
