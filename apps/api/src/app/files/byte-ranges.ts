import parseRange from 'range-parser';

/** Bytes `start` to `end` of a file, both included (as in Content-Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/** What to send for a request's Range, If-Range and If-None-Match headers. */
export type RangeAnswer =
  | { kind: 'full' }
  | { kind: 'not_modified' }
  | { kind: 'partial'; range: ByteRange }
  | { kind: 'unsatisfiable' };

export interface RangeRequest {
  range?: string;
  ifRange?: string;
  ifNoneMatch?: string;
}

/** A strong validator: the content's sha256 never changes for a stored file. */
export function entityTag(sha256: string): string {
  return `"${sha256}"`;
}

/**
 * Decides the answer to a GET of a file of `size` bytes whose ETag is `etag` (RFC 9110 §13–14):
 * - `If-None-Match` naming the ETag (or `*`): 304;
 * - no `Range`, or an `If-Range` that is not the current ETag (an HTTP date never matches, since
 *   the ETag is the only validator served): the whole file;
 * - one satisfiable range (`bytes=0-99`, `bytes=100-`, the suffix `bytes=-500`): 206 with it;
 *   several ranges are answered with the whole file (allowed, and players never ask for more than
 *   one), a header that is not a byte range is ignored as the RFC says;
 * - a range starting past the end, or an empty file: 416.
 */
export function answerRange(size: number, etag: string, request: RangeRequest): RangeAnswer {
  if (request.ifNoneMatch !== undefined && matchesTag(request.ifNoneMatch, etag))
    return { kind: 'not_modified' };
  if (!request.range) return { kind: 'full' };
  if (request.ifRange !== undefined && request.ifRange.trim() !== etag) return { kind: 'full' };
  const parsed = parseRange(size, request.range, { combine: true });
  if (parsed === -1) return { kind: 'unsatisfiable' };
  if (parsed === -2 || parsed.type !== 'bytes' || parsed.length !== 1) return { kind: 'full' };
  const [range] = parsed;
  if (!range) return { kind: 'full' };
  return { kind: 'partial', range: { start: range.start, end: range.end } };
}

function matchesTag(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
