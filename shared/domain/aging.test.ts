import { describe, it, expect } from 'vitest';
import { AGING_BUCKETS, AGING_BUCKET_KEYS, bucketDayRange, bucketForDaysOverdue, bucketLabel, isAgingBucketKey } from './aging';

describe('AGING_BUCKETS', () => {
  it('is ordered, contiguous and covers every integer day', () => {
    expect(AGING_BUCKETS.map((b) => b.key)).toEqual(['current', 'd1_15', 'd16_30', 'd31_60', 'd61_90', 'd91_180', 'd180_plus']);
    for (let i = 1; i < AGING_BUCKETS.length; i++) {
      const prev = AGING_BUCKETS[i - 1];
      const cur = AGING_BUCKETS[i];
      expect(cur?.minDays).toBe((prev?.maxDays ?? NaN) + 1);
    }
    expect(AGING_BUCKET_KEYS).toEqual(AGING_BUCKETS.map((b) => b.key));
    expect(AGING_BUCKETS[0]).toEqual({ key: 'current', label: 'A vencer', minDays: null, maxDays: 0 });
    expect(AGING_BUCKETS[6]).toMatchObject({ key: 'd180_plus', minDays: 181, maxDays: null });
  });
});

describe('bucketForDaysOverdue', () => {
  it.each([
    [-30, 'current'],
    [0, 'current'],
    [1, 'd1_15'],
    [15, 'd1_15'],
    [16, 'd16_30'],
    [30, 'd16_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd91_180'],
    [180, 'd91_180'],
    [181, 'd180_plus'],
    [5000, 'd180_plus'],
  ] as const)('%d days → %s', (days, key) => {
    expect(bucketForDaysOverdue(days)).toBe(key);
  });
  it('agrees with bucketDayRange for every day in -5…400', () => {
    for (let d = -5; d <= 400; d++) {
      const { minDays, maxDays } = bucketDayRange(bucketForDaysOverdue(d));
      expect(minDays === null || d >= minDays).toBe(true);
      expect(maxDays === null || d <= maxDays).toBe(true);
    }
  });
  it('rejects NaN', () => {
    expect(() => bucketForDaysOverdue(Number.NaN)).toThrow();
  });
});

describe('bucketDayRange / labels', () => {
  it('returns inclusive bounds', () => {
    expect(bucketDayRange('current')).toEqual({ minDays: null, maxDays: 0 });
    expect(bucketDayRange('d31_60')).toEqual({ minDays: 31, maxDays: 60 });
    expect(bucketDayRange('d180_plus')).toEqual({ minDays: 181, maxDays: null });
  });
  it('labels and key guard', () => {
    expect(bucketLabel('d91_180')).toBe('91–180 dias');
    expect(bucketLabel('current')).toBe('A vencer');
    expect(isAgingBucketKey('d1_15')).toBe(true);
    expect(isAgingBucketKey('d1_14')).toBe(false);
  });
});
