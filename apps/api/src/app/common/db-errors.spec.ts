import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './db-errors';

function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it('should recognise a refused or lost connection when PostgreSQL is down', () => {
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')], ''))).toBe(true);
  });

  it('should recognise timeouts when PostgreSQL is frozen or overloaded', () => {
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Query read timeout')))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError('57014')))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true);
  });

  it('should leave other database errors alone when the query itself is at fault', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], pgError('23505')))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], pgError('42P01')))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
