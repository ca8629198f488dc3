/** The JSON lines a child process of the fault tests writes on stdout, collected as they arrive. */
import type { ChildProcess } from 'node:child_process';

export class ChildMessages<M extends { readonly type: string }> {
  readonly #seen: M[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly #name: string;
  #exit: string | undefined;

  constructor(child: ChildProcess, name: string) {
    this.#name = name;
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        // Reports are JSON objects; anything else on stdout is passed on for the test's output.
        if (line.startsWith('{')) this.#seen.push(JSON.parse(line) as M);
        else if (line.trim() !== '') process.stderr.write(`${name}: ${line}\n`);
      }
      this.#wake();
    });
    child.once('exit', (code, signal) => {
      this.#exit = `exited with ${signal ?? `code ${code}`}`;
      this.#wake();
    });
  }

  /** Every message so far of `type`. */
  all<T extends M['type']>(type: T): Array<Extract<M, { type: T }>> {
    return this.#seen.filter((message): message is Extract<M, { type: T }> => message.type === type);
  }

  /** Resolves once `count` messages of `type` arrived; rejects when the child exits first or `timeoutMs` passes. */
  next<T extends M['type']>(type: T, count = 1, timeoutMs = 60_000): Promise<Array<Extract<M, { type: T }>>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.#name}: ${this.all(type).length} of ${count} '${type}' messages after ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        const matched = this.all(type);
        if (matched.length >= count) {
          clearTimeout(timer);
          return resolve(matched);
        }
        if (this.#exit !== undefined) {
          clearTimeout(timer);
          return reject(new Error(`${this.#name} ${this.#exit} after ${matched.length} of ${count} '${type}' messages`));
        }
        this.#waiters.push(check);
      };
      check();
    });
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }
}
