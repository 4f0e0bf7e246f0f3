/**
 * The uncertain-deployment solver (DESIGN §3.5): exact backward induction over episodes for
 * memoryless agents that see a signal x_n and choose a_n(x), O(N·S) for S signals.
 *
 * Phase s ∈ {t (training, rate ℓ), d (deployment, rate 0)}; f_s(a) = 1 − 2ℓ_s a² (f_d = 1).
 * Homogeneity (DESIGN §2) still holds path by path: the mesa cost after episode n is
 * θ_n²·γ(f_n²A − 2f_nB + L) with the suffix moments A, B, L of the realised future, which now
 * depend on the later phases and signals. Given s_n the future (later phases, signals, and so
 * the later coefficients and factors) is independent of x_n and of the past, so agent n only
 * needs the expected moments conditional on its own phase,
 *   A_n(s) = E[A | s_n = s],  B_n(s) = E[B | s_n = s],  L_n = Σ_{k>n} γ^(k−n−1),
 * and its expected normalised cost of coefficient a given its signal x is
 *   h_n(a; x) = (a − 1)² + γ Σ_s w_s(x)·(f_s(a)² A_n(s) − 2 f_s(a) B_n(s) + L_n),
 * with w_t = p_n(x), the posterior of training, and w_d = 1 − p_n(x). The deployment term does
 * not depend on a (f_d = 1), so h_n is the seed's g(a) with rate ℓ, discount γ·p_n(x) and the
 * training moments, plus a constant: its minimiser is exact.ts's best root of the cubic
 *   16γpℓ²A_t·a³ + (2 − 8γpℓA_t + 8γpℓB_t)·a − 2 = 0.
 * (Its tie rule compares the roots' costs without the constant, within exact.ts's tolerance.)
 *
 * Expectations of products factor only conditionally on the phase, because phases are
 * correlated across episodes (once deployed, always deployed). Episode n's contribution given
 * its phase s is an average over its signal, x ~ P(· | s):
 *   Ã(s) = Σ_x P(x | s)·(a_n(x)² + γ f_s(a_n(x))² A_n(s)),
 *   B̃(s) = Σ_x P(x | s)·(a_n(x) + γ f_s(a_n(x)) B_n(s)),   L̃ = 1 + γL_n,
 * and the moments agent n − 1 needs mix them over the transition from its phase s′:
 *   A_{n−1}(s′) = Σ_s P(s_n = s | s_{n−1} = s′)·Ã(s),  likewise B;  L_{n−1} = L̃.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { DeploymentProblem } from '../../model/deployment/problem.ts';
import { trainingPosterior } from '../../model/deployment/problem.ts';
import { bestCoefficient, newChoice } from '../exact/exact.ts';

/** Index of a phase in the per-phase arrays. */
export const TRAINING = 0;
export const DEPLOYMENT = 1;

export interface DeploymentEquilibrium {
  readonly episodes: number;
  readonly signals: number;
  /** a_n(b), agent n's coefficient after signal b, at [n·S + b]. */
  readonly coefficients: Float64Array;
  /** p_n(b) = P(training at n | signal b), at [n·S + b]. */
  readonly posterior: Float64Array;
  /** A_n(s), B_n(s): expected suffix moments after episode n given its phase, at [2n + s]. */
  readonly futureA: Float64Array;
  readonly futureB: Float64Array;
  /** L_n = Σ_{k>n} γ^(k−n−1). */
  readonly futureL: Float64Array;
  /** Agents indifferent between several coefficients (the smallest was played). */
  readonly ties: readonly { episode: number; signal: number }[];
}

export function solveUncertainDeployment(problem: DeploymentProblem): DeploymentEquilibrium {
  const { phases, observation, trainingRate: rate, discount } = problem;
  const episodes = phases.training.length;
  const signals = observation.training.length;
  const coefficients = new Float64Array(episodes * signals);
  const posterior = new Float64Array(episodes * signals);
  const futureA = new Float64Array(2 * episodes);
  const futureB = new Float64Array(2 * episodes);
  const futureL = new Float64Array(episodes);
  const ties: { episode: number; signal: number }[] = [];
  const choice = newChoice();
  const trainingFuture = { A: 0, B: 0, L: 0 };
  // The moments after episode n given s_n (the empty future after the last episode).
  let aT = 0;
  let bT = 0;
  let aD = 0;
  let bD = 0;
  let l = 0;
  for (let n = episodes - 1; n >= 0; n--) {
    futureA[2 * n + TRAINING] = aT;
    futureA[2 * n + DEPLOYMENT] = aD;
    futureB[2 * n + TRAINING] = bT;
    futureB[2 * n + DEPLOYMENT] = bD;
    futureL[n] = l;
    trainingFuture.A = aT;
    trainingFuture.B = bT;
    trainingFuture.L = l;
    // ---- ALGO LOGIC: each signal's best coefficient and episode n's expected contribution ----
    let entryAT = 0;
    let entryBT = 0;
    let entryAD = 0;
    let entryBD = 0;
    for (let b = 0; b < signals; b++) {
      const pTraining = observation.training[b];
      const pDeployment = observation.deployment[b];
      const p = trainingPosterior(phases.training[n], pTraining, pDeployment);
      bestCoefficient(rate, discount * p, 0, trainingFuture, choice);
      const a = choice.a;
      if (Number.isNaN(a)) throw new DivergenceError(n, "the agent's cost");
      if (choice.tied) ties.push({ episode: n, signal: b });
      coefficients[n * signals + b] = a;
      posterior[n * signals + b] = p;
      const f = 1 - 2 * rate * a * a;
      entryAT += pTraining * (a * a + discount * f * (f * aT));
      entryBT += pTraining * (a + discount * f * bT);
      entryAD += pDeployment * a * a;
      entryBD += pDeployment * a;
    }
    entryAD += discount * aD;
    entryBD += discount * bD;
    if (n === 0) break;
    // ---- the moments agent n − 1 sees, mixed over the phase transition into episode n ----
    const stay = phases.stay[n - 1];
    const resume = phases.resume[n - 1];
    aT = stay * entryAT + (1 - stay) * entryAD;
    bT = stay * entryBT + (1 - stay) * entryBD;
    aD = resume * entryAT + (1 - resume) * entryAD;
    bD = resume * entryBT + (1 - resume) * entryBD;
    l = 1 + discount * l;
    if (!Number.isFinite(aT) || !Number.isFinite(aD)) throw new DivergenceError(n, 'the suffix moment A');
  }
  return { episodes, signals, coefficients, posterior, futureA, futureB, futureL, ties: ties.reverse() };
}

/**
 * h_n(a; b): agent n's expected cost of playing a after signal b, divided by θ_n², with the
 * later agents playing the equilibrium (the quantity each agent minimises; for tests and plots).
 */
export function expectedCost(problem: DeploymentProblem, equilibrium: DeploymentEquilibrium, episode: number, signal: number, a: number): number {
  const { trainingRate: rate, discount } = problem;
  const p = equilibrium.posterior[episode * equilibrium.signals + signal];
  const f = 1 - 2 * rate * a * a;
  const aT = equilibrium.futureA[2 * episode + TRAINING];
  const bT = equilibrium.futureB[2 * episode + TRAINING];
  const aD = equilibrium.futureA[2 * episode + DEPLOYMENT];
  const bD = equilibrium.futureB[2 * episode + DEPLOYMENT];
  const l = equilibrium.futureL[episode];
  return (a - 1) ** 2 + discount * (p * (f * (f * aT) - 2 * f * bT + l) + (1 - p) * (aD - 2 * bD + l));
}

/** The coefficient agent n plays after signal b. */
export const coefficientOf = (equilibrium: DeploymentEquilibrium, episode: number, signal: number): number =>
  equilibrium.coefficients[episode * equilibrium.signals + signal];
