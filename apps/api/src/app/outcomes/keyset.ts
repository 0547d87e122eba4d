import { fieldError } from '../common/errors/domain-error';

/**
 * Keyset cursors for the outcome tables, whose rows are keyed by (day, channel or metric or
 * position) rather than an id: the cursor holds the sort it belongs to and the last row's key.
 */
export function encodeKeyCursor(sort: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

export function decodeKeyCursor(value: string, sort: string, length: number): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const cursor = parsed as { s?: unknown; k?: unknown } | null;
  const key = cursor?.k;
  if (
    typeof cursor !== 'object' ||
    cursor === null ||
    cursor.s !== sort ||
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((part) => (typeof part === 'string' && part.length <= 100) || Number.isInteger(part))
  ) {
    throw fieldError(
      'cursor',
      'The cursor is not valid for this list and sort; start again from the first page.',
    );
  }
  return key as (string | number)[];
}
