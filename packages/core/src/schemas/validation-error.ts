/**
 * Turns zod issues into the messages AWS's validation layer sends, e.g.
 * `1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null`.
 * Whole-request rules (filter exclusivity, close-last) read as their own sentence.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

// Long values are cut in messages so a 32 KB payload never ends up in an error text or a log.
const MAX_VALUE_CHARS = 128;

/** `['decisions', 0, 'startTimerDecisionAttributes', 'timerId']` -> `decisions.1.member.startTimerDecisionAttributes.timerId`. */
export function formatValidationPath(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `${segment + 1}.member` : String(segment))).join('.');
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

// Values are rendered no deeper than this: hostile input can nest thousands of levels, and a
// recursive JSON.stringify of it overflows the stack (a 500 instead of the 400 owed).
const MAX_RENDERED_DEPTH = 16;

/** Appends JSON for `value` to `out` until `out` passes MAX_VALUE_CHARS; reports whether the depth bound cut it. */
function writeJson(value: unknown, depth: number, out: string[], length: { chars: number }): boolean {
  if (length.chars > MAX_VALUE_CHARS) return false;
  const push = (text: string): void => {
    out.push(text);
    length.chars += text.length;
  };
  if (value === null || typeof value !== 'object') {
    push(typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'null' : String(value));
    return false;
  }
  if (depth >= MAX_RENDERED_DEPTH) {
    push(Array.isArray(value) ? '[...]' : '{...}');
    return true;
  }
  let cut = false;
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value).filter(([, item]) => item !== undefined);
  push(Array.isArray(value) ? '[' : '{');
  for (const [index, [key, item]] of entries.entries()) {
    if (length.chars > MAX_VALUE_CHARS) break;
    if (index > 0) push(',');
    if (key !== undefined) push(`${JSON.stringify(key)}:`);
    cut = writeJson(item, depth + 1, out, length) || cut;
  }
  push(Array.isArray(value) ? ']' : '}');
  return cut;
}

function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') {
    const text = String(value);
    return `'${text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}...` : text}'`;
  }
  const out: string[] = [];
  const cut = writeJson(value, 0, out, { chars: 0 });
  const text = out.join('');
  const shown = text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}...` : text;
  return cut ? `'${shown}' (nested deeper than ${MAX_RENDERED_DEPTH} levels, not shown past that depth)` : `'${shown}'`;
}

function isRuleIssue(issue: Issue): boolean {
  return issue.code === 'custom' && issue.params?.['rule'] === true;
}

const MISSING_CODES: ReadonlySet<Issue['code']> = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

function constraintOf(issue: Issue, value: unknown): string {
  if ((value === undefined || value === null) && MISSING_CODES.has(issue.code)) return 'Member must not be null';
  switch (issue.code) {
    case 'invalid_type':
      return `Member must be of type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint'
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint'
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `Member must satisfy enum value set: [${options.map(String).join(', ')}]`;
      return issue.message;
    }
    case 'invalid_format':
      return issue.pattern && issue.message.startsWith('Invalid string')
        ? `Member must satisfy regular expression pattern: ${issue.pattern}`
        : issue.message;
    default:
      return issue.message;
  }
}

function issueValue(issue: Issue, input: unknown, hasInput: boolean): unknown {
  if (hasInput) return valueAt(input, issue.path);
  return 'input' in issue ? issue.input : undefined;
}

/**
 * Formats a ZodError in AWS style. Pass the validated `input` so messages can quote the offending
 * values; without it they quote what zod kept (`reportInput: true`), or `null`.
 */
export function formatValidationError(error: z.ZodError, ...input: [unknown?]): string {
  const hasInput = input.length > 0;
  const root = input[0];
  const constraints: string[] = [];
  const rules: string[] = [];
  for (const issue of error.issues) {
    if (isRuleIssue(issue)) {
      rules.push(issue.message);
      continue;
    }
    const value = issueValue(issue, root, hasInput);
    const where = issue.path.length > 0 ? ` at '${formatValidationPath(issue.path)}'` : '';
    constraints.push(`Value ${renderValue(value)}${where} failed to satisfy constraint: ${constraintOf(issue, value)}`);
  }
  const parts: string[] = [];
  if (constraints.length > 0) {
    const count = constraints.length;
    parts.push(`${count} validation error${count === 1 ? '' : 's'} detected: ${constraints.join('; ')}`);
  }
  return [...parts, ...rules].join('; ');
}
