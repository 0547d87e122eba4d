import { daysUntil, formatDate, formatDueRelative } from './date-format';

describe('formatDate', () => {
  it('should never shift a calendar date by the time zone in any locale', () => {
    expect(formatDate('2026-12-24', 'date', 'en', 'Pacific/Honolulu')).toBe('Dec 24, 2026');
    expect(formatDate('2026-12-24', 'date', 'ko', 'Asia/Seoul')).toBe('2026. 12. 24.');
    expect(formatDate('2026-12-24', 'date', 'id', 'Asia/Jakarta')).toBe('24 Des 2026');
  });

  it('should show an instant on the day it is in the person’s time zone', () => {
    const instant = '2026-12-24T20:00:00.000Z';
    expect(formatDate(instant, 'date', 'en', 'UTC')).toBe('Dec 24, 2026');
    expect(formatDate(instant, 'date', 'ko', 'Asia/Seoul')).toBe('2026. 12. 25.');
    expect(formatDate(instant, 'date', 'id', 'Asia/Jakarta')).toBe('25 Des 2026');
  });

  it('should answer an empty text when there is no date', () => {
    expect(formatDate(null, 'date', 'en', undefined)).toBe('');
  });
});

describe('formatDueRelative', () => {
  it('should count whole days from today in the person’s zone when the due date is near', () => {
    const now = new Date('2026-12-01T23:30:00.000Z');
    expect(daysUntil('2026-12-04', '2026-12-01')).toBe(3);
    expect(formatDueRelative('2026-12-04', now, 'en', 'UTC')).toBe('in 3 days');
    expect(formatDueRelative('2026-12-04', now, 'ko', 'Asia/Seoul')).toBe('모레');
    expect(formatDueRelative('2026-11-30', now, 'id', 'UTC')).toBe('kemarin');
  });
});
