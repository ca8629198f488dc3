/**
 * SWF names an event's or a decision's attributes object after its type: `TimerFired` ->
 * `timerFiredEventAttributes`, `StartTimer` -> `startTimerDecisionAttributes`.
 */

/**
 * The key lookup for one family of types, from a table built once for the known types (servers and
 * deciders look keys up for every event; a key built per call is a new string the engine must hash,
 * and intern to use as a property name, every time). An unknown type gets its key built.
 */
export function attributesKeyLookup(knownTypes: readonly string[], suffix: string): (type: string) => string {
  const keyOf = (type: string): string => `${type.charAt(0).toLowerCase()}${type.slice(1)}${suffix}`;
  const table: ReadonlyMap<string, string> = new Map(knownTypes.map((type) => [type, keyOf(type)]));
  return (type) => table.get(type) ?? keyOf(type);
}
