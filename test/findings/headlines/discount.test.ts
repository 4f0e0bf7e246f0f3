/**
 * The discount section's headline numbers against references that share no code with the solvers.
 * Fixed γ: the test's own backward induction (seedBackwardInduction.ts: bisection on each agent's
 * g′, not the exact solver's cubic formula) and the goal retained as a product of update factors.
 * Trained γ: the solved tables played forward by the test's own Catmull–Rom and update rule, and
 * each tabulated choice checked against a brute-force best reply by direct simulation of the later
 * agents' policies (trainedDiscountBruteForce.ts) — on seed-1's schedule for the first agent, on a
 * short schedule for every agent at every node.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FIXED_DISCOUNTS,
  FIXED_SWEEP,
  firstAgentCheck,
  fixedDiscountAnswer,
  fixedDiscountCurves,
  fixedDiscountSweep,
  TRAINED_NODES,
  TRAINED_STARTS,
  trainedDiscountRuns,
  type FixedDiscountPoint,
  type RateLengthPoint,
  type TrainedRun,
} from '../../../src/findings/discount.ts';
import { formatNumber } from '../../../src/report/summaryTable.ts';
import { solveTrainedDiscount } from '../../../src/solvers/trainedDiscount/trainedDiscount.ts';
import { trainedDiscountScenario } from '../../../src/solvers/trainedDiscount/trainedDiscountModel.ts';
import { goalRetained, rates, referencePlan } from '../../helpers/seedBackwardInduction.ts';
import { agentCost, minimiseOnUnit, playTables, type PolicyTables } from '../../helpers/trainedDiscountBruteForce.ts';

const PRIOR = Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
const SEED_SCHEDULES = [
  { label: 'seed-1', spec: '1x20,0x80', training: 20 },
  { label: 'seed-2', spec: '1x100', training: 100 },
];

/** The reference's first coefficient and goal retained θ_T/θ₀ of a schedule at a fixed γ. */
function reference(spec: string, training: number, discount: number) {
  const schedule = rates(spec);
  const plan = referencePlan(schedule, discount);
  return { firstCoefficient: plan[0], goalRetained: goalRetained(plan, schedule, training) };
}

const relativeClose = (actual: number, expected: number, tolerance: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} against ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('discount headline numbers, fixed γ', () => {
  let curves: FixedDiscountPoint[];
  let sweep: RateLengthPoint[];
  beforeAll(() => {
    curves = fixedDiscountCurves();
    sweep = fixedDiscountSweep();
  });
  const seed1 = (discount: number) => reference('1x20,0x80', 20, discount);
  const cell = (rate: number, training: number) => reference(`${rate}x${training},0x${FIXED_SWEEP.deployment}`, training, FIXED_SWEEP.discount);

  it('every point of the curves (both seed schedules, γ = 0 … 1) is the reference’s', () => {
    expect(curves).toHaveLength(2 * FIXED_DISCOUNTS.length);
    for (const p of curves) {
      const s = SEED_SCHEDULES.find((q) => p.schedule.startsWith(q.label))!;
      const r = reference(s.spec, s.training, p.discount);
      relativeClose(p.firstCoefficient, r.firstCoefficient, 1e-9, `${s.label} a₀ at γ = ${p.discount}`);
      relativeClose(p.goalRetained, r.goalRetained, 1e-7, `${s.label} goal retained at γ = ${p.discount}`);
    }
  });

  it(`every cell of the sweep at γ = ${FIXED_SWEEP.discount} is the reference’s`, () => {
    expect(sweep).toHaveLength(FIXED_SWEEP.rates.length * FIXED_SWEEP.trainings.length);
    for (const p of sweep) {
      const r = cell(p.rate, p.training);
      relativeClose(p.firstCoefficient, r.firstCoefficient, 1e-9, `a₀ at ℓ = ${p.rate}, T = ${p.training}`);
      relativeClose(p.goalRetained, r.goalRetained, 1e-7, `goal retained at ℓ = ${p.rate}, T = ${p.training}`);
    }
  });

  it('the answer quotes the reference’s numbers, and its monotonicity claims hold for the reference', () => {
    const text = fixedDiscountAnswer(curves, sweep);
    const strictlyFalling = (values: number[]) => values.every((v, i) => i === 0 || v < values[i - 1]);
    for (const s of SEED_SCHEDULES) expect(strictlyFalling(FIXED_DISCOUNTS.map((g) => reference(s.spec, s.training, g).firstCoefficient))).toBe(true);
    expect(text).toContain('on both seed schedules the first coefficient falls strictly as γ rises');
    expect(text).toContain(
      `from ${formatNumber(seed1(0).firstCoefficient)} at γ = 0 to ${formatNumber(seed1(0.5).firstCoefficient)} at γ = 0.5 and ${formatNumber(seed1(1).firstCoefficient)} at γ = 1 (the goal retained after training rises from ${formatNumber(seed1(0.5).goalRetained)} to ${formatNumber(seed1(1).goalRetained)}`,
    );
    for (const training of FIXED_SWEEP.trainings) expect(strictlyFalling(FIXED_SWEEP.rates.map((rate) => cell(rate, training).firstCoefficient))).toBe(true);
    const cells = FIXED_SWEEP.rates.flatMap((rate) => FIXED_SWEEP.trainings.map((training) => ({ rate, training, first: cell(rate, training).firstCoefficient })));
    const [low, high] = [cells.reduce((a, b) => (b.first < a.first ? b : a)), cells.reduce((a, b) => (b.first > a.first ? b : a))];
    expect(text).toContain(
      `falls with the learning rate at every training length, from ${formatNumber(high.first)} (ℓ = ${high.rate}, T = ${high.training}) to ${formatNumber(low.first)} (ℓ = ${low.rate}, T = ${low.training})`,
    );
  });
});

describe('discount headline numbers, trained γ', () => {
  const schedule = rates('1x20,0x80');
  let runs: TrainedRun[];
  let tables: PolicyTables;
  beforeAll(() => {
    runs = trainedDiscountRuns(1, 20, 80);
    const e = solveTrainedDiscount(trainedDiscountScenario({ schedule: '1x20,0x80', discountNodes: TRAINED_NODES }));
    tables = { coefficients: e.coefficients, slopes: e.slopes, nodes: TRAINED_NODES };
  });

  it('seed-1’s runs from every γ₀ are the tables played forward (a₀, a₀′(γ₀), γ and the goal after training, episodes to γ = 1)', () => {
    expect(runs.map((r) => r.start)).toEqual(TRAINED_STARTS);
    for (const run of runs) {
      const path = playTables(schedule, tables, 0.8, run.start);
      const close = (actual: number, expected: number, what: string) => expect(Math.abs(actual - expected), `${what} from γ₀ = ${run.start}`).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(expected));
      close(run.firstCoefficient, path.a[0], 'a₀');
      close(run.firstSlope, path.slope[0], 'a₀′(γ₀)');
      close(run.finalDiscount, path.gamma[20], 'γ after training');
      close(run.goalRetained, path.theta[20] / path.theta[0], 'goal retained');
      const reached = path.gamma.findIndex((g) => g === 1);
      expect(run.episodesToOne).toBe(reached < 0 ? null : reached);
    }
  });

  it('seed-1’s first agent: the tabulated a₀ is within 1e−3 of its brute-force best reply at the γ₀ nodes, a₀′(γ₀) within 20%, as the answer states', () => {
    const h = 1 / (TRAINED_NODES - 1);
    let [coefficientGap, slopeGap] = [0, 0];
    for (const start of [0.2, 0.5, 0.9]) {
      const i = Math.round(start / h);
      const [a, slope] = [tables.coefficients[i], tables.slopes[i]];
      const reply = (j: number) => minimiseOnUnit((x) => agentCost(schedule, tables, 0, j * h, x, a * slope, PRIOR));
      const bruteSlope = (reply(i + 1) - reply(i - 1)) / (2 * h);
      expect(Math.abs(reply(i) - a), `a₀ at γ₀ = ${start}`).toBeLessThan(1e-3);
      expect(Math.abs(bruteSlope / slope - 1), `a₀′ at γ₀ = ${start}: ${slope} against ${bruteSlope}`).toBeLessThan(0.2);
      coefficientGap = Math.max(coefficientGap, Math.abs(reply(i) - a));
      slopeGap = Math.max(slopeGap, Math.abs(bruteSlope / slope - 1));
    }
    const check = firstAgentCheck();
    expect(check.starts).toEqual([0.2, 0.5, 0.9]);
    expect(formatNumber(check.coefficientGap)).toBe(formatNumber(coefficientGap));
    expect((100 * check.slopeGap).toFixed(0)).toBe((100 * slopeGap).toFixed(0));
  });

  it('on a short schedule every agent’s tabulated coefficient, slope and forecast satisfy the equilibrium conditions by brute force', () => {
    const [spec, nodes] = ['0.5x4,0x4', 11];
    const short = rates(spec);
    const e = solveTrainedDiscount(trainedDiscountScenario({ schedule: spec, discountNodes: nodes }));
    const shortTables = { coefficients: e.coefficients, slopes: e.slopes, nodes };
    const h = 1 / (nodes - 1);
    for (let n = 0; n < 4; n++) {
      for (let i = 0; i < nodes; i++) {
        const [a, slope] = [e.coefficients[n * nodes + i], e.slopes[n * nodes + i]];
        // The forecast is the agent's own equilibrium drift a·a′; best replies at the neighbours hold it fixed.
        const reply = (j: number) => minimiseOnUnit((x) => agentCost(short, shortTables, n, j * h, x, a * slope, PRIOR));
        const own = reply(i);
        const difference = i === 0 ? (-3 * own + 4 * reply(1) - reply(2)) / (2 * h) : i === nodes - 1 ? (3 * own - 4 * reply(nodes - 2) + reply(nodes - 3)) / (2 * h) : (reply(i + 1) - reply(i - 1)) / (2 * h);
        expect(Math.abs(own - a), `a_${n}(γ_${i})`).toBeLessThan(2e-3);
        expect(Math.abs(difference - slope), `a′_${n}(γ_${i})`).toBeLessThan(2e-2);
      }
    }
  });
});
