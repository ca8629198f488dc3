/**
 * Typed signal definitions, shared by the workflow (which handles them) and the client (which
 * sends them), so a signal's name and input type are written once.
 */

export interface SignalDefinition<Input = void> {
  readonly kind: 'signal';
  readonly name: string;
  /** Carries the input type only; never set at runtime. */
  readonly __input?: Input;
}

/** A signal's input type. */
export type SignalInput<S> = S extends SignalDefinition<infer Input> ? Input : never;

export class SignalDefinitionError extends Error {
  override readonly name = 'SignalDefinitionError';
}

/** Defines a signal: `const approve = defineSignal<{ by: string }>('approve')`. */
export function defineSignal<Input = void>(name: string): SignalDefinition<Input> {
  if (typeof name !== 'string' || name.length === 0 || name.length > 256) {
    throw new SignalDefinitionError(`A signal name must be 1 to 256 characters, got ${JSON.stringify(name)}`);
  }
  return { kind: 'signal', name };
}
