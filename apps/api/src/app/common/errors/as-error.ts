import { types } from 'node:util';

/**
 * A thrown value as an Error, for code that rethrows or rejects with whatever a library handed it
 * (passport's `done(err)`, a stream's callback): an Error stays itself, code and all, anything else
 * is wrapped with the value kept as its cause. `isNativeError` also knows an Error made in another
 * realm (Node's own socket and file errors inside jest's sandbox fail `instanceof Error`).
 */
export function asError(value: unknown): Error {
  if (value instanceof Error || types.isNativeError(value)) return value;
  return new Error(`Non-error value thrown: ${String(value)}`, { cause: value });
}
