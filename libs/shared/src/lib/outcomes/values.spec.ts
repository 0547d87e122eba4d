import { addDays, readAmount, readCount, readDate, utcDate } from './values';

describe('reading counts', () => {
  it('should read whole numbers with or without thousands groups when the cell is text', () => {
    expect(readCount('12400')).toEqual({ ok: true, value: 12400 });
    expect(readCount('12,400')).toEqual({ ok: true, value: 12400 });
    expect(readCount(' 1 234 567 ')).toEqual({ ok: true, value: 1234567 });
    expect(readCount(0)).toEqual({ ok: true, value: 0 });
  });

  it('should treat a blank cell as not reported when it is empty', () => {
    expect(readCount('')).toEqual({ ok: true, value: null });
    expect(readCount(null)).toEqual({ ok: true, value: null });
  });

  it('should refuse negative, fractional, abbreviated and oversized counts when read', () => {
    expect(readCount('-5')).toEqual({ ok: false, problem: 'negative_value' });
    expect(readCount(-5)).toEqual({ ok: false, problem: 'negative_value' });
    expect(readCount('1.5')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readCount(2.5)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readCount('1.2K')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readCount('12,40')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readCount('3000000000')).toEqual({ ok: false, problem: 'value_too_large' });
    expect(readCount(new Date())).toEqual({ ok: false, problem: 'not_a_number' });
  });
});

describe('reading amounts', () => {
  it('should turn major units into exact minor units for the currency when read', () => {
    expect(readAmount('1234.56', 'USD')).toEqual({ ok: true, value: 123456 });
    expect(readAmount('1,234.5', 'USD')).toEqual({ ok: true, value: 123450 });
    expect(readAmount('1500000', 'KRW')).toEqual({ ok: true, value: 1500000 });
    expect(readAmount(0.1, 'USD')).toEqual({ ok: true, value: 10 });
    expect(readAmount('2500000.00', 'IDR')).toEqual({ ok: true, value: 250000000 });
  });

  it('should refuse more decimals than the currency has instead of rounding when read', () => {
    expect(readAmount('10.5', 'KRW')).toEqual({ ok: false, problem: 'too_many_decimals' });
    expect(readAmount('10.505', 'USD')).toEqual({ ok: false, problem: 'too_many_decimals' });
    expect(readAmount('10.500', 'USD')).toEqual({ ok: true, value: 1050 });
  });

  it('should refuse negative and malformed amounts when read', () => {
    expect(readAmount('-3.00', 'USD')).toEqual({ ok: false, problem: 'negative_value' });
    expect(readAmount('1.234,56', 'USD')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readAmount('USD 5', 'USD')).toEqual({ ok: false, problem: 'not_a_number' });
  });
});

describe('reading dates', () => {
  it('should read ISO dates and date-times whatever the formats when given', () => {
    expect(readDate('2026-03-09')).toEqual({ ok: true, value: '2026-03-09' });
    expect(readDate('2026-03-09 14:05:00', ['us'])).toEqual({ ok: true, value: '2026-03-09' });
  });

  it("should read the platforms' own formats when the preset names them", () => {
    expect(readDate('20260309', ['compact'])).toEqual({ ok: true, value: '2026-03-09' });
    expect(readDate('03/09/2026 06:08', ['us'])).toEqual({ ok: true, value: '2026-03-09' });
    expect(readDate('Mar 9, 2026', ['month_name'])).toEqual({ ok: true, value: '2026-03-09' });
    expect(readDate('September 30, 2026', ['month_name'])).toEqual({ ok: true, value: '2026-09-30' });
    expect(readDate(new Date(Date.UTC(2026, 2, 9)))).toEqual({ ok: true, value: '2026-03-09' });
  });

  it('should refuse impossible dates, other formats and lifetime rows when read', () => {
    expect(readDate('2026-02-30')).toEqual({ ok: false, problem: 'not_a_date' });
    expect(readDate('03/09/2026')).toEqual({ ok: false, problem: 'not_a_date' });
    expect(readDate('Lifetime', ['us'])).toEqual({ ok: false, problem: 'not_a_date' });
    expect(readDate('13/01/2026', ['us'])).toEqual({ ok: false, problem: 'not_a_date' });
  });

  it('should move calendar days without time zones when adding days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(utcDate('2026-03-01T23:30:00+09:00')).toBe('2026-03-01');
  });
});
