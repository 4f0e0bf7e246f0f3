/**
 * The slow, independent reference for the uncertain-deployment model: brute-force enumeration of
 * every path (phase sequence s_0 … s_{N−1} and signal sequence x_0 … x_{N−1}) with its probability
 *   P(path) = P(s_0)·Π_k P(s_{k+1} | s_k)·Π_k P(x_k | s_k),
 * and every agent's cost simulated along each path from each point of a prior over θ_n:
 *   C_n(a; b) = Σ_{paths: x_n = b} P(path)·mean_θ Σ_{k≥n} γ^(k−n)(y_k − θ)² / Σ_{paths: x_n = b} P(path),
 * with θ_n = θ, y_n = aθ, θ_{k+1} = θ_k(1 − 2ℓ_{s_k}a_k²) and the later agents' own coefficients.
 * No suffix moments, no conditioning on phases, no cubic: each agent minimises C_n by a grid
 * search on [−2, 2] refined by golden-section search, backward from the last agent.
 * The work is O(2^N·S^N·N²·K·G): for tests on small N only.
 */
import { InputError } from '../../errors/inputError.ts';
import { linspace } from '../../numerics/linspace.ts';
import type { DeploymentProblem } from '../../model/deployment/problem.ts';

/** The most paths the reference enumerates. */
export const REFERENCE_MAX_PATHS = 200_000;

export interface Path {
  readonly probability: number;
  /** 0 training, 1 deployment, per episode. */
  readonly phases: Uint8Array;
  readonly signals: Int32Array;
}

export interface ReferenceOptions {
  /** The agents' prior over their current θ. Default linspace(−1, 1, 11), the seed's. */
  prior?: Float64Array;
  /** The coarse search grid. Default linspace(−2, 2, 401). */
  grid?: Float64Array;
}

/** Every path of positive probability. */
export function enumeratePaths(problem: DeploymentProblem): Path[] {
  const { phases, observation } = problem;
  const episodes = phases.training.length;
  const signals = observation.training.length;
  if (2 ** episodes * signals ** episodes > REFERENCE_MAX_PATHS) {
    throw new InputError('episodes', `the reference enumerates 2^N·S^N paths, at most ${REFERENCE_MAX_PATHS}`);
  }
  const paths: Path[] = [];
  const phase = new Uint8Array(episodes);
  const signal = new Int32Array(episodes);
  const likelihood = (s: number, b: number) => (s === 0 ? observation.training[b] : observation.deployment[b]);
  const visit = (n: number, probability: number): void => {
    if (probability === 0) return;
    if (n === episodes) {
      paths.push({ probability, phases: phase.slice(), signals: signal.slice() });
      return;
    }
    for (let s = 0; s < 2; s++) {
      let p: number;
      if (n === 0) p = s === 0 ? phases.training[0] : 1 - phases.training[0];
      else {
        const toTraining = phase[n - 1] === 0 ? phases.stay[n - 1] : phases.resume[n - 1];
        p = s === 0 ? toTraining : 1 - toTraining;
      }
      phase[n] = s;
      for (let b = 0; b < signals; b++) {
        signal[n] = b;
        visit(n + 1, probability * p * likelihood(s, b));
      }
    }
  };
  visit(0, 1);
  return paths;
}

/**
 * C_n(a; b) divided by the prior's mean θ² (so it compares with the fast solver's normalised
 * cost), for agent n playing a after signal b, later agents playing `plan` ([k·S + signal]).
 */
export function referenceCost(problem: DeploymentProblem, paths: readonly Path[], plan: Float64Array, episode: number, signal: number, a: number, prior = linspace(-1, 1, 11)): number {
  const { trainingRate, discount } = problem;
  const episodes = problem.phases.training.length;
  const signals = problem.observation.training.length;
  let weighted = 0;
  let mass = 0;
  let meanSquare = 0;
  for (const theta of prior) meanSquare += (theta * theta) / prior.length;
  for (const path of paths) {
    if (path.signals[episode] !== signal) continue;
    let cost = 0;
    for (const goal of prior) {
      let theta = goal;
      let weight = 1;
      for (let k = episode; k < episodes; k++) {
        const coefficient = k === episode ? a : plan[k * signals + path.signals[k]];
        const y = coefficient * theta;
        cost += weight * (y - goal) ** 2;
        const rate = path.phases[k] === 0 ? trainingRate : 0;
        theta -= rate * 2 * y * coefficient;
        weight *= discount;
      }
    }
    weighted += path.probability * (cost / prior.length);
    mass += path.probability;
  }
  return weighted / mass / meanSquare;
}

/** Backward induction by search: the coefficients a_n(b) at [n·S + b]. */
export function solveUncertainDeploymentReference(problem: DeploymentProblem, options: ReferenceOptions = {}): Float64Array {
  const prior = options.prior ?? linspace(-1, 1, 11);
  const grid = options.grid ?? linspace(-2, 2, 401);
  const paths = enumeratePaths(problem);
  const episodes = problem.phases.training.length;
  const signals = problem.observation.training.length;
  const plan = new Float64Array(episodes * signals);
  for (let n = episodes - 1; n >= 0; n--) {
    for (let b = 0; b < signals; b++) {
      const cost = (a: number) => referenceCost(problem, paths, plan, n, b, a, prior);
      plan[n * signals + b] = minimise(cost, grid);
    }
  }
  return plan;
}

/** Grid search, then golden-section search between the best point's neighbours. */
function minimise(cost: (a: number) => number, grid: Float64Array): number {
  let best = 0;
  let bestCost = Infinity;
  grid.forEach((a, i) => {
    const c = cost(a);
    if (c < bestCost) {
      bestCost = c;
      best = i;
    }
  });
  let lo = grid[Math.max(0, best - 1)];
  let hi = grid[Math.min(grid.length - 1, best + 1)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let c1 = cost(x1);
  let c2 = cost(x2);
  for (let i = 0; i < 80 && hi - lo > 1e-12; i++) {
    if (c1 <= c2) {
      hi = x2;
      x2 = x1;
      c2 = c1;
      x1 = hi - ratio * (hi - lo);
      c1 = cost(x1);
    } else {
      lo = x1;
      x1 = x2;
      c1 = c2;
      x2 = lo + ratio * (hi - lo);
      c2 = cost(x2);
    }
  }
  return (lo + hi) / 2;
}

/** Exact expectations by enumeration: E[θ_N]/θ₀ and the mean coefficients of training and deployment episodes. */
export function referenceOutcome(problem: DeploymentProblem, plan: Float64Array): { finalGoal: number; meanTrainingCoefficient: number; meanDeploymentCoefficient: number } {
  const episodes = problem.phases.training.length;
  const signals = problem.observation.training.length;
  let finalGoal = 0;
  const sums = [0, 0];
  const counts = [0, 0];
  for (const path of enumeratePaths(problem)) {
    let theta = 1;
    for (let n = 0; n < episodes; n++) {
      const a = plan[n * signals + path.signals[n]];
      const s = path.phases[n];
      sums[s] += path.probability * a;
      counts[s] += path.probability;
      if (s === 0) theta *= 1 - 2 * problem.trainingRate * a * a;
    }
    finalGoal += path.probability * theta;
  }
  return { finalGoal, meanTrainingCoefficient: sums[0] / counts[0], meanDeploymentCoefficient: sums[1] / counts[1] };
}
