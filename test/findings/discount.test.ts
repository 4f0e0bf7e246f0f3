import { beforeAll, describe, expect, it } from 'vitest';
import { discountFinding, FIXED_SWEEP, fixedDiscountCurves, fixedDiscountSweep, trainedDiscountRuns, type TrainedRun } from '../../src/findings/discount.ts';
import type { FindingReport } from '../../src/findings/finding.ts';

describe('the discount finding, fixed γ', () => {
  const curves = fixedDiscountCurves();
  const series = (schedule: string) => curves.filter((p) => p.schedule.startsWith(schedule));

  it('the first coefficient falls strictly as γ grows, on both seed schedules', () => {
    for (const schedule of ['seed-1', 'seed-2']) {
      const first = series(schedule).map((p) => p.firstCoefficient);
      expect(first[0]).toBe(1);
      for (let i = 1; i < first.length; i++) expect(first[i]).toBeLessThan(first[i - 1]);
    }
  });

  it('seed-1 keeps more of its goal the more patient it is, from γ = 0.5 up', () => {
    const retained = series('seed-1').filter((p) => p.discount >= 0.5);
    for (let i = 1; i < retained.length; i++) expect(retained[i].goalRetained).toBeGreaterThanOrEqual(retained[i - 1].goalRetained);
    expect(retained.at(-1)!.goalRetained).toBeGreaterThan(0.9);
  });

  it(`at γ = ${FIXED_SWEEP.discount} the first coefficient falls with the learning rate at every training length`, () => {
    const sweep = fixedDiscountSweep();
    for (const training of FIXED_SWEEP.trainings) {
      const row = sweep.filter((p) => p.training === training).map((p) => p.firstCoefficient);
      for (let i = 1; i < row.length; i++) expect(row[i]).toBeLessThan(row[i - 1]);
    }
  });
});

describe('the discount finding, trained γ', () => {
  let seed1: TrainedRun[];
  let report: FindingReport;
  beforeAll(async () => {
    seed1 = trainedDiscountRuns(1, 20, 80, [0.2, 0.5, 0.9, 0.99]);
    report = await discountFinding.compute();
  }, 60_000);
  const at = (start: number) => seed1.find((r) => r.start === start)!;

  it('training raises the discount from every start on seed-1’s schedule (the slope a′(γ₀) is negative)', () => {
    for (const run of seed1) {
      expect(run.finalDiscount).toBeGreaterThan(run.start);
      expect(run.firstSlope).toBeLessThan(0);
    }
  });

  it('patient starts reach γ = 1 and keep most of the goal; γ₀ = 0.5 loses the goal before γ gets there', () => {
    for (const start of [0.9, 0.99]) {
      expect(at(start).finalDiscount).toBe(1);
      expect(at(start).goalRetained).toBeGreaterThan(0.5);
    }
    expect(at(0.5).finalDiscount).toBeLessThan(1);
    expect(Math.abs(at(0.5).goalRetained)).toBeLessThan(1e-3);
  });

  it('γ is frozen in deployment', () => {
    for (const run of seed1) expect(run.trajectory.parameters.gamma[100]).toBe(run.finalDiscount);
  });

  it('the report has the six figures, never a γ that fell, and quotes the measured numbers', () => {
    expect(report.figures).toHaveLength(6);
    const trained = report.table.rows.filter((row) => row[0] === 'trained γ');
    expect(trained.length).toBe(4 + 50);
    for (const row of trained) expect(row[5] as number).toBeGreaterThanOrEqual(row[2] as number);
    expect(report.answer).toContain(at(0.5).finalDiscount.toFixed(4));
    expect(report.answer).toContain('Training raises the discount');
  });
});
