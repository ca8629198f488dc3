/**
 * A long-lived benchmark child (the server, a process of Workers) and the typed messages it sends.
 * Every message has a `type`; `{ type: 'error', error }` reports the child's failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { ChildBenchmarkError } from './child-process.js';

export interface ChannelOptions<Type extends string> {
  /** Names the child in errors, e.g. `server`. */
  readonly name: string;
  /** Types the child sends on its own (progress); `next` lets them pass instead of failing. */
  readonly background?: readonly Type[];
  /** Node flags of the child. @default the parent's (tsx, swirl-source) */
  readonly execArgv?: readonly string[];
}

export class ChildChannel<M extends { readonly type: string }> {
  readonly #child: ChildProcess;
  readonly #name: string;
  readonly #background: ReadonlySet<string>;
  readonly #exit: Promise<number | null>;

  /** Forks `modulePath` with the given node flags, by default the parent's (tsx, swirl-source). */
  constructor(modulePath: string, args: readonly string[], options: ChannelOptions<M['type']>) {
    const execArgv = [...(options.execArgv ?? process.execArgv)];
    this.#child = fork(modulePath, [...args], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#name = options.name;
    this.#background = new Set(options.background ?? []);
    this.#exit = new Promise((resolve) => this.#child.once('exit', (code) => resolve(code)));
  }

  /** The child's process id, for reading its resource use from outside. */
  get pid(): number {
    return this.#child.pid!;
  }

  get exited(): boolean {
    return this.#child.exitCode !== null || this.#child.signalCode !== null;
  }

  on(listener: (message: M) => void): void {
    this.#child.on('message', (message) => listener(message as M));
  }

  /**
   * The next message of `type`. Rejects on an `error` message, on a message of another type that is
   * not a background type, and when the child exits first.
   */
  next<T extends M['type']>(type: T): Promise<Extract<M, { type: T }>> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        this.#child.off('message', onMessage);
        this.#child.off('exit', onExit);
      };
      const onMessage = (raw: unknown): void => {
        const message = raw as M;
        if (message.type === type) resolve(message as Extract<M, { type: T }>);
        else if (message.type === 'error') reject(new ChildBenchmarkError(`the ${this.#name} process failed: ${(message as { error?: string }).error}`));
        else if (this.#background.has(message.type)) return;
        else reject(new ChildBenchmarkError(`the ${this.#name} process sent "${message.type}" instead of "${type}"`));
        settle();
      };
      const onExit = (code: number | null): void => {
        settle();
        reject(new ChildBenchmarkError(`the ${this.#name} process exited (code ${code}) before sending "${type}"`));
      };
      this.#child.on('message', onMessage);
      this.#child.once('exit', onExit);
    });
  }

  /** Sends `message` and resolves with the answer of type `answer`. */
  request<T extends M['type']>(message: string, answer: T): Promise<Extract<M, { type: T }>> {
    const answered = this.next(answer);
    this.#child.send(message);
    return answered;
  }

  /** Resolves when the process has exited. */
  async waitForExit(): Promise<void> {
    await this.#exit;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (!this.exited) this.#child.kill(signal);
  }
}
