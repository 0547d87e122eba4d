import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './paginate';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('page cursors', () => {
  it('should read back what was written when the sort is the same', () => {
    const cursor = encodeCursor({ s: '-dueDate', k: '2031-05-20', i: ID });
    expect(decodeCursor(cursor, '-dueDate')).toEqual({ s: '-dueDate', k: '2031-05-20', i: ID });
  });

  it('should be opaque: URL-safe text', () => {
    expect(encodeCursor({ s: 'title', k: 'a/b+c?', i: ID })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('should refuse a cursor of another sort, a damaged one or one without a proper id', () => {
    const cursor = encodeCursor({ s: 'dueDate', k: '2031-05-20', i: ID });
    expect(codeOf(() => decodeCursor(cursor, '-dueDate'))).toBe('validation_failed');
    expect(codeOf(() => decodeCursor('%%%', 'dueDate'))).toBe('validation_failed');
    expect(codeOf(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'dueDate'))).toBe(
      'validation_failed',
    );
    const badId = encodeCursor({ s: 'dueDate', k: 'x', i: "1' OR '1'='1" });
    expect(codeOf(() => decodeCursor(badId, 'dueDate'))).toBe('validation_failed');
  });
});
