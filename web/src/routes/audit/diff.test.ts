import { describe, expect, it } from 'vitest';
import { changedFields, showValue } from './diff';

describe('changedFields', () => {
  it('lists only the keys whose values differ, sorted', () => {
    expect(changedFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1, 2] })).toEqual([
      { key: 'b', before: 'x', after: 'y' },
      { key: 'c', before: [1], after: [1, 2] },
    ]);
  });

  it('shows added and removed keys', () => {
    expect(changedFields(null, { status: 'ACTIVE' })).toEqual([
      { key: 'status', before: undefined, after: 'ACTIVE' },
    ]);
    expect(changedFields({ roles: ['STAFF'] }, undefined)).toEqual([
      { key: 'roles', before: ['STAFF'], after: undefined },
    ]);
  });

  it('treats non-object snapshots as empty', () => {
    expect(changedFields('x', 42)).toEqual([]);
  });
});

describe('showValue', () => {
  it('prints strings as they are and everything else as JSON', () => {
    expect(showValue('Chicago')).toBe('Chicago');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('—');
    expect(showValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
