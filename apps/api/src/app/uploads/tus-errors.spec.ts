import { ERRORS } from '@tus/server';
import { DomainError } from '../common/errors/domain-error';
import { domainErrorReply, formatBytes, tusErrorReply } from './tus-errors';

describe('tus error replies', () => {
  it('should name the limit when tus refuses an upload for its size', () => {
    const reply = tusErrorReply(413, ERRORS.ERR_MAX_SIZE_EXCEEDED.body, 2 * 1024 ** 3);

    expect(reply).toEqual({
      status: 413,
      body: { code: 'payload_too_large', message: 'The file is larger than the upload limit of 2 GB.' },
    });
  });

  it('should keep the statuses a tus client acts on when mapping protocol errors', () => {
    expect(tusErrorReply(409, ERRORS.INVALID_OFFSET.body, 0)?.status).toBe(409);
    expect(tusErrorReply(404, ERRORS.FILE_NOT_FOUND.body, 0)?.body.code).toBe('not_found');
    expect(tusErrorReply(410, ERRORS.FILE_NO_LONGER_EXISTS.body, 0)?.status).toBe(410);
    expect(tusErrorReply(412, 'Tus-Resumable Required\n', 0)?.status).toBe(412);
  });

  it('should turn tus’s 403 for a missing header into 400 when the request is malformed', () => {
    expect(tusErrorReply(403, ERRORS.MISSING_OFFSET.body, 0)).toMatchObject({
      status: 400,
      body: { code: 'validation_failed' },
    });
  });

  it('should keep an unknown client error’s status and text when tus has no mapping', () => {
    expect(tusErrorReply(400, 'Invalid upload-length\n', 0)).toEqual({
      status: 400,
      body: { code: 'validation_failed', message: 'Invalid upload-length' },
    });
  });

  it('should reveal nothing of server errors when tus reports one', () => {
    expect(tusErrorReply(500, ERRORS.FILE_WRITE_ERROR.body, 0)).toBeNull();
  });

  it('should answer a domain error with its code, status and details', () => {
    const reply = domainErrorReply(new DomainError('unsupported_media_type', 'Not a PNG.'));

    expect(reply).toEqual({ status: 415, body: { code: 'unsupported_media_type', message: 'Not a PNG.' } });
  });

  it('should format sizes in binary units when describing limits', () => {
    expect(formatBytes(4096)).toBe('4 KB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(500)).toBe('500 bytes');
  });
});
