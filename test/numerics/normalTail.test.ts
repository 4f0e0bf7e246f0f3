import { describe, expect, it } from 'vitest';
import { normalInterval, upperTail } from '../../src/numerics/normalTail.ts';

// Q(z) = P(ξ > z): mpmath's ncdf(−z) at 30 significant digits, rounded to the nearest double.
const PUBLISHED: [number, number][] = [
  [-3, 0.9986501019683699],
  [-1, 0.8413447460685429],
  [0, 0.5],
  [0.5, 0.3085375387259869],
  [1, 0.15865525393145705],
  [1.5, 0.06680720126885807],
  [1.999, 0.022804176932658883],
  [2, 0.02275013194817921],
  [2.5, 0.006209665325776135],
  [3, 0.0013498980316300946],
  [5, 2.866515718791939e-07],
  [10, 7.619853024160525e-24],
  [20, 2.7536241186062337e-89],
  [37, 5.725571222524577e-300],
];

describe('upperTail', () => {
  it.each(PUBLISHED)('Q(%d) has a relative error below 1e−14', (z, q) => {
    expect(Math.abs(upperTail(z) - q) / q).toBeLessThan(1e-14);
  });

  it('edge cases: ±∞ and NaN', () => {
    expect(upperTail(Infinity)).toBe(0);
    expect(upperTail(-Infinity)).toBe(1);
    expect(upperTail(NaN)).toBeNaN();
  });
});

describe('normalInterval', () => {
  it('sums to 1 over a partition and equals a Simpson integral of the density on each piece', () => {
    const edges = [-Infinity, -2, -0.5, 0.3, 1, 4, Infinity];
    let total = 0;
    for (let i = 0; i + 1 < edges.length; i++) total += normalInterval(edges[i], edges[i + 1], 0.7);
    expect(Math.abs(total - 1)).toBeLessThan(1e-15);
    const simpson = (lo: number, hi: number, mean: number) => {
      const steps = 2000;
      const h = (hi - lo) / steps;
      let sum = 0;
      for (let i = 0; i <= steps; i++) {
        const x = lo + i * h - mean;
        sum += (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * Math.exp(-0.5 * x * x);
      }
      return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
    };
    for (const [lo, hi] of [[-0.5, 0.3], [1, 4], [8, 8.05]]) {
      const p = normalInterval(lo, hi, 0.7);
      expect(Math.abs(p - simpson(lo, hi, 0.7)) / p).toBeLessThan(1e-10);
    }
  });

  it('is 0 for an empty interval', () => {
    expect(normalInterval(1, 1, 0)).toBe(0);
    expect(normalInterval(2, 1, 0)).toBe(0);
  });
});
