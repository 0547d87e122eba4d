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

// Unit tests run untranslated: the wording around the figures stays English (the builds translate
// it, see messages.*.xlf); the figures and relative words follow the locale.
describe('formatDueRelative', () => {
  const now = new Date('2026-12-01T23:30:00.000Z');

  it('should count whole days from today in the person’s zone when the due date is near', () => {
    expect(daysUntil('2026-12-04', '2026-12-01')).toBe(3);
    expect(formatDueRelative('2026-12-04', now, 'en', 'UTC')).toBe('due in 3 days');
    // 08:30 on 2 December in Seoul: the 4th is the day after tomorrow there.
    expect(formatDueRelative('2026-12-04', now, 'ko', 'Asia/Seoul')).toBe('due 모레');
    expect(formatDueRelative('2026-12-02', now, 'id', 'UTC')).toBe('due besok');
  });

  it('should say how late a past due date is in each locale', () => {
    expect(formatDueRelative('2026-11-29', now, 'en', 'UTC')).toBe('2 days overdue');
    expect(formatDueRelative('2026-11-29', now, 'ko', 'Asia/Seoul')).toBe('3일 overdue');
    expect(formatDueRelative('2026-11-29', now, 'id', 'Asia/Jakarta')).toBe('3 hari overdue');
    expect(formatDueRelative('2026-12-01', now, 'en', 'UTC')).toBe('due today');
  });

  it('should count hours and minutes when the deadline is an instant', () => {
    expect(formatDueRelative('2026-12-01T20:30:00.000Z', now, 'en', 'UTC')).toBe('3 hours overdue');
    expect(formatDueRelative(new Date('2026-12-02T04:30:00.000Z'), now, 'ko', 'Asia/Seoul')).toBe(
      'due 5시간 후',
    );
    expect(formatDueRelative('2026-12-01T23:50:00.000Z', now, 'id', 'UTC')).toBe('due dalam 20 menit');
    expect(formatDueRelative('2026-12-01T23:29:30.000Z', now, 'en', 'UTC')).toBe('due now');
  });
});
