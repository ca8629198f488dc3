/** The stdout of a worker process a test spawned, read line by line. */
import type { ChildProcess } from 'node:child_process';

/** Collects the child's stdout lines; `next(pattern, count)` resolves once `count` lines matched. */
export function childOutput(child: ChildProcess) {
  const seen: string[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    seen.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = (pattern: RegExp, count = 1): Promise<string[]> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const matched = seen.filter((line) => pattern.test(line));
        if (matched.length >= count) return resolve(matched);
        waiters.push(check);
      };
      child.once('exit', (code, signal) => {
        const matched = seen.filter((line) => pattern.test(line));
        if (matched.length < count) reject(new Error(`worker exited (${code ?? signal}) after ${matched.length} of ${count} lines matching ${pattern}`));
      });
      check();
    });
  return { next };
}
