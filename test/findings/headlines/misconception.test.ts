/**
 * The misconception section's headline numbers from an independent reference: backward induction
 * in which every agent minimises its prior-averaged cost over its action (k_θ, k_β) by a scan of
 * [−2, 2]² and Newton's method, each cost a forward simulation of its believed dynamics — with
 * none of the LQ solver's quadratic forms, Riccati recursions or objective parsing.
 *
 * Two simulations of the same cost. `directCost` plays the whole future from every one of the 25
 * prior points. `momentCost` simulates the future once per agent from the three unit states
 * (θ′, β′, b) — the future's outputs are linear in them — and averages over the prior by its
 * second moments (E[θ²] = E[β²] = 0.5, E[θβ] = 0); the first test shows the two agree, the second
 * that brute force with the direct cost gives the LQ plan on short schedules, and the rest
 * rebuild every run with the moment cost — its changes, first move and verdicts computed here —
 * and compare every cell of the published table and of the sweep maps, the answer's counts
 * and the answer itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { misconceptionAnswer, misconceptionFinding } from '../../../src/findings/misconception.ts';
import { EQUAL, INITIAL_BELIEFS, misconceptionSchedules, misconceptionSettings, NO_MOVE, SWEEP, THETA0, type AgentRun, type Comparison, type MisconceptionRun, type MisconceptionSchedule, type Parameter } from '../../../src/findings/misconceptionRuns.ts';
import { runScenario } from '../../../src/findings/runScenario.ts';
import { misconceptionScenario } from '../../../src/scenarios/findingScenarios.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

type Belief = 'misconceived' | 'informed';
type Action = [number, number];

const PRIOR = [-1, -0.5, 0, 0.5, 1];

/** "1x20,0x80" → twenty 1s then eighty 0s. */
const rates = (spec: string) => spec.split(',').flatMap((part) => Array.from({ length: Number(part.split('x')[1]) }, () => Number(part.split('x')[0])));

/** The believed residual of the base loss: (y − b)² for the misconceived agent, y² for the informed one. */
const residual = (belief: Belief, y: number, b: number) => (belief === 'misconceived' ? y - b : y);

/** Agent n's cost, averaged over the 25 prior points, each simulated to the end under its belief. */
function directCost(ell: number[], plan: Action[], n: number, belief: Belief): number {
  let total = 0;
  for (const theta0 of PRIOR) {
    for (const beta0 of PRIOR) {
      let [theta, beta] = [theta0, beta0];
      for (let k = n; k < ell.length; k++) {
        const [p, q] = plan[k];
        const y = p * theta + q * beta;
        total += (y - theta0) ** 2;
        const r = residual(belief, y, beta0);
        [theta, beta] = [theta - 2 * ell[k] * r * p, beta - 2 * ell[k] * r * q];
      }
    }
  }
  return total / PRIOR.length ** 2;
}

/**
 * Agent n's cost as a function of its own action, the later plan fixed: the outputs after its step
 * are c_k·(θ′, β′, b), found by simulating the unit states, so with z = (θ′, β′, b, g) the future
 * costs Σ_k (c_k·(θ′, β′, b) − g)² = zᵀMz, M = Σ_k (c_k, −1)(c_k, −1)ᵀ.
 */
function momentCost(ell: number[], plan: Action[], n: number, belief: Belief): (action: Action) => number {
  const units = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ].map(([theta0, beta0, b]) => {
    let [theta, beta] = [theta0, beta0];
    const outputs: number[] = [];
    for (let k = n + 1; k < ell.length; k++) {
      const [p, q] = plan[k];
      const y = p * theta + q * beta;
      outputs.push(y);
      const r = residual(belief, y, b);
      [theta, beta] = [theta - 2 * ell[k] * r * p, beta - 2 * ell[k] * r * q];
    }
    return outputs;
  });
  const M = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let k = 0; k < units[0].length; k++) {
    const c = [units[0][k], units[1][k], units[2][k], -1];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) M[i][j] += c[i] * c[j];
  }
  const fromPoint = ([p, q]: Action, theta: number, beta: number) => {
    const y = p * theta + q * beta;
    const r = residual(belief, y, beta);
    const z = [theta - 2 * ell[n] * r * p, beta - 2 * ell[n] * r * q, beta, theta];
    let cost = (y - theta) ** 2;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) cost += z[i] * M[i][j] * z[j];
    return cost;
  };
  // The cost is a quadratic form in (θ_n, β_n); over the prior only E[θ²] = E[β²] = 0.5 and E[θβ] = 0 remain.
  return (action) => 0.5 * fromPoint(action, 1, 0) + 0.5 * fromPoint(action, 0, 1);
}

/**
 * The minimiser of a quartic polynomial on the plane: Newton's method from every local minimum of
 * a 0.1 scan of [−2, 2]² (an agent's cost can have two minima within 1e−6 of each other), the
 * lowest result kept. The five-point difference is exact for quartics along each axis, so the
 * gradient carries only rounding and Newton stops at the minimiser itself.
 */
function argmin2(cost: (a: Action) => number): Action {
  const grid = Array.from({ length: 41 }, (_, i) => Array.from({ length: 41 }, (_, j) => cost([(i - 20) / 10, (j - 20) / 10])));
  const starts: Action[] = [];
  for (let i = 0; i < 41; i++) {
    for (let j = 0; j < 41; j++) {
      const neighbours = [-1, 0, 1].flatMap((di) => [-1, 0, 1].map((dj) => grid[i + di]?.[j + dj])).filter((c) => c !== undefined);
      if (neighbours.every((c) => grid[i][j] <= c)) starts.push([(i - 20) / 10, (j - 20) / 10]);
    }
  }
  const minima = starts.map((start) => newton(cost, start));
  return minima.reduce((best, x) => (cost(x) < cost(best) ? x : best));
}

function newton(cost: (a: Action) => number, start: Action): Action {
  const along = ([p, q]: Action, axis: number, t: number): Action => (axis === 0 ? [p + t, q] : [p, q + t]);
  const slope = (x: Action, axis: number, h = 0.01) => (cost(along(x, axis, -2 * h)) - 8 * cost(along(x, axis, -h)) + 8 * cost(along(x, axis, h)) - cost(along(x, axis, 2 * h))) / (12 * h);
  let x = start;
  for (let iteration = 0; iteration < 100; iteration++) {
    const g = [slope(x, 0), slope(x, 1)];
    const h = 1e-3;
    const H = [0, 1].map((i) => [0, 1].map((j) => (slope(along(x, j, h), i) - slope(along(x, j, -h), i)) / (2 * h)));
    const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
    let step: Action = det > 0 && H[0][0] > 0 ? [-(H[1][1] * g[0] - H[0][1] * g[1]) / det, -(H[0][0] * g[1] - H[1][0] * g[0]) / det] : [-g[0] * 1e-2, -g[1] * 1e-2];
    // Backtrack while the step raises the cost by more than rounding; near the minimum the costs agree to rounding and the exact gradient steers.
    const tolerance = 1e-12 * Math.abs(cost(x));
    while (cost([x[0] + step[0], x[1] + step[1]]) > cost(x) + tolerance && Math.hypot(...step) > 1e-16) step = [step[0] / 2, step[1] / 2];
    x = [x[0] + step[0], x[1] + step[1]];
    if (Math.hypot(...step) < 1e-14) break;
  }
  return x;
}

/** Backward induction: the last agent first, each minimising its cost given the later plan. */
function bruteForcePlan(ell: number[], belief: Belief, costOf: (plan: Action[], n: number) => (a: Action) => number): Action[] {
  const plan: Action[] = ell.map(() => [0, 0]);
  for (let n = ell.length - 1; n >= 0; n--) plan[n] = argmin2(costOf(plan, n));
  return plan;
}

const directPlan = (ell: number[], belief: Belief) =>
  bruteForcePlan(ell, belief, (plan, n) => (a) => {
    const trial = plan.map((x, k): Action => (k === n ? a : x));
    return directCost(ell, trial, n, belief);
  });
const momentPlan = (ell: number[], belief: Belief) => bruteForcePlan(ell, belief, (plan, n) => momentCost(ell, plan, n, belief));

/** The true dynamics (base loss y²) from θ₀ = 0.8 and β₀ under a plan. */
function agentRun(ell: number[], plan: Action[], beta0: number): AgentRun {
  const theta = new Float64Array(ell.length + 1);
  const beta = new Float64Array(ell.length + 1);
  [theta[0], beta[0]] = [THETA0, beta0];
  for (let n = 0; n < ell.length; n++) {
    const [p, q] = plan[n];
    const y = p * theta[n] + q * beta[n];
    theta[n + 1] = theta[n] - 2 * ell[n] * y * p;
    beta[n + 1] = beta[n] - 2 * ell[n] * y * q;
  }
  const trainingEpisodes = ell.filter((l) => l > 0).length;
  return {
    firstAction: { kTheta: plan[0][0], kBeta: plan[0][1] },
    goalRetained: theta[trainingEpisodes] / THETA0,
    theta,
    beta,
    kTheta: Float64Array.from(plan, (a) => a[0]),
    kBeta: Float64Array.from(plan, (a) => a[1]),
    trainingEpisodes,
  };
}

/** The larger of two sizes of change; within a relative EQUAL of each other they are equal (min ≥ (1 − EQUAL)·max). */
function moreOf(goal: number, belief: number): Parameter {
  if (Math.min(goal, belief) >= (1 - EQUAL) * Math.max(goal, belief)) return 'equal';
  return goal > belief ? 'goal' : 'belief';
}

/** Who has moved more from episode 0 to n, by |Δx/x₀| and by |Δx|. */
function whoMovedMore(run: AgentRun, n: number): Comparison {
  const dTheta = Math.abs(run.theta[n] - run.theta[0]);
  const dBeta = Math.abs(run.beta[n] - run.beta[0]);
  return { relative: moreOf(dTheta / Math.abs(run.theta[0]), dBeta / Math.abs(run.beta[0])), absolute: moreOf(dTheta, dBeta) };
}

/** A run with its changes and comparisons computed here, from the misconceived agent's trajectory. */
function referenceRun(schedule: MisconceptionSchedule, beta0: number, misconceived: AgentRun, informed: AgentRun): MisconceptionRun {
  const T = misconceived.trainingEpisodes;
  const hasMoved = (n: number) => Math.max(Math.abs(misconceived.theta[n] - THETA0), Math.abs(misconceived.beta[n] - beta0)) > NO_MOVE;
  const episodes = Array.from({ length: T }, (_, i) => i + 1);
  const firstMoveEpisode = episodes.find(hasMoved) ?? null;
  return {
    schedule,
    beta0,
    misconceived,
    informed,
    thetaChange: misconceived.theta[T] - THETA0,
    betaChange: misconceived.beta[T] - beta0,
    firstMoveEpisode,
    first: firstMoveEpisode === null ? null : whoMovedMore(misconceived, firstMoveEpisode),
    end: hasMoved(T) ? whoMovedMore(misconceived, T) : null,
  };
}

/** Every run of the finding, each agent's plan by brute force with the moment cost. */
function referenceRuns(): MisconceptionRun[] {
  return misconceptionSchedules().flatMap((schedule) => {
    const ell = rates(schedule.spec);
    const [misconceived, informed] = (['misconceived', 'informed'] as const).map((belief) => momentPlan(ell, belief));
    return INITIAL_BELIEFS.map((beta0) => referenceRun(schedule, beta0, agentRun(ell, misconceived, beta0), agentRun(ell, informed, beta0)));
  });
}

/** The integer groups of the first match of `pattern` in `text`. */
function counts(text: string, pattern: RegExp): number[] {
  const match = pattern.exec(text);
  if (match === null) throw new Error(`the answer has no ${pattern}`);
  return match.slice(1).map(Number);
}

/** How many runs the two measures agree put `p` ahead, and on how many they disagree. */
function tally(runs: readonly MisconceptionRun[], at: (r: MisconceptionRun) => Comparison | null) {
  const agree = (p: Parameter) => runs.filter((r) => at(r)?.relative === p && at(r)?.absolute === p).length;
  return { goal: agree('goal'), belief: agree('belief'), disagree: runs.filter((r) => at(r) !== null && at(r)!.relative !== at(r)!.absolute).length };
}

describe('the misconception headlines against brute-force backward induction', () => {
  it('the moment cost equals the 25-point prior average of the direct simulation', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (const belief of ['misconceived', 'informed'] as const) {
      for (let trial = 0; trial < 20; trial++) {
        const ell = Array.from({ length: 6 }, () => Math.abs(random()));
        const plan = ell.map((): Action => [random(), random()]);
        const n = trial % ell.length;
        const direct = directCost(ell, plan, n, belief);
        expect(Math.abs(momentCost(ell, plan, n, belief)(plan[n]) - direct)).toBeLessThan(1e-12 * Math.max(1, direct));
      }
    }
  });

  for (const spec of ['0.3x6', '1x3,0x3', '0.1x4,0x2']) {
    it(`on ${spec}, brute force with the direct cost gives the LQ solver's plan, misconceived and informed`, () => {
      const ell = rates(spec);
      for (const belief of ['misconceived', 'informed'] as const) {
        const lq = runScenario(misconceptionScenario, misconceptionSettings(spec, 0.5, belief === 'informed')).trajectory.actions;
        const plan = directPlan(ell, belief);
        assertInDelta(Float64Array.from(plan, (a) => a[0]), lq.k_theta, 1e-9);
        assertInDelta(Float64Array.from(plan, (a) => a[1]), lq.k_beta, 1e-9);
        assertInDelta(Float64Array.from(momentPlan(ell, belief).flat()), Float64Array.from(plan.flat()), 1e-9);
      }
    });
  }

  describe('every run rebuilt by brute force', () => {
    let runs: MisconceptionRun[] = [];
    beforeAll(() => {
      runs = referenceRuns();
    }, 120_000);

    it('gives every cell of the published table: numbers to 1e−7, episodes and verdicts exactly', async () => {
      const report = await misconceptionFinding.compute();
      expect(report.table.rows).toHaveLength(runs.length);
      const word = (c: Comparison | null, measure: keyof Comparison) => c?.[measure] ?? 'neither moves';
      runs.forEach((r, i) => {
        const row = report.table.rows[i];
        const { misconceived: m, informed: n } = r;
        const numbers = [m.firstAction.kTheta, m.firstAction.kBeta, n.firstAction.kTheta, n.firstAction.kBeta, m.goalRetained, n.goalRetained, r.thetaChange, r.betaChange, r.thetaChange / THETA0, r.betaChange / r.beta0];
        expect(row.slice(0, 2)).toEqual([r.schedule.label, r.beta0]);
        assertInDelta(Float64Array.from(row.slice(2, 12) as number[]), Float64Array.from(numbers), 1e-7);
        expect(row.slice(12)).toEqual([r.firstMoveEpisode, word(r.first, 'relative'), word(r.first, 'absolute'), word(r.end, 'relative'), word(r.end, 'absolute')]);
      });
    });

    it("gives the answer's counts: schedules where the misconceived agent starts lower, runs where it keeps more, who leads by both measures", async () => {
      const { answer } = await misconceptionFinding.compute();
      const schedules = [...new Map(runs.map((r) => [r.schedule.spec, r])).values()];
      const startsLower = schedules.filter((r) => r.misconceived.firstAction.kTheta < r.informed.firstAction.kTheta).length;
      const keepsMore = runs.filter((r) => Math.abs(r.misconceived.goalRetained) > Math.abs(r.informed.goalRetained)).length;
      expect(counts(answer, /below the informed agent's on (\d+) of (\d+) schedules and it keeps more of its goal \(larger \|θ_T\/θ₀\|\) on (\d+) of (\d+) runs/)).toEqual([startsLower, schedules.length, keepsMore, runs.length]);
      const leads = (head: string) => new RegExp(`${head} the goal has moved more by both measures on (\\d+)[^,;]* of the (\\d+) runs, the belief on (\\d+)[^;]*; the measures disagree on (\\d+)`);
      for (const [head, at] of [
        ['at the first episode in which either moves,', (r: MisconceptionRun) => r.first],
        ['By the end of training', (r: MisconceptionRun) => r.end],
      ] as const) {
        const t = tally(runs, at);
        expect(counts(answer, leads(head))).toEqual([t.goal, runs.length, t.belief, t.disagree]);
      }
      const seed2 = runs.find((r) => r.schedule.spec === '1x100' && r.beta0 === 0.5)!;
      expect(counts(answer, /neither parameter moves before episode (\d+) of (\d+)/)).toEqual([seed2.firstMoveEpisode, seed2.misconceived.trainingEpisodes]);
    });

    it('gives every cell of the four sweep maps: log₁₀ of the belief’s change over the goal’s, at the first move and the end, relative and absolute', async () => {
      const report = await misconceptionFinding.compute();
      const beta0 = INITIAL_BELIEFS[0];
      for (const moment of ['first', 'end'] as const) {
        for (const measure of ['relative', 'absolute'] as const) {
          const figure = report.figures.find((f) => f.id === `${moment}-${measure}`)!;
          const cells = (figure.spec as { data: { values: { x: number; y: number; value: number | null }[] } }).data.values;
          expect(cells).toHaveLength(SWEEP.rates.length * SWEEP.trainings.length);
          for (const { x: training, y: rate, value } of cells) {
            const r = runs.find((run) => run.schedule.spec === `${rate}x${training}` && run.beta0 === beta0)!;
            const n = moment === 'first' ? r.firstMoveEpisode! : r.misconceived.trainingEpisodes;
            const { theta, beta } = r.misconceived;
            const [dTheta, dBeta] = [Math.abs(theta[n] - THETA0), Math.abs(beta[n] - beta0)];
            const expected = measure === 'relative' ? Math.log10(dBeta / Math.abs(beta0)) - Math.log10(dTheta / THETA0) : Math.log10(dBeta) - Math.log10(dTheta);
            assertInDelta(value!, expected, 1e-6);
          }
        }
      }
    });

    it('gives the published answer word for word', async () => {
      const report = await misconceptionFinding.compute();
      expect(misconceptionAnswer(runs)).toBe(report.answer);
    });
  });
});
