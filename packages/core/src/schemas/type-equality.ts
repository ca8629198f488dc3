/**
 * Compile-time equality of two types. `expectTypes<Equal<A, B>>()` fails to compile when they
 * differ, which is how our literal lists stay in step with the AWS SDK's enums and shapes.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Accepts only `true`: use as `expectTypes<Equal<A, B>>()`. Erased at run time apart from a no-op call. */
export function expectTypes<_Proof extends true>(): void {}
