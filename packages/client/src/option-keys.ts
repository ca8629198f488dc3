/**
 * Options objects are strict: a key the client does not know (`workflowID:`, `domian:`) is an
 * error naming the key and the allowed ones, instead of a setting silently left at its default.
 */

/** Every key of an options type, mapped to `true`; `satisfies` makes a missing or extra key a compile error. */
export type OptionKeys<Options> = { readonly [Key in keyof Required<Options>]: true };

export class UnknownOptionError extends TypeError {
  override readonly name = 'UnknownOptionError';
  constructor(
    /** What the options were for, e.g. `WorkflowClient.start options`. */
    readonly subject: string,
    readonly key: string,
    readonly allowed: readonly string[],
  ) {
    const suggestion = closestKey(key, allowed);
    super(
      `Unknown option "${key}" in ${subject}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ` +
        `allowed: ${allowed.join(', ')}`,
    );
  }
}

/** Throws `UnknownOptionError` for the first key of `options` that `keys` does not list. */
export function assertKnownOptions(subject: string, options: object, keys: Readonly<Record<string, true>>): void {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(keys, key)) throw new UnknownOptionError(subject, key, Object.keys(keys));
  }
}

/** The allowed key a typo most likely meant: same letters ignoring case, or at most two edits away. */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
