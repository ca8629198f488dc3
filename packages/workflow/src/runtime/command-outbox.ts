/**
 * Commands waiting to go out, in the order the workflow produced them. SWF takes any number of
 * decisions per response, but like the AWS Flow frameworks we send at most 100 and continue with
 * a zero-second timer, so one huge burst never produces an oversized request.
 */
import type { Command } from './operations.js';

/** Most decisions sent in one RespondDecisionTaskCompleted. */
export const MAX_DECISIONS_PER_RESPONSE = 100;

/** Withdraws a command still waiting to go out: history already holds what it would have asked for. */
export function withdrawIfUnsent(command: Command | undefined): void {
  if (command !== undefined && !command.sent) command.dropped = true;
}

export class CommandOutbox {
  #queue: Command[] = [];

  push(command: Command): Command {
    this.#queue.push(command);
    return command;
  }

  /** Every queued command that was not dropped, in order; the outbox is left empty. */
  takeAll(): Command[] {
    const commands = this.#queue.filter((command) => !command.dropped);
    this.#queue = [];
    return commands;
  }

  /** Puts commands that did not fit back in front of anything queued since. */
  putBack(commands: readonly Command[]): void {
    this.#queue = commands.concat(this.#queue);
  }
}
