/**
 * Picks the "one" or "other" wording of a count by the locale's own plural rules. `$localize` in
 * TypeScript cannot hold an ICU plural (templates can), so both wordings are separate messages; in
 * Korean and Indonesian, which do not inflect for number, the rules always answer "other".
 */
export function byPlural<T>(count: number, locale: string, forms: { one: T; other: T }): T {
  return new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other;
}
