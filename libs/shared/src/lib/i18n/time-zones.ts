/**
 * IANA time zones ("Asia/Seoul", "Asia/Jakarta"), as the JavaScript runtime knows them. A person's
 * dates and times are shown in their own zone; null on the user record means "the browser's zone".
 */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

let known: ReadonlySet<string> | null = null;

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  known ??= new Set(timeZones());
  if (known.has(value)) return true;
  // Aliases ("Asia/Calcutta") are valid IANA names the list above leaves out.
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}
