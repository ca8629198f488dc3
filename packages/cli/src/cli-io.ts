/**
 * Where the CLI writes and what it reads from its surroundings, injected so tests run commands in
 * process and capture their output.
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted when a long-running command (`swirl server`) should stop. @default SIGINT or SIGTERM */
  readonly shutdownSignal?: AbortSignal;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
