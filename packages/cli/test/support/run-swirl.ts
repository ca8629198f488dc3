/** Runs `swirl` in process with captured output and a controlled environment. */
import { runCli, type CliIo } from '../../src/index.js';

export interface SwirlRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly tty?: boolean;
  readonly shutdownSignal?: AbortSignal;
  /** Receives stdout as it is written (for long-running commands). */
  readonly onStdout?: (text: string) => void;
}

export async function runSwirl(args: readonly string[], options: RunOptions = {}): Promise<SwirlRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      isTTY: options.tty ?? false,
      write: (text: string) => {
        stdout += text;
        options.onStdout?.(stdout);
        return true;
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.shutdownSignal && { shutdownSignal: options.shutdownSignal }),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
