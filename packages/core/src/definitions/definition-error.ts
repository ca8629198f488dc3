/** A workflow or activities class whose static `type` cannot name an SWF type. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
}
