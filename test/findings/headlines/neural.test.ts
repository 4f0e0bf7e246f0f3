/**
 * The neural-policy section's headline numbers from references written here, sharing no code with
 * the solvers or with the finding's own evaluation:
 * - the networks: the test's own forward pass of the 2×16 tanh MLP (the weight layout read from
 *   src/model/policies/mlp.ts: per layer the weights row-major by output unit, then the biases;
 *   the linear output layer last), with f′ carried along;
 * - the costs: agent n's prior-averaged cost by forward simulation from each of the 11 prior goals,
 *   y_k = f_k(θ_k), θ_{k+1} = θ_k − ℓ_k·∂(y_k²)/∂θ = θ_k − 2ℓ_k·f_k(θ_k)·f_k′(θ_k) (DESIGN §3.4);
 * - the path: the same step from θ₀ = 0.8;
 * - the linear class: backward induction in which each agent's cost is simulated with its
 *   derivative in the agent's coefficient (forward mode), scanned on the 401-point grid and refined
 *   by bisection on the derivative to the exact (off-grid) best reply — none of the exact solver's
 *   moments or cubic.
 * The networks themselves are the solver's output; the test checks they are local best replies
 * (one-sided cost changes under perturbations) and recomputes from them every number the page shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingReport } from '../../../src/findings/finding.ts';
import { hackEpisodes, neuralAnswer, neuralReport } from '../../../src/findings/neural.ts';
import { compareNeural, NEURAL_SCHEDULES, type NeuralComparison } from '../../../src/findings/neuralRuns.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { figurePoints } from '../../helpers/findingFigures.ts';

const PRIOR = Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
const HIDDEN = [16, 16];
const THETA0 = 0.8;
/** Weights of the 1-input, 1-output MLP: inputs·width + width per layer, the linear output layer last. */
const WEIGHTS = [...HIDDEN, 1].reduce(({ count, inputs }, width) => ({ count: count + inputs * width + width, inputs: width }), { count: 0, inputs: 1 }).count;

/** "1x20,0x80" → twenty 1s then eighty 0s. */
const rates = (spec: string) => Float64Array.from(spec.split(',').flatMap((part) => Array.from({ length: Number(part.split('x')[1]) }, () => Number(part.split('x')[0]))));

/** f(x) and f′(x) of the network whose weights start at `offset` in `w`. */
function forward(w: ArrayLike<number>, offset: number, x: number): { y: number; slope: number } {
  let units = [x];
  let slopes = [1];
  let at = offset;
  for (const width of HIDDEN) {
    const next: number[] = [];
    const nextSlopes: number[] = [];
    const biases = at + width * units.length;
    for (let j = 0; j < width; j++) {
      let [z, dz] = [w[biases + j], 0];
      units.forEach((u, i) => {
        z += w[at + j * units.length + i] * u;
        dz += w[at + j * units.length + i] * slopes[i];
      });
      const t = Math.tanh(z);
      next.push(t);
      nextSlopes.push((1 - t * t) * dz);
    }
    [units, slopes, at] = [next, nextSlopes, biases + width];
  }
  let [y, slope] = [w[at + units.length], 0];
  units.forEach((u, i) => {
    y += w[at + i] * u;
    slope += w[at + i] * slopes[i];
  });
  return { y, slope };
}

/** A schedule's networks: `play(k)` is the offset of the weights played in episode k. */
interface Networks {
  readonly weights: ArrayLike<number>;
  readonly rates: Float64Array;
  readonly play: (k: number) => number;
}

const own = (weights: ArrayLike<number>, schedule: Float64Array): Networks => ({ weights, rates: schedule, play: (k) => k * WEIGHTS });
const at = (nets: Networks, k: number, theta: number) => forward(nets.weights, nets.play(k), theta);

/** Agent n's prior-averaged cost Σ_{k≥n} (y_k − θ_n)², each prior goal simulated to the end. */
function agentCost(nets: Networks, n: number): number {
  let total = 0;
  for (const goal of PRIOR) {
    let theta = goal;
    for (let k = n; k < nets.rates.length; k++) {
      const { y, slope } = at(nets, k, theta);
      total += (y - goal) ** 2;
      theta -= 2 * nets.rates[k] * y * slope;
    }
  }
  return total / PRIOR.length;
}

/** θ_n along the networks' own trajectory from θ₀ = 0.8. */
function path(nets: Networks): Float64Array {
  const theta = new Float64Array(nets.rates.length + 1);
  theta[0] = THETA0;
  for (let k = 0; k < nets.rates.length; k++) {
    const { y, slope } = at(nets, k, theta[k]);
    theta[k + 1] = theta[k] - 2 * nets.rates[k] * y * slope;
  }
  return theta;
}

/** Agent n's linear cost per unit θ_n² for coefficient a and its derivative, by simulation with dθ/da carried along. */
function linearReply(schedule: Float64Array, plan: Float64Array, n: number, a: number): { cost: number; slope: number } {
  let [cost, slope] = [(a - 1) ** 2, 2 * (a - 1)];
  let [theta, dtheta] = [1 - 2 * schedule[n] * a * a, -4 * schedule[n] * a];
  for (let k = n + 1; k < schedule.length; k++) {
    const y = plan[k] * theta;
    cost += (y - 1) ** 2;
    slope += 2 * (y - 1) * plan[k] * dtheta;
    const factor = 1 - 2 * schedule[k] * plan[k] ** 2;
    [theta, dtheta] = [theta * factor, dtheta * factor];
  }
  return { cost, slope };
}

/** The linear plan by backward induction: each agent's least-cost stationary point in [−2, 2], bracketed on the 401-point grid and bisected. */
function linearPlan(schedule: Float64Array): Float64Array {
  const plan = new Float64Array(schedule.length);
  const grid = Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
  for (let n = schedule.length - 1; n >= 0; n--) {
    const reply = (a: number) => linearReply(schedule, plan, n, a);
    let best = { a: NaN, cost: Infinity };
    for (let i = 0; i + 1 < grid.length; i++) {
      let [lo, hi] = [grid[i], grid[i + 1]];
      if (!(reply(lo).slope < 0 && reply(hi).slope >= 0)) continue;
      for (let step = 0; step < 200 && hi - lo > 0; step++) {
        const mid = lo + (hi - lo) / 2;
        if (mid === lo || mid === hi) break;
        if (reply(mid).slope < 0) lo = mid;
        else hi = mid;
      }
      const cost = reply(hi).cost;
      if (cost < best.cost) best = { a: hi, cost };
    }
    plan[n] = best.a;
  }
  return plan;
}

/** Agent n's prior-averaged linear cost: θ-homogeneous, so its cost per unit θ_n² times the prior's mean θ². */
function linearAgentCost(schedule: Float64Array, plan: Float64Array, n = 0): number {
  const meanSquare = PRIOR.reduce((s, theta) => s + theta * theta, 0) / PRIOR.length;
  return meanSquare * linearReply(schedule, plan, n, plan[n]).cost;
}

/** Everything the page reports for one schedule, rebuilt from the networks' weights. */
function reference(run: NeuralComparison): NeuralComparison {
  const schedule = rates(run.schedule);
  const training = schedule.filter((l) => l > 0).length;
  const nets = own(run.weights, schedule);
  const network = (n: number, theta: number) => at(nets, n, theta);
  const linear = linearPlan(schedule);
  const episodes = Array.from({ length: training }, (_, n) => n);
  const mean = (value: (theta: number) => number) => PRIOR.reduce((s, theta) => s + value(theta), 0) / PRIOR.length;
  const silent = episodes.findIndex((n) => PRIOR.some((theta) => Math.abs(network(n, theta).y) >= 1e-6));
  const deviations = Array.from({ length: schedule.length - 1 }, (_, i) => ({ episode: i + 1, cost: agentCost({ ...nets, play: (k) => (k === 0 ? i + 1 : k) * WEIGHTS }, 0) }));
  const pathTheta = path(nets).slice(0, training);
  return {
    schedule: run.schedule,
    rates: schedule,
    training,
    weights: run.weights,
    weightCount: WEIGHTS,
    neuralCost: agentCost(nets, 0),
    linearCost: linearAgentCost(schedule, linear),
    linearFirst: linear[0],
    cheaperAgents: episodes.filter((n) => agentCost(nets, n) < linearAgentCost(schedule, linear, n)).length,
    silentEpisodes: silent < 0 ? training : silent,
    deviation: deviations.reduce((best, d) => (d.cost < best.cost ? d : best)),
    network,
    linearCoefficients: linear,
    distance: Float64Array.from(episodes, (n) => mean((theta) => Math.abs(network(n, theta).y - theta))),
    slope: Float64Array.from(episodes, (n) => mean((theta) => Math.abs(network(n, theta).slope))),
    pathTheta,
    pathOutput: pathTheta.map((theta, n) => network(n, theta).y),
    pathSlope: pathTheta.map((theta, n) => network(n, theta).slope),
  };
}

/** Seeded unit directions in weight space (a linear congruential generator: the test's own). */
function directions(count: number, seed: number): Float64Array[] {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  return Array.from({ length: count }, () => {
    const u = Float64Array.from({ length: WEIGHTS }, next);
    const norm = Math.hypot(...u);
    return u.map((x) => x / norm);
  });
}

/**
 * The largest decrease of agent n's cost found by moving its own weights (the later networks fixed)
 * by ±ε along `count` seeded random directions and along its output layer (the network scaled), ε from
 * 1e−8 to 1e−2. One-sided changes, not central differences: the costs are valleys of curvature up
 * to ~1e9 (later networks are steps), where a central difference reads a slope of order 1 at a
 * point that every step away from raises.
 */
function largestDecrease(run: NeuralComparison, n: number, count = 24): number {
  const weights = Float64Array.from(run.weights);
  const nets = own(weights, rates(run.schedule));
  const base = agentCost(nets, n);
  const mine = weights.slice(n * WEIGHTS, (n + 1) * WEIGHTS);
  const outputLayer = mine.map((w, i) => (i >= WEIGHTS - HIDDEN[HIDDEN.length - 1] - 1 ? w : 0));
  const scale = Math.hypot(...outputLayer) || 1;
  let largest = 0;
  for (const u of [...directions(count, n + 1), outputLayer.map((w) => w / scale)]) {
    for (const epsilon of [1e-8, 1e-6, 1e-4, 1e-2, -1e-8, -1e-6, -1e-4, -1e-2]) {
      weights.set(mine.map((w, i) => w + epsilon * u[i]), n * WEIGHTS);
      largest = Math.max(largest, base - agentCost(nets, n));
    }
  }
  return largest;
}

/** Episodes that gradient-hack by the answer's criterion (output over half the goal, slope under a tenth of the output ratio), on the reference's path. */
const hacking = (r: NeuralComparison) =>
  Array.from({ length: r.training }, (_, n) => n).filter((n) => {
    const ratio = r.pathOutput[n] / r.pathTheta[n];
    return ratio > 0.5 && Math.abs(r.pathSlope[n]) < 0.1 * ratio;
  });

const relativeClose = (actual: unknown, expected: number, tolerance: number, what: string) => {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${String(actual)} against ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-300) + 1e-15);
};

describe('the neural-policy headlines against the test’s own networks, simulations and linear equilibrium', () => {
  let runs: NeuralComparison[];
  let references: NeuralComparison[];
  let report: FindingReport;
  beforeAll(() => {
    // The two neural solves (the slow part) are run once and shared; the page's report is built from them as compute() builds it.
    runs = NEURAL_SCHEDULES.map((schedule) => compareNeural(schedule));
    references = runs.map(reference);
    report = neuralReport(runs);
  }, 240_000);

  it('compares on seed-1’s and seed-2’s schedules with 2×16 networks of 321 weights laid out as the test reads them', () => {
    expect(NEURAL_SCHEDULES).toEqual(['1x20,0x80', '1x100']);
    expect(WEIGHTS).toBe(321);
    runs.forEach((run, i) => {
      expect(run.weightCount).toBe(WEIGHTS);
      expect(run.weights).toHaveLength(references[i].rates.length * WEIGHTS);
      expect(Array.from(run.rates)).toEqual(Array.from(references[i].rates));
      expect(run.training).toBe(references[i].training);
      // The finding's network is the test's forward pass on the same weights.
      for (const n of [0, run.training - 1])
        for (const theta of [-0.95, 0, 0.3, 0.8]) {
          assertInDelta(run.network(n, theta).y, references[i].network(n, theta).y, 1e-13);
          assertInDelta(run.network(n, theta).slope, references[i].network(n, theta).slope, 1e-12);
        }
    });
  });

  it('the linear equilibrium is the test’s own backward induction: every coefficient to 1e−10, agent 0’s cost to 1e−12', () => {
    runs.forEach((run, i) => {
      assertInDelta(run.linearCoefficients, references[i].linearCoefficients, 1e-10);
      relativeClose(run.linearFirst, references[i].linearFirst, 1e-9, `${run.schedule} a₀`);
      relativeClose(run.linearCost, references[i].linearCost, 1e-12, `${run.schedule} linear cost`);
    });
    // DESIGN §1 with the exact minimiser: seed-1's a₀ ≈ 0.0312, seed-2's ≈ 0.0496.
    assertInDelta(references[0].linearFirst, 0.0312, 1e-4);
    assertInDelta(references[1].linearFirst, 0.0496, 1e-4);
  });

  it('agent 0’s neural cost is the test’s simulation of the reported networks (to 1e−6: rounding splits the chaotic path from θ = 0)', () => {
    // Measured: the same networks simulated with mlpForward's and this file's summation orders
    // agree to 1e−11 on seed-1 and 3.6e−7 (relative) on seed-2, where the path from the goal 0
    // leaves 0 and later steep networks amplify the last bit.
    runs.forEach((run, i) => relativeClose(run.neuralCost, references[i].neuralCost, 1e-6, `${run.schedule} neural cost`));
  });

  it('per training episode: the prior means of |f − θ| and |f′|, and θ_n, f(θ_n), f′(θ_n) along the path', () => {
    runs.forEach((run, i) => {
      const r = references[i];
      assertInDelta(run.distance, r.distance, 1e-12);
      assertInDelta(run.slope, r.slope, 1e-12);
      assertInDelta(run.pathTheta, r.pathTheta, 1e-10);
      assertInDelta(run.pathOutput, r.pathOutput, 1e-9);
      assertInDelta(run.pathSlope, r.pathSlope, 1e-9);
    });
  });

  it('the answer’s counts: cheaper agents, silent episodes, hacking episodes and agent 0’s best deviation', () => {
    runs.forEach((run, i) => {
      const r = references[i];
      expect(run.cheaperAgents, `${run.schedule} cheaper agents`).toBe(r.cheaperAgents);
      expect(run.silentEpisodes, `${run.schedule} silent episodes`).toBe(r.silentEpisodes);
      expect(run.deviation.episode, `${run.schedule} deviation`).toBe(r.deviation.episode);
      relativeClose(run.deviation.cost, r.deviation.cost, 1e-6, `${run.schedule} deviation cost`);
      expect(hackEpisodes(run)).toEqual(hacking(r));
    });
  });

  it('the claims follow from the recomputed numbers', () => {
    const [seed1, seed2] = references;
    // Cheaper for agent 0 on both schedules, by a margin far above the recomputation's error.
    for (const r of references) expect(r.neuralCost).toBeLessThan(0.9 * r.linearCost);
    // Silent: the first episodes output nothing, the next one does; the linear agent 0 does output.
    for (const r of references) {
      expect(r.silentEpisodes).toBeGreaterThan(0);
      expect(r.silentEpisodes).toBeLessThan(r.training);
      expect(Math.max(...PRIOR.map((theta) => Math.abs(r.network(r.silentEpisodes, theta).y)))).toBeGreaterThan(1e-2);
    }
    expect(seed1.linearFirst * THETA0).toBeGreaterThan(1e3 * Math.abs(seed1.network(0, THETA0).y));
    // Seed-1's hacking networks are steps: flat at every prior goal but 0, with the goal's sign;
    // the last one's prior mean slope is its slope at 0 over the 11 goals.
    const last = seed1.training - 1;
    const away = PRIOR.filter((theta) => Math.abs(theta) > 1e-12);
    expect(hacking(seed1).length).toBeGreaterThan(0);
    for (const n of hacking(seed1)) {
      expect(Math.max(...away.map((theta) => Math.abs(seed1.network(n, theta).slope))), `episode ${n}`).toBeLessThan(0.01);
      for (const theta of away) expect(seed1.network(n, theta).y / theta, `f_${n}(${theta})/${theta}`).toBeGreaterThan(0.5);
    }
    expect(Math.abs(seed1.network(last, 0).slope) / PRIOR.length).toBeGreaterThan(0.95 * seed1.slope[last]);
    // The optimiser's caveat has evidence: on seed-2 another episode's network beats agent 0's own.
    expect(seed2.deviation.cost).toBeLessThan(seed2.neuralCost - 1e-3);
    expect(seed1.deviation.cost).toBeGreaterThanOrEqual(seed1.neuralCost - 1e-6);
  });

  it('the answer built from the reference is the published answer, word for word', () => {
    expect(neuralAnswer(references[0], references[1])).toBe(report.answer);
  });

  it('every table cell is the reference’s', () => {
    const rows = report.table.rows;
    const expected = references.flatMap((r) => [0, Math.floor(r.training / 2), r.training - 3, r.training - 2, r.training - 1].map((n) => ({ r, n })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, j) => {
      const { r, n } = expected[j];
      const [schedule, neuralCost, linearCost, episode, ...rest] = row;
      expect([schedule, episode]).toEqual([r.schedule, n]);
      relativeClose(neuralCost, r.neuralCost, 1e-6, `${r.schedule} neural cost`);
      relativeClose(linearCost, r.linearCost, 1e-12, `${r.schedule} linear cost`);
      assertInDelta(rest as number[], [r.pathTheta[n], r.pathOutput[n], r.pathSlope[n], r.distance[n], r.slope[n], r.linearCoefficients[n]], 1e-9);
    });
  });

  it('the figures draw the reference’s networks, slopes and per-episode means', () => {
    const [seed1] = references;
    const last = seed1.training - 1;
    for (const [id, n] of [['seed-1-first', 0], ['seed-1-last', last]] as const) {
      const points = figurePoints(report, id);
      expect(points).toHaveLength(41 * 4);
      for (const p of points) {
        const theta = p.x as number;
        const value = { 'network f(θ)': seed1.network(n, theta).y, 'network slope f′(θ)': seed1.network(n, theta).slope, 'linear a·θ': seed1.linearCoefficients[n] * theta, 'goal θ': theta }[p.series as string];
        expect(value, `${id} ${String(p.series)}`).toBeDefined();
        assertInDelta(p.value as number, value!, 1e-9);
      }
    }
    const hacking = figurePoints(report, 'hacking');
    expect(hacking).toHaveLength(seed1.training * 3);
    for (const p of hacking) {
      const n = p.x as number;
      const value = { 'network distance |f − θ|': seed1.distance[n], 'network slope |f′|': seed1.slope[n], 'linear slope |a|': Math.abs(seed1.linearCoefficients[n]) }[p.series as string];
      assertInDelta(p.value as number, value!, 1e-9);
    }
  });

  it('agent 0 and the last training agent of each schedule are local best replies: no perturbation lowers their cost by more than 2e−5', () => {
    // Measured largest decreases: 0 and 8.6e−6 (seed-1, agents 0 and 19), 8.5e−6 and 4e−14
    // (seed-2, agents 0 and 99); seed-2's agent 0 figure is the rounding noise of its chaotic path.
    runs.forEach((run) => {
      for (const n of [0, run.training - 1]) expect(largestDecrease(run, n), `${run.schedule} agent ${n}`).toBeLessThan(2e-5);
    });
  });

  it('seed-1’s hacking agents are local best replies to within 0.05% of their cost (8 random directions each)', () => {
    // Measured: the largest decrease is 1.5e−4 of agent 14's cost (its network scaled by 0.99).
    const [run] = runs;
    for (const n of hacking(references[0])) expect(largestDecrease(run, n, 8) / agentCost(own(run.weights, run.rates), n), `agent ${n}`).toBeLessThan(5e-4);
  });
});
