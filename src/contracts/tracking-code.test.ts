import { describe, expect, it } from 'vitest';
import { normalizeTrackingCode } from './cases';

describe('normalizeTrackingCode (issue #14 point 6)', () => {
  it.each([
    ['KN-7K2M-Q9XD-4RTV', 'KN-7K2M-Q9XD-4RTV'],
    ['kn-7k2m-q9xd-4rtv', 'KN-7K2M-Q9XD-4RTV'],
    ['  KN 7K2M Q9XD 4RTV ', 'KN-7K2M-Q9XD-4RTV'],
    ['kn7k2mq9xd4rtv', 'KN-7K2M-Q9XD-4RTV'],
    ['KN–7K2M—Q9XD.4RTV', 'KN-7K2M-Q9XD-4RTV'],
    ['PA-1O0I-LLAB-CDEF', 'PA-1001-11AB-CDEF'],
    ['kng g7k2 m9xd 4rtv', 'KNG-G7K2-M9XD-4RTV'],
    ['KN G7K2 M9XD 4RT', 'KN-G7K2-M9XD-4RT'],
    ['x;drop', 'X;DROP'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeTrackingCode(raw)).toBe(want);
  });
});
