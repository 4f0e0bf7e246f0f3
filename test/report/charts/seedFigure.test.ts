import { describe, expect, it } from 'vitest';
import { SEED_FIGURE_SERIES, seedFigurePoints, seedFigureSpec } from '../../../src/report/charts/seedFigure.ts';
import { smallTrajectory } from './trajectoryFixture.ts';

/** The values of one series, in episode order. */
function seriesValues(spec: ReturnType<typeof seedFigureSpec>, series: string): number[] {
  const data = (spec as { data: { values: Array<{ series: string; value: number }> } }).data.values;
  return data.filter((p) => p.series === series).map((p) => p.value);
}

describe('seedFigureSpec', () => {
  it('has the four series with the trajectory values over the first `window` episodes', () => {
    const spec = seedFigureSpec(smallTrajectory(), { title: 'small', window: 2 });
    expect(seriesValues(spec, 'mesa objective θ')).toEqual([0.8, 0.7]);
    expect(seriesValues(spec, 'coefficient')).toEqual([0.1, 0.2]);
    expect(seriesValues(spec, 'learning rate')).toEqual([1, 1]);
    expect(seriesValues(spec, 'model output (a·θ)')).toEqual([0.08, 0.14]);
  });

  it('draws every episode by default, and θ_n (never θ_N after the last episode)', () => {
    const spec = seedFigureSpec(smallTrajectory(), { title: 'small' });
    expect(seriesValues(spec, 'mesa objective θ')).toEqual([0.8, 0.7, 0.6]);
    expect(seriesValues(spec, 'coefficient')).toEqual([0.1, 0.2, 1]);
  });

  it('clips a window longer than the run to its N episodes', () => {
    expect(seedFigurePoints(smallTrajectory(), 50)).toHaveLength(4 * 3);
    expect(seedFigurePoints(smallTrajectory(), 0)).toEqual([]);
  });

  it('rejects a negative or NaN window', () => {
    expect(() => seedFigurePoints(smallTrajectory(), -1)).toThrow(/window/);
    expect(() => seedFigurePoints(smallTrajectory(), Number.NaN)).toThrow(/window/);
  });

  it('puts episodes on x, values on y and the four series names in the legend domain, in order', () => {
    const spec = seedFigureSpec(smallTrajectory(), { title: 'small', subtitle: 'three episodes' }) as {
      title: unknown;
      encoding: { x: { field: string; title: string }; y: { title: string }; color: { scale: { domain: string[] } } };
    };
    expect(spec.title).toEqual({ text: 'small', subtitle: 'three episodes' });
    expect(spec.encoding.x).toMatchObject({ field: 'episode', title: 'Episode' });
    expect(spec.encoding.y.title).toBe('Value');
    expect(spec.encoding.color.scale.domain).toEqual([...SEED_FIGURE_SERIES]);
  });

  it('is plain JSON, so the browser explorer can render the very same spec', () => {
    const spec = seedFigureSpec(smallTrajectory(), { title: 'small' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
