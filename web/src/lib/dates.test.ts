import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('formatDate', () => {
  it('shows API dates the US way without any time-zone shift', () => {
    expect(formatDate('2024-03-31')).toBe('03/31/2024');
    expect(formatDate('2024-01-01')).toBe('01/01/2024');
  });

  it('leaves empty values empty and unknown shapes as they are', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('starts with the US date', () => {
    expect(formatDateTime('2024-07-04T12:00:00')).toMatch(/^07\/04\/2024/);
  });

  it('returns unparseable values unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
