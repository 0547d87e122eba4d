import { msg } from './message';
import { Translator } from './translator';

const translator = new Translator({
  en: {},
  ko: {
    'You have {count, plural, one {# brief} other {# briefs}}.': '브리프가 {count, number}건 있습니다.',
    'The brief is {status, select, sent {sent} other {{status}}}.':
      '브리프가 {status, select, sent {발송됨} other {{status}}} 상태입니다.',
    'Broken {name}.': '깨진 {name',
  },
  id: {
    'You have {count, plural, one {# brief} other {# briefs}}.': 'Anda memiliki {count, number} brief.',
  },
});

describe('Translator', () => {
  it('should format plurals in the language when the catalog has the text', () => {
    const key = 'You have {count, plural, one {# brief} other {# briefs}}.';

    expect(translator.t('en', key, { count: 1 })).toBe('You have 1 brief.');
    expect(translator.t('en', key, { count: 1200 })).toBe('You have 1,200 briefs.');
    expect(translator.t('ko', key, { count: 3 })).toBe('브리프가 3건 있습니다.');
    expect(translator.t('id', key, { count: 1200 })).toBe('Anda memiliki 1.200 brief.');
  });

  it('should choose the select branch of a code when the text names a status', () => {
    const key = 'The brief is {status, select, sent {sent} other {{status}}}.';

    expect(translator.render('ko', msg(key, { status: 'sent' }))).toBe('브리프가 발송됨 상태입니다.');
    expect(translator.render('en', msg(key, { status: 'draft' }))).toBe('The brief is draft.');
  });

  it('should fall back to the English source when a language lacks the key', () => {
    expect(translator.t('id', 'You cannot assign the role {role}.', { role: 'admin' })).toBe(
      'You cannot assign the role admin.',
    );
  });

  it('should answer in English when the locale is unknown or missing', () => {
    const key = 'You have {count, plural, one {# brief} other {# briefs}}.';

    expect(translator.t('fr', key, { count: 2 })).toBe('You have 2 briefs.');
    expect(translator.t(null, key, { count: 2 })).toBe('You have 2 briefs.');
  });

  it('should fall back to English when a translation cannot be formatted', () => {
    expect(translator.t('ko', 'Broken {name}.', { name: 'x' })).toBe('Broken x.');
  });
});
