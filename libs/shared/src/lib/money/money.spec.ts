import {
  formatMoney,
  formatMoneyInput,
  isKnownCurrency,
  minorDigits,
  minorToDecimalString,
  numberMarks,
  parseMoneyInput,
} from './money';

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

  describe("in the portal's three locales", () => {
    it('should format KRW without decimals, IDR with Indonesian marks and USD with cents', () => {
      expect(formatMoney(180_000_000, 'KRW', 'en')).toBe('KRW\u00a0180,000,000');
      expect(formatMoney(180_000_000, 'KRW', 'ko')).toBe('KRW\u00a0180,000,000');
      expect(formatMoney(180_000_000, 'KRW', 'id')).toBe('KRW\u00a0180.000.000');
      expect(formatMoney(250_000_000_000, 'IDR', 'id')).toBe('IDR\u00a02.500.000.000,00');
      expect(formatMoney(250_000_000_000, 'IDR', 'en')).toBe('IDR\u00a02,500,000,000.00');
      expect(formatMoney(12_000_050, 'USD', 'ko')).toBe('USD\u00a0120,000.50');
      expect(formatMoney(12_000_050, 'USD', 'id')).toBe('USD\u00a0120.000,50');
    });

    it('should know the marks each locale writes numbers with', () => {
      expect(numberMarks('en')).toEqual({ group: ',', decimal: '.' });
      expect(numberMarks('ko')).toEqual({ group: ',', decimal: '.' });
      expect(numberMarks('id')).toEqual({ group: '.', decimal: ',' });
    });

    it("should write input text in the locale's marks without the currency", () => {
      expect(formatMoneyInput(123_456_789, 'IDR', 'id')).toBe('1.234.567,89');
      expect(formatMoneyInput(123_456_789, 'USD', 'en')).toBe('1,234,567.89');
      expect(formatMoneyInput(1_500_000, 'KRW', 'ko')).toBe('1,500,000');
      expect(formatMoneyInput(5, 'USD', 'id')).toBe('0,05');
      expect(formatMoneyInput(9_007_199_254_740_991, 'USD', 'en')).toBe('90,071,992,547,409.91');
    });

    it('should read the Indonesian marks when the locale is id', () => {
      expect(parseMoneyInput('1.234.567,89', 'IDR', 'id')).toBe(123_456_789);
      expect(parseMoneyInput('2500000000', 'IDR', 'id')).toBe(250_000_000_000);
      expect(parseMoneyInput('12 000,5', 'USD', 'id')).toBe(1_200_050);
      expect(parseMoneyInput('1.500.000', 'KRW', 'id')).toBe(1_500_000);
    });

    it('should read the English marks when the locale is en or ko', () => {
      expect(parseMoneyInput('1,234,567.89', 'USD', 'en')).toBe(123_456_789);
      expect(parseMoneyInput('1,234,567.89', 'IDR', 'ko')).toBe(123_456_789);
      expect(parseMoneyInput('180,000,000', 'KRW', 'ko')).toBe(180_000_000);
    });

    it("should refuse the other convention's marks instead of misreading them", () => {
      expect(parseMoneyInput('1.500,50', 'USD', 'en')).toBeNull();
      expect(parseMoneyInput('1,5', 'USD', 'en')).toBeNull();
      expect(parseMoneyInput('1500.50', 'IDR', 'id')).toBeNull();
      expect(parseMoneyInput('1,234,567.89', 'IDR', 'id')).toBeNull();
      expect(parseMoneyInput('1,2,3', 'USD', 'id')).toBeNull();
    });

    it('should refuse more decimals than the currency has in every locale', () => {
      expect(parseMoneyInput('1.500,5', 'KRW', 'id')).toBeNull();
      expect(parseMoneyInput('1500.5', 'KRW', 'ko')).toBeNull();
      expect(parseMoneyInput('10,505', 'IDR', 'id')).toBeNull();
      expect(parseMoneyInput('10.505', 'USD', 'en')).toBeNull();
      expect(parseMoneyInput('', 'USD', 'en')).toBeNull();
      expect(parseMoneyInput(',', 'USD', 'id')).toBeNull();
    });

    it('should stay exact beyond float precision when parsing', () => {
      expect(parseMoneyInput('90.071.992.547.409,91', 'USD', 'id')).toBe(9_007_199_254_740_991);
      expect(parseMoneyInput('90071992547409.92', 'USD', 'en')).toBeNull();
    });
  });
});
