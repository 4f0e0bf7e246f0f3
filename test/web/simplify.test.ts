import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioConfig, runExperiment, seed1 } from '../../src/index.ts';
import { m4Indices, simplifyPolyline, thinLine } from '../../web/src/simplify.ts';

/** Distance from point i to the polyline through `kept` (the segment spanning i). */
function distanceToSimplified(xs: number[], ys: number[], kept: number[], i: number): number {
  const k = kept.findIndex((j) => j >= i);
  if (kept[k] === i) return 0;
  const [a, b] = [kept[k - 1], kept[k]];
  const [dx, dy] = [xs[b] - xs[a], ys[b] - ys[a]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((xs[i] - xs[a]) * dx + (ys[i] - ys[a]) * dy) / length2));
  return Math.hypot(xs[i] - (xs[a] + t * dx), ys[i] - (ys[a] + t * dy));
}

describe('simplifyPolyline()', () => {
  it('keeps both ends, and every dropped point lies within the tolerance of the result', () => {
    const line = fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 0, maxLength: 200 });
    fc.assert(
      fc.property(line, fc.float({ min: Math.fround(0.01), max: 5, noNaN: true }), (ys, tolerance) => {
        const xs = ys.map((_, i) => i);
        const kept = simplifyPolyline(xs, ys, tolerance);
        if (ys.length > 0) expect([kept[0], kept[kept.length - 1]]).toEqual([0, ys.length - 1]);
        expect(kept).toEqual([...kept].sort((a, b) => a - b));
        for (let i = 0; i < ys.length; i++) expect(distanceToSimplified(xs, ys, kept, i)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
    );
  });

  it('reduces a step and a straight line to their corners', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i);
    expect(simplifyPolyline(xs, xs.map((x) => 2 * x), 0.1)).toEqual([0, 99]);
    expect(simplifyPolyline(xs, xs.map((x) => (x < 50 ? 1 : 0)), 0.1)).toEqual([0, 49, 50, 99]);
  });
});

describe('m4Indices()', () => {
  it('keeps the first, last, lowest and highest point of every series in every bucket', () => {
    const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 40 }), (values, buckets) => {
        const kept = m4Indices([values, values.map((v) => -v)], values.length, buckets);
        expect(kept).toEqual([...new Set(kept)].sort((a, b) => a - b));
        expect(kept[0]).toBe(0);
        expect(kept[kept.length - 1]).toBe(values.length - 1);
        const keptValues = kept.map((i) => values[i]);
        expect(Math.min(...keptValues)).toBe(Math.min(...values));
        expect(Math.max(...keptValues)).toBe(Math.max(...values));
        expect(kept.length).toBeLessThanOrEqual(10 * buckets + 2);
      }),
    );
  });
});

describe('thinLine()', () => {
  it('keeps both ends, and every point lies within a pixel column plus the tolerance of the drawn line', () => {
    const line = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 3000 });
    fc.assert(
      fc.property(line, fc.integer({ min: 20, max: 800 }), fc.integer({ min: 50, max: 400 }), (ys, width, height) => {
        const xs = ys.map((_, i) => i);
        const x = { lo: 0, hi: ys.length - 1, pixels: width };
        const y = { lo: Math.min(...ys), hi: Math.max(...ys), pixels: height };
        const kept = thinLine(xs, ys, ys.length, x, y);
        expect([kept[0], kept[kept.length - 1]]).toEqual([0, ys.length - 1]);
        const px = xs.map((v) => (v * width) / (x.hi - x.lo));
        const py = ys.map((v) => (y.hi > y.lo ? ((v - y.lo) / (y.hi - y.lo)) * height : v - y.lo));
        const column = width / (ys.length - 1) > 1 ? 0 : 1;
        for (let i = 0; i < ys.length; i++) expect(distanceToSimplified(px, py, kept, i)).toBeLessThanOrEqual(0.25 + column + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('draws 10⁴ episodes of seed-1 with a few dozen points per series', () => {
    const { trajectory } = runExperiment(parseScenarioConfig({ ...seed1, schedule: { training: 20, deployment: 9980 } }));
    const y = { lo: 0, hi: 1, pixels: 300 };
    const kept = thinLine(trajectory.episode, trajectory.coefficient, 10_000, { lo: 0, hi: 9999, pixels: 700 }, y);
    expect(kept.length).toBeLessThan(100);
    expect(kept.map((n) => trajectory.coefficient[n])).toContain(1);
  });
});
