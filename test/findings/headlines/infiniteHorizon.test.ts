/**
 * The infinite-horizon section's headline numbers against references that share no code with
 * the solvers: the stationary equilibrium from its first-order condition solved by bisection, a₀
 * of N training episodes by the test's own backward induction (seedBackwardInduction.ts, itself
 * checked here against direct simulation), and endless deployment as a finite deployment long
 * enough that γ^D < 1e−16.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingReport } from '../../../src/findings/finding.ts';
import { DISCOUNTS, HORIZONS, infiniteHorizonFinding, SCALING_RATES } from '../../../src/findings/infiniteHorizon.ts';
import { formatNumber } from '../../../src/report/summaryTable.ts';
import { directCost } from '../../helpers/directCost.ts';
import { figurePoints } from '../../helpers/findingFigures.ts';
import { agentCost, bestReply, rates, referencePlan, type Moments } from '../../helpers/seedBackwardInduction.ts';

/** The geometric suffix moments of playing a for ever: A = a²/(1 − γf²), B = a/(1 − γf), L = 1/(1 − γ); null where they diverge. */
function foreverMoments(a: number, rate: number, discount: number): Moments | null {
  const f = 1 - 2 * rate * a * a;
  if (!(discount * f * f < 1)) return null;
  return { A: (a * a) / (1 - discount * f * f), B: a / (1 - discount * f), L: 1 / (1 - discount) };
}

/**
 * Every stationary equilibrium in [−2, 2]: a root of the first-order condition g′(a; A(a), B(a)) = 0
 * (sign changes on 20,001 points, then bisection) that is also the global minimiser of its own g —
 * so a jump of the best reply is not mistaken for a fixed point.
 */
function stationaryEquilibria(rate: number, discount: number): number[] {
  const condition = (a: number) => {
    const m = foreverMoments(a, rate, discount);
    if (!m) return NaN;
    const f = 1 - 2 * rate * a * a;
    return 2 * (a - 1) - 8 * discount * rate * a * (f * m.A - m.B);
  };
  const roots: number[] = [];
  const points = 20_001;
  for (let i = 0; i + 1 < points; i++) {
    let [lo, hi] = [-2 + (4 * i) / (points - 1), -2 + (4 * (i + 1)) / (points - 1)];
    const cHi = condition(hi);
    let cLo = condition(lo);
    if (!Number.isFinite(cLo) || !Number.isFinite(cHi) || Math.sign(cLo) === Math.sign(cHi) || cHi === 0) continue;
    for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
      const mid = (lo + hi) / 2;
      const c = condition(mid);
      if (Math.sign(c) === Math.sign(cLo)) [lo, cLo] = [mid, c];
      else hi = mid;
    }
    roots.push((lo + hi) / 2);
  }
  return roots.filter((a) => Math.abs(bestReply(rate, discount, foreverMoments(a, rate, discount)!) - a) < 1e-9);
}

/** a₀ of 20 training episodes at ℓ = 1 then D deployment episodes, D long enough that γ^D < 1e−16. */
function endlessDeploymentFirst(discount: number): number {
  const deployment = Math.ceil(Math.log(1e-16) / Math.log(discount));
  return referencePlan(rates(`1x20,0x${deployment}`), discount)[0];
}

const relativeClose = (actual: unknown, expected: number, tolerance = 1e-9) => {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
};

describe('the reference backward induction', () => {
  it('is a best response to the later plan by direct simulation, agent by agent (seed-1 at γ = 0.99, seed-2 at γ = 1)', () => {
    for (const [spec, discount] of [['1x20,0x80', 0.99], ['1x100', 1]] as const) {
      const schedule = rates(spec);
      const plan = referencePlan(schedule, discount);
      for (let n = 0; n < plan.length; n++) {
        const cost = (a: number) => directCost([a, ...plan.subarray(n + 1)], schedule.subarray(n), discount);
        const best = cost(plan[n]);
        for (const step of [1e-3, -1e-3, 0.1, -0.1, 1, -1]) expect(cost(plan[n] + step)).toBeGreaterThanOrEqual(best);
      }
    }
  });

  it('its cost g(a) is the directly simulated cost of the agent', () => {
    const schedule = rates('1x20,0x80');
    const plan = referencePlan(schedule, 0.9);
    // The moments of episodes 1 … 99 summed directly.
    let [A, B, L, product] = [0, 0, 0, 1];
    for (let k = 1; k < plan.length; k++) {
      A += 0.9 ** (k - 1) * (plan[k] * product) ** 2;
      B += 0.9 ** (k - 1) * plan[k] * product;
      L += 0.9 ** (k - 1);
      product *= 1 - 2 * schedule[k] * plan[k] ** 2;
    }
    for (const a of [-0.5, 0, 0.18, 1, 1.7]) expect(agentCost(a, 1, 0.9, { A, B, L })).toBeCloseTo(directCost([a, ...plan.subarray(1)], schedule, 0.9), 10);
  });
});

describe('infinite-horizon headline numbers', () => {
  let report: FindingReport;
  const byHorizon = new Map<string, number>();
  const star = new Map<number, number>();
  beforeAll(async () => {
    report = await infiniteHorizonFinding.compute();
    for (const discount of DISCOUNTS) {
      for (const horizon of HORIZONS) byHorizon.set(`${horizon}:${discount}`, referencePlan(rates(`1x${horizon}`), discount)[0]);
      if (discount < 1) star.set(discount, stationaryEquilibria(1, discount)[0]);
    }
  });
  const a0 = (horizon: number, discount: number) => byHorizon.get(`${horizon}:${discount}`)!;

  it('the table: stationary a*, a₀ of N = 100000, 20 training + endless and + 80 deployment, per γ', () => {
    const big = HORIZONS.at(-1)!;
    for (const row of report.table.rows) {
      const discount = row[0] as number;
      if (discount < 1) {
        relativeClose(row[1], star.get(discount)!);
        relativeClose(row[3], endlessDeploymentFirst(discount));
      } else expect([row[1], row[3]]).toEqual([null, null]);
      relativeClose(row[2], a0(big, discount));
      relativeClose(row[4], referencePlan(rates('1x20,0x80'), discount)[0]);
    }
  });

  it('the first-coefficient figure: a₀ of every horizon N and discount', () => {
    const points = figurePoints(report, 'first-coefficient-by-horizon');
    expect(points).toHaveLength(HORIZONS.length * DISCOUNTS.length);
    for (const p of points) relativeClose(p.value, a0(p.x as number, Number(String(p.series).replace('γ = ', ''))));
  });

  it('the stationary figure: one equilibrium per learning rate and γ < 1, the one the reference finds', () => {
    for (const p of figurePoints(report, 'stationary')) {
      const equilibria = stationaryEquilibria(p.x as number, Number(String(p.series).replace('γ = ', '')));
      expect(equilibria).toHaveLength(1);
      relativeClose(p.value, equilibria[0]);
    }
  });

  it('the answer quotes the references, and long finite horizons reach the stationary a*', () => {
    const big = HORIZONS.at(-1)!;
    for (const discount of [0.9, 0.99, 0.999]) relativeClose(a0(big, discount), star.get(discount)!, 1e-8);
    const answer = report.answer;
    expect(answer).toContain(`stationary equilibrium plays ${formatNumber(star.get(0.99)!)} at γ = 0.99 and ${formatNumber(star.get(0.9)!)} at γ = 0.9`);
    expect(answer).toContain(`a₀ = ${formatNumber(a0(big, 0.99))} at N = ${big} for γ = 0.99`);
    expect(answer).toContain(`at ℓ = 1 like ${formatNumber(a0(big, 1) * Math.sqrt(big))}/√N (a₀ = ${formatNumber(a0(1000, 1))} at N = 1000, ${formatNumber(a0(big, 1))} at N = ${big})`);
    const scales = SCALING_RATES.map((rate) => referencePlan(rates(`${rate}x${big}`), 1)[0] * Math.sqrt(rate * big));
    expect(answer).toContain(`a₀·√(ℓN) at N = ${big} is ${scales.map(formatNumber).join(', ')} for ℓ = ${SCALING_RATES.join(', ')}`);
    const stars = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1].flatMap((rate) => [0.9, 0.99, 0.999].map((discount) => stationaryEquilibria(rate, discount)[0]));
    expect(answer).toContain(`the smallest a* is ${formatNumber(Math.min(...stars))}`);
    expect(answer).toContain(`gives a₀ = ${formatNumber(endlessDeploymentFirst(0.99))} at γ = 0.99, against ${formatNumber(referencePlan(rates('1x20,0x80'), 0.99)[0])} with 80 deployment episodes`);
  });

  it('without discounting a₀ falls with N, and a₀·√N is flat within 2% from N = 1000 on', () => {
    const scaled = HORIZONS.filter((n) => n >= 1000).map((n) => a0(n, 1) * Math.sqrt(n));
    for (const s of scaled) expect(Math.abs(s / scaled.at(-1)! - 1)).toBeLessThan(0.02);
    for (let i = 1; i < HORIZONS.length; i++) expect(a0(HORIZONS[i], 1)).toBeLessThan(a0(HORIZONS[i - 1], 1));
  });
});
