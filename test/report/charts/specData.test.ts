import { describe, expect, it } from 'vitest';
import { distinctSorted, finiteOrNull, labelFormat, thinned } from '../../../src/report/charts/specData.ts';

describe('specData', () => {
  it('finiteOrNull keeps finite numbers and turns NaN, ±Infinity, null and undefined into null', () => {
    expect([0, -2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined].map(finiteOrNull)).toEqual([0, -2.5, null, null, null, null, null]);
  });

  it('distinctSorted sorts numerically (10 after 9), once per value, skipping missing values', () => {
    expect(distinctSorted([{ a: 10 }, { a: 9 }, { a: 10 }, { a: null }, { a: Number.NaN }, { b: 1 }], 'a')).toEqual([9, 10]);
  });

  it('thinned keeps about `count` values, evenly by index, from the first', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(thinned(hundred, 10)).toEqual([1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
    expect(thinned([1, 2, 3], 10)).toEqual([1, 2, 3]);
    expect(thinned([], 10)).toEqual([]);
  });

  it('labelFormat writes whole numbers as integers and others to three significant digits', () => {
    expect(labelFormat([1, 20, 300])).toBe('d');
    expect(labelFormat([0.001, 1, 1000])).toBe('.3~r');
  });
});
