/**
 * The one way interceptors run, in the client and the worker alike: each hook gets the call and a
 * `next` that runs the rest of the chain, so it can change the call, time it, wrap it in a span,
 * or look at its result and errors. The first interceptor given is the outermost.
 */

/** A hook around one kind of call; it must call `next` once and return (or rethrow) what it gives. */
export type InterceptorHook<Call, Result> = (call: Call, next: (call: Call) => Promise<Result>) => Promise<Result>;

/** Runs `call` through `hooks` (outermost first; undefined ones skipped), ending in `last`. */
export function intercept<Call, Result>(
  hooks: readonly (InterceptorHook<Call, Result> | undefined)[],
  call: Call,
  last: (call: Call) => Promise<Result>,
): Promise<Result> {
  const present = hooks.filter((hook): hook is InterceptorHook<Call, Result> => hook !== undefined);
  const step = (index: number, current: Call): Promise<Result> => {
    const hook = present[index];
    if (hook === undefined) return last(current);
    return hook(current, (next) => step(index + 1, next));
  };
  return step(0, call);
}
