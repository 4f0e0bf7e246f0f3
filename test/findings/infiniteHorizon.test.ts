import { describe, expect, it } from 'vitest';
import { firstCoefficientByHorizon, HORIZONS, infiniteHorizonFinding } from '../../src/findings/infiniteHorizon.ts';

describe('the infinite-horizon finding', () => {
  const points = firstCoefficientByHorizon();
  const a0 = (horizon: number, discount: number) => points.find((p) => p.horizon === horizon && p.discount === discount)!.firstCoefficient;

  it('without discounting a₀ falls like 1/√N', () => {
    const scaled = HORIZONS.filter((n) => n >= 1000).map((n) => a0(n, 1) * Math.sqrt(n));
    for (const s of scaled) expect(Math.abs(s / scaled[0] - 1)).toBeLessThan(0.02);
  });

  it('with discounting a₀ levels off, higher for heavier discounting', () => {
    const last = HORIZONS.at(-1)!;
    expect(Math.abs(a0(last, 0.99) - a0(30_000, 0.99))).toBeLessThan(1e-9);
    expect(a0(last, 0.9)).toBeGreaterThan(a0(last, 0.99));
    expect(a0(last, 0.99)).toBeGreaterThan(a0(last, 0.999));
    expect(a0(last, 0.999)).toBeGreaterThan(a0(last, 1));
  });

  it('reports two figures and a table with a row per discount', async () => {
    const report = await infiniteHorizonFinding.compute();
    expect(report.figures).toHaveLength(2);
    expect(report.table.rows).toHaveLength(4);
  });
});
