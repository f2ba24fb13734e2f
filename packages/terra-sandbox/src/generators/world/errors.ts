/**
 * Thrown when a generator is called with input it cannot use (a malformed date, an unknown data
 * type, a reversed range). The message names the argument, what was wrong and what is expected.
 */
export class GeneratorInputError extends TypeError {
  override readonly name = 'GeneratorInputError';
}
