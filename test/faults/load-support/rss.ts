/** Resident set size of another process, read from Linux's /proc (the fault tests run on Linux). */
import { readFile } from 'node:fs/promises';

/** The process's RSS in MB, or undefined once it has exited. */
export async function rssMb(pid: number): Promise<number | undefined> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line; the RSS samples need Linux`);
  return Number(match[1]) / 1024;
}
