import {
  LargeRequestStoreError,
  type LargeRequestStoreOperation,
} from '../../errors/large-request-store-error.js';
import type { LargeRequestState } from './store.js';

const STATE_SHAPE = '{ expected: number | undefined, received: number, reported: boolean }';

// Enough of the answer to recognise it, never the whole of something large.
function describe(answer: unknown): string {
  if (answer === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(answer) ?? String(answer);
  } catch {
    text = Object.prototype.toString.call(answer);
  }
  return text.length > 120 ? `${text.slice(0, 120)}...` : text;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isState(answer: unknown): answer is LargeRequestState {
  if (typeof answer !== 'object' || answer === null) return false;
  const { expected, received, reported } = answer as Record<string, unknown>;
  return (expected === undefined || isCount(expected)) && isCount(received) && typeof reported === 'boolean';
}

/**
 * `answer` as a {@link LargeRequestState}, or `undefined` for an unknown request where the operation
 * may answer that (`null` counts as `undefined`, as databases tend to say it).
 *
 * @throws {@link LargeRequestStoreError} when the store answered anything else.
 */
export function checkedState(
  answer: unknown,
  operation: LargeRequestStoreOperation,
  reference: string,
  mayBeUnknown: boolean,
): LargeRequestState | undefined {
  if (isState(answer)) return answer;
  if (mayBeUnknown && (answer === undefined || answer === null)) return undefined;
  const expected = mayBeUnknown ? `${STATE_SHAPE} or undefined` : STATE_SHAPE;
  throw new LargeRequestStoreError(
    `The large request store's ${operation} answered ${describe(answer)} for terra-reference "${reference}"; it must resolve ${expected}. Fix the store.`,
    operation,
    reference,
  );
}

/**
 * `answer` of `claimCompletion` as a boolean.
 *
 * @throws {@link LargeRequestStoreError} when the store answered anything else.
 */
export function checkedClaim(answer: unknown, reference: string): boolean {
  if (typeof answer === 'boolean') return answer;
  throw new LargeRequestStoreError(
    `The large request store's claimCompletion answered ${describe(answer)} for terra-reference "${reference}"; it must resolve true (this call marked the request complete) or false. Fix the store.`,
    'claimCompletion',
    reference,
  );
}
