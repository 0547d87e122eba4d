import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL's unique violation on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}
