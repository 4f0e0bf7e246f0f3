import { describe, expect, it } from 'vitest';
import { regularizerFinding, regularizerSweep } from '../../src/findings/regularizer.ts';

describe('the regularizer finding', () => {
  const points = regularizerSweep();
  const series = (schedule: string) => points.filter((p) => p.schedule.startsWith(schedule));

  it('the goal retained after training falls as λ grows (seed-1)', () => {
    const retained = series('seed-1').map((p) => p.goalRetained);
    for (let i = 1; i < retained.length; i++) expect(retained[i]).toBeLessThanOrEqual(retained[i - 1] + 1e-12);
    expect(retained.at(-1)).toBeLessThan(1e-6);
  });

  it('seed-1 hides more under mild pressure, then gives up deception under strong pressure', () => {
    const at = (lambda: number) => series('seed-1').find((p) => p.regularizer === lambda)!.firstCoefficient;
    expect(at(0.01)).toBeLessThan(at(0));
    expect(at(0.5)).toBeGreaterThan(10 * at(0));
  });

  it("seed-2's first coefficient rises with λ", () => {
    const first = series('seed-2').map((p) => p.firstCoefficient);
    for (let i = 1; i < first.length; i++) expect(first[i]).toBeGreaterThanOrEqual(first[i - 1] - 1e-12);
  });

  it('the report quotes the measured numbers and has two figures', async () => {
    const report = await regularizerFinding.compute();
    expect(report.figures).toHaveLength(2);
    expect(report.answer).toContain(series('seed-1')[0].firstCoefficient.toFixed(4));
    expect(report.table.rows).toHaveLength(points.length);
  });
});
