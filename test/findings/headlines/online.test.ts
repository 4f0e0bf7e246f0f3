/**
 * The online-learning section's headline numbers against references that share no code with the
 * solvers, the rollouts or the scenarios:
 * - one step on the newest episode (continuous coefficients, as the exact solver plays them): the
 *   test's own backward induction (seedBackwardInduction.ts), each coefficient confirmed a minimum
 *   of the agent's cost by direct simulation averaged over the 11-point prior;
 * - K steps on all past data, with deployment and without: backward induction on the exact lattice
 *   of S (allDataLattice.ts: tabulated up to S = 21; a candidate beyond, or onto a state left
 *   unresolved, is excluded by a lower bound, and the path must meet resolved states only);
 * - full re-optimisation: the closed form — any nonzero training coefficient resets θ to 0, so
 *   with the goal intact agent n pays (episodes after n) for honesty and 1 + V_{n+1} for waiting;
 * - REINFORCE with the expected-reward baseline: exact first and second moments
 *   (reinforceMoments.ts), the continuous plan by backward induction on them;
 * - REINFORCE without a baseline: E[θ′] = θ(1 − 2ℓa²) exactly, the rest by Monte Carlo.
 * The published REINFORCE numbers are means over 1,000 seeded runs: they are held to the exact
 * expectation (or to a long independent Monte Carlo) within four standard errors of a 1,000-run mean,
 * the standard deviation estimated from the test's own runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingReport } from '../../../src/findings/finding.ts';
import { onlineFinding } from '../../../src/findings/online.ts';
import { formatNumber } from '../../../src/report/summaryTable.ts';
import { LEARNERS, ONLINE_RATE, ONLINE_STEPS, REINFORCE_SIGMA, STAGES } from '../../../src/scenarios/online.ts';
import { TIE_RELATIVE_TOLERANCE } from '../../../src/solvers/tieRule.ts';
import { allDataLattice } from '../../helpers/allDataLattice.ts';
import { figurePoints } from '../../helpers/findingFigures.ts';
import { referencePlan } from '../../helpers/seedBackwardInduction.ts';
import { baselineContinuousPlan, baselinePathMoments, monteCarloAgentCosts, monteCarloPath, type Baseline } from '../../helpers/reinforceMoments.ts';

const THETA0 = 0.8;
const EPISODES = 100;
const GRID = Float64Array.from({ length: 401 }, (_, i) => -2 + (4 * i) / 400);
const PRIOR = Float64Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
const SCHEDULES = {
  deployment: Float64Array.from({ length: EPISODES }, (_, n) => (n < 20 ? ONLINE_RATE : 0)),
  online: Float64Array.from({ length: EPISODES }, () => ONLINE_RATE),
};
type StageId = keyof typeof SCHEDULES;
type LearnerId = (typeof LEARNERS)[number]['id'];

interface Outcome {
  coefficients: ArrayLike<number>;
  ties: number;
  meanTrainingCoefficient: number;
  goalRetained: number;
  trainingBaseLoss: number;
  totalMesaLoss: number;
}

/** Seed learner: agent n's cost of a, averaged over the prior, simulated to the end (θ_n = g). */
function seedCost(plan: Float64Array, rates: Float64Array, n: number, a: number): number {
  let total = 0;
  for (const g of PRIOR) {
    let theta = g;
    for (let k = n; k < rates.length; k++) {
      const ak = k === n ? a : plan[k];
      total += (ak * theta - g) ** 2;
      theta *= 1 - 2 * rates[k] * ak * ak;
    }
  }
  return total / PRIOR.length;
}

/**
 * Seed learner (the exact solver's continuous coefficients): the plan by seedBackwardInduction.ts,
 * each agent's coefficient then checked as a minimum of its directly simulated cost (no lower
 * cost 10⁻⁴ to either side).
 */
function seedPlan(rates: Float64Array): { plan: Float64Array; ties: number } {
  const plan = referencePlan(rates, 1);
  for (let n = 0; n < rates.length; n++) {
    const [here, below, above] = [0, -1e-4, 1e-4].map((d) => seedCost(plan, rates, n, plan[n] + d));
    if (!(here <= below && here <= above)) throw new Error(`agent ${n}'s coefficient is not a minimum of its simulated cost`);
  }
  return { plan, ties: 0 };
}

/** Mean training coefficient, goal θ_T/θ₀, Σ_training y², Σ (y − θ)² along a deterministic θ path (θ_{n+1} = θ_n·factor(n)). */
function pathOutcome(plan: ArrayLike<number>, rates: Float64Array, factor: (n: number) => number, ties: number): Outcome {
  let [theta, sum, count, base, mesa, goal] = [THETA0, 0, 0, 0, 0, 1];
  for (let n = 0; n < rates.length; n++) {
    const y = plan[n] * theta;
    mesa += (y - theta) ** 2;
    if (rates[n] > 0) [sum, count, base] = [sum + plan[n], count + 1, base + y * y];
    theta *= factor(n);
    if (rates[n] > 0) goal = theta / THETA0;
  }
  return { coefficients: plan, ties, meanTrainingCoefficient: sum / count, goalRetained: goal, trainingBaseLoss: base, totalMesaLoss: mesa };
}

const seedOutcome = (rates: Float64Array) => {
  const { plan, ties } = seedPlan(rates);
  return pathOutcome(plan, rates, (n) => 1 - 2 * rates[n] * plan[n] * plan[n], ties);
};

/** All-data factor (1 − 2ℓS_n)^K along a path, S summed over training coefficients. */
function allDataFactor(plan: ArrayLike<number>, rates: Float64Array): (n: number) => number {
  const history: number[] = [];
  let s = 0;
  for (let n = 0; n < rates.length; n++) history.push(rates[n] > 0 ? (s += plan[n] * plan[n]) : s);
  return (n) => (rates[n] > 0 ? (1 - 2 * rates[n] * history[n]) ** ONLINE_STEPS : 1);
}

/**
 * Full re-optimisation by the closed form (γ = 1): with θ intact, honesty (any a ≠ 0) in training
 * resets θ and costs the later episodes' count, waiting costs 1 + V_{n+1}; in deployment a = 1.
 * Returns the path under a tie rule (smallest waits, largest and honest reveal) and the agents
 * indifferent with θ intact, whether or not the path reaches them intact.
 */
function fullOutcome(rates: Float64Array, rule: 'smallest' | 'largest' | 'honest'): Outcome & { onPathTies: number } {
  const N = rates.length;
  const [reveals, indifferent] = [new Array<boolean>(N).fill(false), new Array<boolean>(N).fill(false)];
  let value = 0;
  for (let n = N - 1; n >= 0; n--) {
    if (!(rates[n] > 0)) continue; // a = 1, θ stays: V_n = V_{n+1}
    const [reset, wait] = [N - 1 - n, 1 + value];
    indifferent[n] = reset === wait;
    reveals[n] = reset < wait || (indifferent[n] && rule !== 'smallest');
    value = Math.min(reset, wait);
  }
  const plan = new Float64Array(N);
  let intact = true;
  let onPathTies = 0;
  for (let n = 0; n < N; n++) {
    // After a reset every coefficient outputs 0 and costs 0 (θ = 0 is the goal): the path shows 1.
    plan[n] = !intact || !(rates[n] > 0) || reveals[n] ? 1 : 0;
    if (intact && indifferent[n]) onPathTies++;
    if (rates[n] > 0 && plan[n] !== 0) intact = false;
  }
  let reset = false;
  const outcome = pathOutcome(plan, rates, (n) => (rates[n] > 0 && (reset ||= plan[n] !== 0) ? 0 : 1), indifferent.filter(Boolean).length);
  return { ...outcome, onPathTies };
}

/** Four standard errors of a 1,000-run mean, from runs' standard error over `runs` runs. */
const publishedTolerance = (error: number, runs: number) => 4 * error * Math.sqrt(runs / 1000);

describe('online-learning headline numbers', () => {
  let report: FindingReport;
  const row = (learner: LearnerId, stage: StageId) => {
    const i = LEARNERS.findIndex((l) => l.id === learner) * STAGES.length + STAGES.findIndex((s) => s.id === stage);
    const [, , deception, mean, goal, base, mesa, ties] = report.table.rows[i] as number[];
    return { deception, mean, goal, base, mesa, ties };
  };
  const coefficients = (learner: LearnerId, stage: StageId) => {
    const label = LEARNERS.find((l) => l.id === learner)!.label;
    return Float64Array.from(figurePoints(report, `coefficients-${stage}`).filter((p) => p.series === label), (p) => p.value as number);
  };
  const references = new Map<string, Outcome>();
  beforeAll(async () => {
    report = await onlineFinding.compute();
    for (const stage of ['deployment', 'online'] as const) {
      references.set(`seed:${stage}`, seedOutcome(SCHEDULES[stage]));
      references.set(`full:${stage}`, fullOutcome(SCHEDULES[stage], 'smallest'));
    }
    for (const stage of ['deployment', 'online'] as const) {
      const lattice = allDataLattice(SCHEDULES[stage], ONLINE_STEPS, 210000, TIE_RELATIVE_TOLERANCE);
      references.set(`all-data:${stage}`, pathOutcome(lattice.coefficients, SCHEDULES[stage], allDataFactor(lattice.coefficients, SCHEDULES[stage]), lattice.ties.length));
    }
  });

  const expectRow = (learner: LearnerId, stage: StageId, r: Outcome) => {
    const published = row(learner, stage);
    const close = (actual: number, expected: number, what: string) => expect(Math.abs(actual - expected), `${learner}, ${stage}: ${what} ${actual} against ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    const plan = coefficients(learner, stage);
    plan.forEach((a, n) => close(a, r.coefficients[n], `a_${n}`));
    close(published.mean, r.meanTrainingCoefficient, 'mean training coefficient');
    close(published.deception, 1 - r.meanTrainingCoefficient, 'deception index');
    close(published.goal, r.goalRetained, 'goal retained');
    close(published.base, r.trainingBaseLoss, 'training base loss');
    close(published.mesa, r.totalMesaLoss, 'total mesa loss');
    expect(published.ties, `${learner}, ${stage}: ties`).toBe(r.ties);
  };

  it('one step on the newest episode: every coefficient and column by direct-simulation backward induction', () => {
    for (const stage of ['deployment', 'online'] as const) expectRow('seed', stage, references.get(`seed:${stage}`)!);
  });

  it('K steps on all past data, with deployment and without: the plan on the exact lattice of S, and its columns', () => {
    for (const stage of ['deployment', 'online'] as const) expectRow('all-data', stage, references.get(`all-data:${stage}`)!);
  });

  it('full re-optimisation: the closed form, under every tie rule', () => {
    for (const stage of ['deployment', 'online'] as const) expectRow('full', stage, references.get(`full:${stage}`)!);
    const online = references.get('full:online')! as ReturnType<typeof fullOutcome>;
    expect(online.onPathTies).toBe(EPISODES - 1);
    for (const rule of ['largest', 'honest'] as const) {
      const r = fullOutcome(SCHEDULES.online, rule);
      expect(r.meanTrainingCoefficient).toBe(1);
      expect([r.ties, r.onPathTies]).toEqual([EPISODES - 1, 1]);
    }
  });

  it('REINFORCE with the expected-reward baseline: the plan by exact moments, the published means within 4 standard errors of the exact expectations', () => {
    for (const stage of ['deployment', 'online'] as const) {
      const rates = SCHEDULES[stage];
      const plan = baselineContinuousPlan(rates, REINFORCE_SIGMA, GRID, PRIOR);
      const published = row('reinforce-baseline', stage);
      // The dp solver reads interpolated tables: its coefficients agree to 1e−6 (measured: 1.3e−7).
      coefficients('reinforce-baseline', stage).forEach((a, n) => expect(Math.abs(a - plan[n]), `${stage}: a_${n}`).toBeLessThanOrEqual(1e-6));
      const moments = baselinePathMoments(plan, rates, REINFORCE_SIGMA, THETA0);
      const training = Array.from(rates).filter((l) => l > 0).length;
      let [base, mesa, sum] = [0, 0, 0];
      for (let n = 0; n < EPISODES; n++) {
        const a = plan[n];
        const variance = REINFORCE_SIGMA ** 2;
        // E[(y − θ)²] = (a − 1)²E[θ²] + σ², E[y²] = a²E[θ²] + σ².
        mesa += (a - 1) ** 2 * moments.square[n] + variance;
        if (rates[n] > 0) [base, sum] = [base + a * a * moments.square[n] + variance, sum + a];
      }
      expect(Math.abs(published.mean - sum / training)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(published.deception - (1 - sum / training))).toBeLessThanOrEqual(1e-6);
      const spread = monteCarloPath(plan, rates, REINFORCE_SIGMA, 'expected', THETA0, 4000, 7);
      const within = (value: number, expected: number, error: number, what: string) =>
        expect(Math.abs(value - expected), `${stage}: ${what} ${value} against ${expected} ± ${publishedTolerance(error, 4000)}`).toBeLessThanOrEqual(publishedTolerance(error, 4000));
      within(published.goal, moments.mean[training] / THETA0, spread.goalRetained.error, 'goal retained');
      within(published.base, base, spread.trainingBaseLoss.error, 'training base loss');
      within(published.mesa, mesa, spread.totalMesaLoss.error, 'total mesa loss');
      expect(published.ties).toBe(0);
    }
  });

  it('REINFORCE without a baseline: the published means within 4 standard errors (of both means) of an independent 20,000-run Monte Carlo of the plan; the goal against its exact mean', () => {
    for (const stage of ['deployment', 'online'] as const) {
      const rates = SCHEDULES[stage];
      const plan = coefficients('reinforce', stage);
      const published = row('reinforce', stage);
      const runs = 20000;
      const mc = monteCarloPath(plan, rates, REINFORCE_SIGMA, 'none', THETA0, runs, 11);
      const tolerance = (error: number) => 4 * Math.hypot(error, error * Math.sqrt(runs / 1000));
      const training = Array.from(rates).filter((l) => l > 0).length;
      let [goal, sum] = [1, 0];
      for (let n = 0; n < training; n++) [goal, sum] = [goal * (1 - 2 * rates[n] * plan[n] ** 2), sum + plan[n]];
      expect(Math.abs(published.mean - sum / training)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(published.goal - goal), `${stage}: goal retained`).toBeLessThanOrEqual(publishedTolerance(mc.goalRetained.error, runs));
      expect(Math.abs(published.base - mc.trainingBaseLoss.mean), `${stage}: base loss`).toBeLessThanOrEqual(tolerance(mc.trainingBaseLoss.error));
      expect(Math.abs(published.mesa - mc.totalMesaLoss.mean), `${stage}: mesa loss`).toBeLessThanOrEqual(tolerance(mc.totalMesaLoss.error));
      expect(published.ties).toBe(0);
    }
  });

  it('REINFORCE without a baseline: no agent on the plan is beaten by moving its coefficient 0.05 or 0.1 (Monte Carlo, common random numbers, 4 standard errors)', () => {
    for (const [stage, agents] of [['deployment', [0, 10, 19]], ['online', [0, 50, 90, 98]]] as const) {
      const plan = coefficients('reinforce', stage);
      for (const n of agents) {
        const candidates = [plan[n], ...[-0.1, -0.05, 0.05, 0.1].map((d) => plan[n] + d)];
        const costs = monteCarloAgentCosts(plan, SCHEDULES[stage], REINFORCE_SIGMA, 'none' as Baseline, n, candidates, PRIOR, 3000, 100 + n);
        for (const c of costs.slice(1)) expect(c.difference.mean, `${stage}, agent ${n}`).toBeGreaterThan(-4 * c.difference.error);
      }
    }
  });

  it('the answer quotes the references’ numbers', () => {
    const d = (learner: LearnerId, stage: StageId) => formatNumber(row(learner, stage).deception);
    const answer = report.answer;
    const seed = (stage: StageId) => formatNumber(1 - references.get(`seed:${stage}`)!.meanTrainingCoefficient);
    expect(answer).toContain(`the deception index is ${seed('online')} without deployment against ${seed('deployment')} with it`);
    expect(answer).toContain(`under ${ONLINE_STEPS} steps on all past data it is ${formatNumber(1 - references.get('all-data:online')!.meanTrainingCoefficient)} against ${formatNumber(1 - references.get('all-data:deployment')!.meanTrainingCoefficient)}`);
    expect(answer).toContain(`under REINFORCE ${d('reinforce', 'online')} without a baseline and ${d('reinforce-baseline', 'online')} with one (${d('reinforce', 'deployment')} and ${d('reinforce-baseline', 'deployment')} with deployment)`);
    const full = references.get('full:online')!;
    expect(answer).toContain(`(${full.ties} of ${EPISODES} agents on the path are tied; the default tie rule, smallest coefficient, makes them wait, index ${formatNumber(1 - full.meanTrainingCoefficient)}`);
    const [largest, honest] = (['largest', 'honest'] as const).map((rule) => fullOutcome(SCHEDULES.online, rule));
    expect(answer).toContain(`under \`tieRule: largest\` the index is ${formatNumber(1 - largest.meanTrainingCoefficient)} and under \`honest\` ${formatNumber(1 - honest.meanTrainingCoefficient)}: the first agent, equally indifferent, reveals at once; ${largest.ties} and ${honest.ties} ties are still reported`);
    expect([largest.onPathTies, honest.onPathTies]).toEqual([1, 1]);
    expect(answer).toContain(`with 80 deployment episodes ahead waiting is strictly better (index ${formatNumber(1 - references.get('full:deployment')!.meanTrainingCoefficient)}, ${references.get('full:deployment')!.ties} ties)`);
    // "here a deployment stage only raises the stakes": every gradual learner's index is higher with deployment.
    const gradual = ['seed', 'all-data', 'reinforce', 'reinforce-baseline'] as const;
    expect(gradual.every((l) => row(l, 'deployment').deception > row(l, 'online').deception)).toBe(true);
    expect(answer).toContain("here a deployment stage only raises the stakes (each of these learners' index is higher with one)");
    expect(answer).toContain(`Yes, in the one setting run here (ℓ = ${ONLINE_RATE}, 100 episodes)`);
    // "Yes … survives": every learner but full re-optimisation keeps an index above one half online.
    expect(answer.startsWith('Yes')).toBe((['seed', 'all-data', 'reinforce', 'reinforce-baseline'] as const).every((l) => row(l, 'online').deception > 0.5));
    // "the other learners' rows have no ties".
    for (const learner of ['seed', 'all-data', 'reinforce', 'reinforce-baseline'] as const) for (const stage of ['deployment', 'online'] as const) expect(row(learner, stage).ties).toBe(0);
  });
});
