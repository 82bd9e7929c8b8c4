import { describe, expect, it } from 'vitest';
import { chicagoDate, createClock } from './clock';

describe('clock', () => {
  it('uses the fixed date when set', () => {
    const c = createClock('2024-03-31');
    expect(c.today()).toBe('2024-03-31');
    expect(c.fixed).toBe(true);
  });

  it('takes "today" in America/Chicago, not UTC', () => {
    // 03:00 UTC on 1 April is still 31 March in Chicago (UTC-5 in daylight time)
    expect(chicagoDate(new Date('2024-04-01T03:00:00Z'))).toBe('2024-03-31');
    expect(chicagoDate(new Date('2024-04-01T06:00:00Z'))).toBe('2024-04-01');
  });
});
