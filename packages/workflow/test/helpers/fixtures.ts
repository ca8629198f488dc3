/** Activities classes for runtime tests: only their static `type` and method names matter here. */
export class Greetings {
  static readonly type = { version: '1', defaults: { startToCloseTimeout: '1m', taskList: 'activities' } };
  async greet(name: string): Promise<string> {
    return `hello ${name}`;
  }
  async shout(text: string): Promise<string> {
    return text.toUpperCase();
  }
  async ping(): Promise<void> {}
}

/** A compact description of what awaiting code saw: `ok:<json>` or the error chain's names and SWF facts. */
export function outcomeOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const facts = current as Error & { timeoutType?: string; type?: string; cause?: unknown };
    let part = current.name;
    if (facts.timeoutType) part += `(${facts.timeoutType})`;
    if (current.name === 'ApplicationFailure' && facts.type) part += `(${facts.type})`;
    if (typeof facts.cause === 'string') part += `(${facts.cause})`;
    parts.push(part);
    current = facts.cause;
  }
  return `err:${parts.join('>')}`;
}

/** Runs `operation` and returns `ok:<json of result>` or the outcome of its error. */
export async function capture(operation: () => Promise<unknown>): Promise<string> {
  try {
    return `ok:${JSON.stringify(await operation()) ?? 'undefined'}`;
  } catch (error) {
    return outcomeOf(error);
  }
}
