import { ERROR_CODES } from '@agency-portal/shared';
import { codeForStatus, statusForCode } from './error-status';

describe('error status mapping', () => {
  it('should give every error code a 4xx status except the two server-side ones when mapped', () => {
    for (const code of ERROR_CODES) {
      const status: number = statusForCode(code);
      if (code === 'internal_error') expect(status).toBe(500);
      else if (code === 'service_unavailable') expect(status).toBe(503);
      else expect(status >= 400 && status < 500).toBe(true);
    }
  });

  it('should map framework statuses back to codes when Nest raises them', () => {
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(413)).toBe('payload_too_large');
    expect(codeForStatus(503)).toBe('service_unavailable');
    expect(codeForStatus(502)).toBe('internal_error');
  });
});
