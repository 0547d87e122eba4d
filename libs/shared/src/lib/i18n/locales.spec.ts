import { isLocale, negotiateLocale, parseAcceptLanguage } from './locales';

describe('locales', () => {
  it('should order Accept-Language tags by weight and drop q=0 when parsing a header', () => {
    expect(parseAcceptLanguage('en;q=0.5, ko-KR, id;q=0.8, fr;q=0')).toEqual(['ko-KR', 'id', 'en']);
  });

  it('should return no tags when the header is missing or only a wildcard', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('*')).toEqual([]);
  });

  it('should pick the first spoken primary language when negotiating', () => {
    expect(negotiateLocale(['fr-FR', 'ko-KR', 'en'])).toBe('ko');
    expect(negotiateLocale(['in-ID'])).toBe('id');
  });

  it('should fall back to English when no preferred language is spoken', () => {
    expect(negotiateLocale(['fr', 'de'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });

  it('should accept only supported codes as locales', () => {
    expect(isLocale('ko')).toBe(true);
    expect(isLocale('ko-KR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
