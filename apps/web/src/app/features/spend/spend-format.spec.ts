import { formatRate, parseRate } from './spend-format';

describe('formatRate', () => {
  it('should write every decimal of the rate in the locale marks when the rate is small', () => {
    expect(formatRate('0.000731', 'en')).toBe('0.000731');
    expect(formatRate('0.000731', 'id')).toBe('0,000731');
    expect(formatRate('15234.5', 'id')).toBe('15.234,5');
    expect(formatRate('15234.5', 'en', false)).toBe('15234.5');
  });
});

describe('parseRate', () => {
  it('should read the locale decimal mark as the API decimal point', () => {
    expect(parseRate('0,000731', 'id')).toBe('0.000731');
    expect(parseRate(' 1350.25 ', 'en')).toBe('1350.25');
  });

  it('should refuse zero, negatives, group marks and more than 12 decimals', () => {
    expect(parseRate('0', 'en')).toBeNull();
    expect(parseRate('-1', 'en')).toBeNull();
    expect(parseRate('1,350.25', 'en')).toBeNull();
    expect(parseRate('1.350,25', 'id')).toBeNull();
    expect(parseRate('0.0000000000001', 'en')).toBeNull();
  });
});
