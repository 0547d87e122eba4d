/**
 * A thrown value as an Error, for code that rethrows or rejects with whatever a library handed it
 * (passport's `done(err)`, a stream's callback): an Error stays itself, anything else is wrapped
 * with the value kept as its cause.
 */
export function asError(value: unknown): Error {
  return value instanceof Error
    ? value
    : new Error(`Non-error value thrown: ${String(value)}`, { cause: value });
}
