import { requestLocale } from './request-locale';

describe('requestLocale', () => {
  it("should prefer the signed-in person's language when there is one", () => {
    expect(
      requestLocale({
        user: { locale: 'ko' },
        cookies: { ap_locale: 'id' },
        headers: { 'accept-language': 'en' },
      }),
    ).toBe('ko');
  });

  it('should use the language picked before sign-in, then Accept-Language, when nobody is signed in', () => {
    expect(requestLocale({ cookies: { ap_locale: 'id' }, headers: { 'accept-language': 'ko' } })).toBe('id');
    expect(requestLocale({ headers: { 'accept-language': 'fr;q=1, id-ID;q=0.8' } })).toBe('id');
    expect(requestLocale({ cookies: { ap_locale: 'xx' }, headers: {} })).toBe('en');
  });
});
