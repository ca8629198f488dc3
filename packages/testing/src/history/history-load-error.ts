/** Thrown when a history file or value cannot be read as a history: says what was expected and what was found. */
export class HistoryLoadError extends Error {
  override readonly name = 'HistoryLoadError';
  constructor(
    message: string,
    /** The file path, when the history came from a file. */
    readonly source?: string,
    options?: ErrorOptions,
  ) {
    super(source === undefined ? message : `${source}: ${message}`, options);
  }
}
