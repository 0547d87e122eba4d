import { runInNewContext } from 'node:vm';
import { asError } from './as-error';

describe('asError', () => {
  it('should hand back an Error as it is, code and all', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

    expect(asError(error)).toBe(error);
  });

  it('should hand back an Error made in another realm as it is when instanceof cannot see it', () => {
    const foreign: unknown = runInNewContext('Object.assign(new Error("lost"), { code: "ECONNRESET" })');

    expect(foreign instanceof Error).toBe(false);
    expect(asError(foreign)).toBe(foreign);
  });

  it('should wrap anything else, keeping the value as the cause when given a non-error', () => {
    const wrapped = asError('session store down');

    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toContain('session store down');
    expect(wrapped.cause).toBe('session store down');
  });
});
