import {
  addDays,
  addMonths,
  firstDayOfWeek,
  isMonth,
  lastOfMonth,
  monthTitle,
  monthWeeks,
  weekdayNames,
} from './calendar-dates';

describe('calendar dates', () => {
  it('should add days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(lastOfMonth('2027-02')).toBe('2027-02-28');
  });

  it('should accept only real months', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it('should lay out whole weeks from the locale’s first weekday, never more than six', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const mondays = monthWeeks('2026-12', 1);
    const sundays = monthWeeks('2026-12', 7);

    expect(mondays[0]?.[0]).toBe('2026-11-30');
    expect(mondays.at(-1)?.at(-1)).toBe('2027-01-03');
    expect(sundays[0]?.[0]).toBe('2026-11-29');
    expect(sundays.at(-1)?.at(-1)).toBe('2027-01-02');
    expect(mondays.every((week) => week.length === 7)).toBe(true);
    // August 2026 starts on a Saturday and has 31 days: six Monday-first weeks.
    expect(monthWeeks('2026-08', 1)).toHaveLength(6);
  });

  it('should name weekdays and months in the person’s language', () => {
    expect(weekdayNames('en', 1)[0]).toBe('Mon');
    expect(weekdayNames('ko', 7)[0]).toBe('일');
    expect(monthTitle('2026-12', 'en')).toBe('December 2026');
    expect(monthTitle('2026-12', 'ko')).toBe('2026년 12월');
    expect(monthTitle('2026-12', 'id')).toBe('Desember 2026');
  });

  it('should start the week where the locale does, Monday when it cannot tell', () => {
    expect([1, 7]).toContain(firstDayOfWeek('en'));
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});
