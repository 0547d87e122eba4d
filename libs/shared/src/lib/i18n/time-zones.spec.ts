import { isTimeZone, timeZones } from './time-zones';

describe('time zones', () => {
  it('should accept IANA names and UTC when the runtime knows them', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Asia/Jakarta')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(timeZones()).toContain('Asia/Seoul');
  });

  it('should refuse offsets, abbreviations, blanks and unknown names', () => {
    expect(isTimeZone('+09:00')).toBe(false);
    expect(isTimeZone('KST')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
