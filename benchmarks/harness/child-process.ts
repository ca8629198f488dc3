/**
 * Measurements that need a clean process (peak RSS, memory held) run in a forked child: the parent
 * sends nothing but argv, the child answers one IPC message with its result or its error.
 */
import { fork } from 'node:child_process';

type ChildMessage<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: string };

export class ChildBenchmarkError extends Error {
  override readonly name = 'ChildBenchmarkError';
}

export interface ChildOptions {
  /** Extra node flags, e.g. `--expose-gc`. The parent's flags (tsx, swirl-source) are always passed. */
  readonly nodeFlags?: readonly string[];
  /** Kill the child after this long. @default 15 minutes */
  readonly timeoutMs?: number;
}

/** Forks `modulePath` with `args`, resolves with the result it sends through `answerParent`. */
export function runInChild<T>(modulePath: string, args: readonly string[], options: ChildOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(modulePath, [...args], {
      execArgv: [...process.execArgv, ...(options.nodeFlags ?? [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: ChildMessage<T> | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);
    child.on('message', (message) => {
      answer = message as ChildMessage<T>;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (answer?.ok) resolve(answer.result);
      else if (answer) reject(new ChildBenchmarkError(`${modulePath} ${args.join(' ')} failed: ${answer.error}`));
      else reject(new ChildBenchmarkError(`${modulePath} ${args.join(' ')} exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}

/** The child's side: runs `measure`, sends its result (or error) to the parent, and exits. */
export function answerParent<T>(measure: () => Promise<T>): void {
  const send = (message: ChildMessage<T>): void => {
    if (!process.send) throw new ChildBenchmarkError('This module is a benchmark child: run it through runInChild()');
    process.send(message, () => process.exit(0));
  };
  measure().then(
    (result) => send({ ok: true, result }),
    (error: unknown) => send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
