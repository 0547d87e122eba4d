import { answerRange, entityTag } from './byte-ranges';

const ETAG = entityTag('a'.repeat(64));

describe('answerRange', () => {
  it('should send the whole file when no Range is asked for', () => {
    expect(answerRange(1000, ETAG, {})).toEqual({ kind: 'full' });
  });

  it('should send bytes start to end (inclusive) when a closed range is asked for', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=0-99' })).toEqual({
      kind: 'partial',
      range: { start: 0, end: 99 },
    });
  });

  it('should send the rest of the file when the range is open-ended', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=900-' })).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
  });

  it('should send the last bytes when a suffix range is asked for', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=-100' })).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
  });

  it('should clip the end to the file when the range runs past it', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=500-5000' })).toEqual({
      kind: 'partial',
      range: { start: 500, end: 999 },
    });
  });

  it('should refuse when the range starts past the end of the file', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=1000-' })).toEqual({ kind: 'unsatisfiable' });
  });

  it('should ignore a header that is not a byte range', () => {
    expect(answerRange(1000, ETAG, { range: 'pages=1-2' })).toEqual({ kind: 'full' });
    expect(answerRange(1000, ETAG, { range: 'bytes=abc' })).toEqual({ kind: 'full' });
  });

  it('should send the whole file when several ranges are asked for', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=0-9,500-509' })).toEqual({ kind: 'full' });
  });

  it('should honour the range when If-Range names the current ETag', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=0-9', ifRange: ETAG })).toEqual({
      kind: 'partial',
      range: { start: 0, end: 9 },
    });
  });

  it('should send the whole file when If-Range names another ETag or a date', () => {
    expect(answerRange(1000, ETAG, { range: 'bytes=0-9', ifRange: '"other"' })).toEqual({ kind: 'full' });
    expect(answerRange(1000, ETAG, { range: 'bytes=0-9', ifRange: 'Tue, 01 Dec 2026 10:00:00 GMT' })).toEqual(
      {
        kind: 'full',
      },
    );
  });

  it('should answer not modified when If-None-Match names the ETag', () => {
    expect(answerRange(1000, ETAG, { ifNoneMatch: `"x", W/${ETAG}` })).toEqual({ kind: 'not_modified' });
    expect(answerRange(1000, ETAG, { ifNoneMatch: '"x"' })).toEqual({ kind: 'full' });
  });
});
