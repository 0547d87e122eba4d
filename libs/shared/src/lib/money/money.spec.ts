import { formatMoney, isKnownCurrency, minorDigits, minorToDecimalString, parseMoneyInput } from './money';

describe('money', () => {
  it('should format KRW without decimals when given minor units', () => {
    expect(formatMoney(1_500_000, 'KRW')).toBe('KRW\u00a01,500,000');
  });

  it('should format JPY without decimals when given minor units', () => {
    expect(formatMoney(98_000, 'JPY')).toBe('JPY\u00a098,000');
  });

  it('should format IDR and USD with two decimals when given minor units', () => {
    expect(formatMoney(15_000_000_000, 'IDR')).toBe('IDR\u00a0150,000,000.00');
    expect(formatMoney(1_234_567, 'USD')).toBe('USD\u00a012,345.67');
    expect(formatMoney(5, 'USD')).toBe('USD\u00a00.05');
  });

  it('should follow the locale when one is given', () => {
    expect(formatMoney(1_234_567, 'USD', 'de-DE')).toBe('12.345,67\u00a0USD');
    expect(formatMoney(1_500_000, 'KRW', 'ko-KR')).toContain('1,500,000');
  });

  it('should keep amounts exact beyond float precision when converting to text', () => {
    expect(minorToDecimalString(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
    expect(minorToDecimalString(-1050, 'USD')).toBe('-10.50');
    expect(minorToDecimalString(1050, 'KWD')).toBe('1.050');
  });

  it('should know the minor units of currencies and refuse unknown codes', () => {
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('IDR')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(() => minorDigits('XYZ')).toThrow(/Unknown currency/);
  });

  it('should parse typed amounts into minor units when they are valid', () => {
    expect(parseMoneyInput('1,500,000', 'KRW')).toBe(1_500_000);
    expect(parseMoneyInput('12,345.6', 'USD')).toBe(1_234_560);
    expect(parseMoneyInput('0.07', 'USD')).toBe(7);
  });

  it('should refuse negative, malformed or over-precise amounts when parsing', () => {
    expect(parseMoneyInput('-5', 'USD')).toBeNull();
    expect(parseMoneyInput('1.5', 'KRW')).toBeNull();
    expect(parseMoneyInput('1.234', 'USD')).toBeNull();
    expect(parseMoneyInput('abc', 'USD')).toBeNull();
  });
});
