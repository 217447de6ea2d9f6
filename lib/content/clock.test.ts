import { describe, expect, it } from 'vitest';
import { siteClock } from './index';

describe('site clock', () => {
  it('is the real clock unless WARTA_CLOCK_START is set', () => {
    expect(siteClock(undefined)).toBe(Date.now);
  });

  it('starts at WARTA_CLOCK_START and runs on in real time', () => {
    const boot = Date.now() - 5000;
    const now = siteClock('2026-01-01T07:00:00+07:00', boot)();
    expect(now - Date.parse('2026-01-01T00:00:00Z')).toBeGreaterThanOrEqual(5000);
    expect(now - Date.parse('2026-01-01T00:00:00Z')).toBeLessThan(60_000);
  });

  it('rejects a value that is not a date with the fix', () => {
    expect(() => siteClock('besok pagi')).toThrow(/WARTA_CLOCK_START: "besok pagi" is not an ISO date-time; fix:/);
  });
});
