import fc from 'fast-check';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { seedFigureSpec } from '../../src/report/charts/seedFigure.ts';
import { seed1 } from '../../src/scenarios/seed.ts';
import { m4Indices, m4Trajectory, simplifyLineSpec, simplifyPolyline } from '../../web/src/simplify.ts';

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

describe('m4Trajectory()', () => {
  it('is a trajectory of the kept episodes, numbered as they were', () => {
    const { trajectory } = runExperiment(parseScenarioConfig({ ...seed1, schedule: { training: 20, deployment: 5000 } }));
    const reduced = m4Trajectory(trajectory, 5020, 100);
    const n = reduced.episode.length;
    expect(n).toBeLessThan(1000);
    expect(reduced.theta).toHaveLength(n + 1);
    expect(reduced.theta[n]).toBe(trajectory.theta[5020]);
    for (let k = 0; k < n; k++) {
      const e = reduced.episode[k];
      expect([reduced.theta[k], reduced.coefficient[k], reduced.output[k]]).toEqual([trajectory.theta[e], trajectory.coefficient[e], trajectory.output[e]]);
    }
  });
});

describe('simplifyLineSpec()', () => {
  it('thins each series of the seed figure on its own and keeps its ends', () => {
    const { trajectory } = runExperiment(parseScenarioConfig({ ...seed1, schedule: { training: 20, deployment: 2000 } }));
    const spec = seedFigureSpec(trajectory, { title: 't' });
    const rows = (s: TopLevelSpec) => (s as unknown as { data: { values: { episode: number; series: string }[] } }).data.values;
    const thinned = rows(simplifyLineSpec(spec, { width: 600, height: 300 }));
    expect(thinned.length).toBeLessThan(rows(spec).length / 20);
    for (const series of new Set(rows(spec).map((r) => r.series))) {
      const episodes = thinned.filter((r) => r.series === series).map((r) => r.episode);
      expect([episodes[0], episodes[episodes.length - 1]]).toEqual([0, 2019]);
    }
  });

  it('leaves a spec that is not a single line chart alone', () => {
    const layered = { layer: [] } as unknown as TopLevelSpec;
    expect(simplifyLineSpec(layered, { width: 600, height: 300 })).toBe(layered);
  });
});
