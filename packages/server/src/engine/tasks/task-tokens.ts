/**
 * Task tokens: what a poll hands a worker and every answer about that task must carry.
 *
 * A token is standard base64 (the real service's alphabet; base64url could start with `-`, which
 * CLIs read as an option) of 18 random bytes followed by a small JSON header naming the task. The
 * store is the authority: a task is granted only while the store holds its exact token. The header
 * is read only to word the fault when the store no longer does, the way SWF words it: the run has
 * closed (`Unknown execution: ...`) or the task has been answered or timed out
 * (`Unknown activity, scheduledEventId = 5`). Nothing in the header is trusted for access.
 */
import type { ExecutionRecord, TaskKind, TaskTokenRecord } from '../../store/records.js';
import { fault, unknownExecution, type SwfFault } from '../faults.js';
import { randomBase64 } from '../random-pool.js';
import type { EngineState } from '../engine-state.js';

/** The real service's limit on a task token's length. */
export const MAX_TASK_TOKEN_LENGTH = 1024;
const NONCE_BYTES = 18;

/** What a token names; the execution is left out when the ids would make the token too long. */
interface TaskTokenHeader {
  readonly kind: TaskKind;
  readonly scheduledEventId: number;
  readonly execution?: { readonly domain: string; readonly workflowId: string; readonly runId: string };
}

function encode(nonce: string, header: readonly unknown[]): string {
  return Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(JSON.stringify(header), 'utf8')]).toString('base64');
}

export function newTaskToken(kind: TaskKind, execution: ExecutionRecord, scheduledEventId: number): string {
  const nonce = randomBase64(NONCE_BYTES);
  const full = encode(nonce, [kind, scheduledEventId, execution.domain, execution.workflowId, execution.runId]);
  return full.length <= MAX_TASK_TOKEN_LENGTH ? full : encode(nonce, [kind, scheduledEventId]);
}

const TASK_LABEL: Readonly<Record<TaskKind, string>> = { activity: 'activity', decision: 'decision task' };

// SWF's own words first (clients match on them), then which field and what to pass instead.
const invalidToken = (): SwfFault =>
  fault('ValidationException', 'Invalid token: taskToken does not decode to a task token this server issued; pass the taskToken a PollFor*Task call returned');

/** The header of a token this server could have issued, or `ValidationException: Invalid token`. */
function readHeader(token: string): TaskTokenHeader {
  if (token.length > MAX_TASK_TOKEN_LENGTH || token.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(token)) throw invalidToken();
  const bytes = Buffer.from(token, 'base64');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.subarray(NONCE_BYTES).toString('utf8'));
  } catch {
    throw invalidToken();
  }
  if (!Array.isArray(parsed) || (parsed.length !== 2 && parsed.length !== 5)) throw invalidToken();
  const [kind, scheduledEventId, domain, workflowId, runId] = parsed as unknown[];
  if ((kind !== 'activity' && kind !== 'decision') || !Number.isSafeInteger(scheduledEventId)) throw invalidToken();
  if (parsed.length === 2) return { kind, scheduledEventId: scheduledEventId as number };
  if (typeof domain !== 'string' || typeof workflowId !== 'string' || typeof runId !== 'string') throw invalidToken();
  return { kind, scheduledEventId: scheduledEventId as number, execution: { domain, workflowId, runId } };
}

/** The fault for a well-formed token that grants nothing (any more), worded as SWF words it. */
function staleTokenFault(state: EngineState, header: TaskTokenHeader, record: TaskTokenRecord | undefined): SwfFault {
  const ids = header.execution ?? record;
  if (ids !== undefined && state.store.getExecution(ids.domain, ids.workflowId, ids.runId)?.status !== 'OPEN') {
    return unknownExecution(ids.workflowId, ids.runId);
  }
  return fault('UnknownResourceFault', `Unknown ${TASK_LABEL[header.kind]}, scheduledEventId = ${header.scheduledEventId}`);
}

/**
 * The open run and token record a `kind` task token grants, or the fault a worker gets for it:
 * `ValidationException: Invalid token` when it does not decode, `Unknown execution: ...` when its
 * run has closed, `Unknown activity|decision task, scheduledEventId = N` when the task is gone.
 * `isCurrent` says whether the run still holds the task as the token's holder started it.
 */
export function resolveTaskToken(
  state: EngineState,
  taskToken: string,
  kind: TaskKind,
  isCurrent: (execution: ExecutionRecord, token: TaskTokenRecord) => boolean,
): { execution: ExecutionRecord; token: TaskTokenRecord } {
  const header = readHeader(taskToken);
  const token = state.store.getTaskToken(taskToken);
  const execution = token && state.store.getExecution(token.domain, token.workflowId, token.runId);
  if (token?.kind === kind && execution?.status === 'OPEN' && isCurrent(execution, token)) return { execution, token };
  if (header.kind !== kind) throw fault('UnknownResourceFault', `Unknown ${TASK_LABEL[kind]}: the token is for an ${TASK_LABEL[header.kind]}`);
  throw staleTokenFault(state, header, token);
}
