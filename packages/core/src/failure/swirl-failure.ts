/** The root of Swirl's failure hierarchy: every failure a workflow can observe or raise. */
export class SwirlFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    // Subclasses are told apart by name in logs and in encoded failures.
    this.name = new.target.name;
  }
}
