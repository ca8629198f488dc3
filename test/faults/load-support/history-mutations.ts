/**
 * Arbitraries that damage a recorded history the way a bad export, a truncated download or a buggy
 * tool would: cut short, events dropped, repeated, reordered or retyped, ids broken, attributes
 * removed or given the wrong type, payloads that are not JSON, and plain garbage.
 */
import fc from 'fast-check';

export type WireEvent = Record<string, unknown> & { eventId: number; eventType: string };

const EVENT_TYPES = [
  'WorkflowExecutionStarted',
  'DecisionTaskScheduled',
  'DecisionTaskStarted',
  'DecisionTaskCompleted',
  'DecisionTaskTimedOut',
  'ActivityTaskScheduled',
  'ActivityTaskStarted',
  'ActivityTaskCompleted',
  'ActivityTaskFailed',
  'TimerStarted',
  'TimerFired',
  'WorkflowExecutionSignaled',
  'StartChildWorkflowExecutionInitiated',
  'ChildWorkflowExecutionCompleted',
  'WorkflowExecutionCompleted',
  'MarkerRecorded',
];

const attributesKey = (event: WireEvent): string | undefined =>
  typeof event === 'object' && event !== null ? Object.keys(event).find((key) => key.endsWith('EventAttributes')) : undefined;
const clone = (events: readonly WireEvent[]): WireEvent[] => structuredClone(events) as WireEvent[];

type Mutation = (events: readonly WireEvent[]) => unknown;

/** The event a mutation works on, chosen modulo the length it is given (an earlier mutation may have shortened the history). */
const pickIn = (events: readonly unknown[], pick: number): number => pick % Math.max(1, events.length);

function mutation(): fc.Arbitrary<Mutation> {
  const pick = fc.nat();
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.constant(null), fc.integer(), fc.constant(-1), fc.constant(1.5));
  const onEvent = (change: (event: WireEvent) => void) => (all: readonly WireEvent[], chosen: number) => {
    const copy = clone(all);
    const event = copy[pickIn(copy, chosen)];
    if (event !== undefined) change(event);
    return copy;
  };
  return fc.oneof(
    pick.map((chosen): Mutation => (all) => clone(all).slice(0, pickIn(all, chosen))),
    pick.map((chosen): Mutation => (all) => clone(all).filter((_, position) => position !== pickIn(all, chosen))),
    pick.map((chosen): Mutation => (all) => {
      const copy = clone(all);
      const at = pickIn(copy, chosen);
      if (copy[at] !== undefined) copy.splice(at, 0, structuredClone(copy[at]));
      return copy;
    }),
    fc.tuple(pick, pick).map(([first, second]): Mutation => (all) => {
      const copy = clone(all);
      const [a, b] = [pickIn(copy, first), pickIn(copy, second)];
      if (copy[a] !== undefined && copy[b] !== undefined) [copy[a], copy[b]] = [copy[b], copy[a]];
      return copy;
    }),
    fc.tuple(pick, fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string({ maxLength: 20 }))).map(([chosen, type]): Mutation => (all) =>
      onEvent((event) => (event.eventType = type))(all, chosen),
    ),
    fc.tuple(pick, junk).map(([chosen, value]): Mutation => (all) => onEvent((event) => (event.eventId = value as number))(all, chosen)),
    pick.map((chosen): Mutation => (all) =>
      onEvent((event) => {
        const key = attributesKey(event);
        if (key !== undefined) delete event[key];
      })(all, chosen),
    ),
    fc.tuple(pick, fc.nat(), junk).map(([chosen, field, value]): Mutation => (all) =>
      onEvent((event) => {
        const key = attributesKey(event);
        const attributes = key === undefined ? undefined : (event[key] as Record<string, unknown> | null);
        const fields = attributes === undefined || attributes === null || typeof attributes !== 'object' ? [] : Object.keys(attributes);
        if (fields.length > 0) attributes![fields[field % fields.length]!] = value;
      })(all, chosen),
    ),
    fc.tuple(pick, fc.string({ maxLength: 20 })).map(([chosen, text]): Mutation => (all) =>
      onEvent((event) => {
        const key = attributesKey(event);
        const attributes = key === undefined ? undefined : event[key];
        if (typeof attributes !== 'object' || attributes === null) return;
        for (const field of ['input', 'result', 'details', 'control']) if (field in attributes) (attributes as Record<string, unknown>)[field] = `{not json ${text}`;
      })(all, chosen),
    ),
    fc.constant((all: readonly WireEvent[]) => clone(all).reverse()),
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }).map((garbage): Mutation => () => garbage),
  );
}

/** A history as recorded: its run and its events in wire JSON. */
export interface RecordedHistory {
  readonly workflowExecution: { readonly workflowId: string; readonly runId: string };
  readonly events: readonly WireEvent[];
}

/** One of `histories` with one to three mutations applied: damaged events, or garbage where the events should be. */
export function damagedHistory(histories: readonly RecordedHistory[]): fc.Arbitrary<{ readonly workflowExecution: RecordedHistory['workflowExecution']; readonly events: unknown }> {
  return fc.constantFrom(...histories).chain(({ workflowExecution, events }) =>
    fc.array(mutation(), { minLength: 1, maxLength: 3 }).map((mutations) => {
      let current: unknown = events;
      for (const apply of mutations) current = Array.isArray(current) && current.every((event) => typeof event === 'object' && event !== null) ? apply(current as WireEvent[]) : current;
      return { workflowExecution, events: current };
    }),
  );
}
