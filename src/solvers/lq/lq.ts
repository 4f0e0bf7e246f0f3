/**
 * The LQ solver (DESIGN §2): linear dynamics, linear policies, quadratic costs. Backward
 * induction carries the future's value functions W2(z) = zᵀPz, W1(z) = qᵀz, W0 = L under the
 * later agents' plan and the agents' believed dynamics z′ = M(k)z; agent n minimises its quartic
 * cost J(k) (lqStage.ts) exactly — the best root of a cubic for a one-component policy, Newton
 * from several starts otherwise — and then
 *   P ← kkᵀ + γMᵀPM,  q ← k + γMᵀq,  L ← 1 + γL.
 * Among distinct actions of equal cost (within tieRule.ts's tolerance) the game's tie rule
 * chooses: the smallest, the largest (lexicographically for several components) or the one
 * nearest the honest action (1 on the goal's input, 0 elsewhere). O(N·d³) with d ≤ 4 state
 * dimensions.
 */
import { multiply, multiplyTransposed, transposeTimesVector, zeros } from '../../numerics/dense.ts';
import { actionNames, type Game } from '../../model/game.ts';
import { DivergenceError, InputError } from '../../errors/inputError.ts';
import type { GameEquilibrium, GameSolver } from '../gameSolver.ts';
import { lqForms, type LqForms } from './lqForms.ts';
import { LqStage, type LqChoice, type LqFuture } from './lqStage.ts';
import { newtonMinimise } from '../../numerics/newtonMinimise.ts';
import { prefersVector, TIE_RELATIVE_TOLERANCE, type TieRuleName } from '../tieRule.ts';

export const lqSolver: GameSolver = {
  name: 'lq',
  description: 'exact backward induction for linear policies, linear updates and quadratic costs; O(N·d³)',
  supports: (game) => {
    const forms = lqForms(game);
    return typeof forms === 'string' ? forms : null;
  },
  solve: solveLq,
};

export function solveLq(game: Game): GameEquilibrium {
  const forms = lqForms(game);
  if (typeof forms === 'string') throw new InputError('solver', forms);
  const { d } = forms;
  const m = forms.inputs.length;
  const episodes = game.schedule.length;
  const actions = new Float64Array(episodes * m);
  const tieRule = game.tieRule ?? 'smallest';
  const stage = new LqStage(forms, game.discount, tieRule);
  // Two futures, swapped each episode: the new one is built from the old one in place of the one
  // before (the stage reads only the future it was prepared with). Nothing is allocated per agent.
  let future: LqFuture = { P: zeros(d), q: new Float64Array(d), L: 0 };
  let spare: LqFuture = { P: zeros(d), q: new Float64Array(d), L: 0 };
  const scratch: EpisodeScratch = { M: zeros(d), pm: zeros(d) };
  const choice: LqChoice = { action: new Float64Array(m), cost: NaN, tied: false };
  const previous = new Float64Array(m);
  const k = new Float64Array(d);
  const ties: number[] = [];
  for (let n = episodes - 1; n >= 0; n--) {
    stage.prepare(game.schedule[n], future);
    if (m === 1) stage.minimiseAlongLine(choice);
    else minimiseFromStarts(stage, forms, n === episodes - 1 ? null : previous, choice, tieRule);
    if (!allFinite(choice.action)) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    actions.set(choice.action, n * m);
    previous.set(choice.action);
    prependEpisode(stage, stage.stateVector(choice.action, k), future, spare, scratch, game.discount, d);
    const done = future;
    future = spare;
    spare = done;
    if (!Number.isFinite(future.L) || !allFinite(future.P)) throw new DivergenceError(n, 'the value function W2');
  }
  return { solver: 'lq', actionNames: actionNames(game), actions, ties: ties.reverse(), tieRule };
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

interface EpisodeScratch {
  readonly M: Float64Array;
  readonly pm: Float64Array;
}

/** next ← (P ← kkᵀ + γMᵀPM, q ← k + γMᵀq, L ← 1 + γL) of `future`; next must not be future. */
function prependEpisode(stage: LqStage, k: Float64Array, future: LqFuture, next: LqFuture, scratch: EpisodeScratch, gamma: number, d: number): void {
  const M = stage.transition(k, scratch.M);
  const pm = multiply(future.P, M, d, scratch.pm);
  const P = multiplyTransposed(M, pm, d, next.P);
  const q = transposeTimesVector(M, future.q, d, next.q);
  for (let i = 0; i < d; i++) {
    q[i] = k[i] + gamma * q[i];
    for (let j = 0; j < d; j++) P[i * d + j] = k[i] * k[j] + gamma * P[i * d + j];
  }
  next.L = 1 + gamma * future.L;
}

/**
 * Agent n's action for a policy of several components (exported for the tie-rule tests).
 * Newton from several starts — the later agent's action, deception (0), honesty (1 on the goal)
 * and the corners (±1, …) — keeping the least cost; distinct minima with equal cost are a tie,
 * broken by the tie rule (tieRule.ts prefersVector): the lexicographically smallest or largest
 * action, or the one nearest the honest action.
 */
export function minimiseFromStarts(stage: LqStage, forms: LqForms, previous: Float64Array | null, choice: LqChoice, tieRule: TieRuleName): void {
  const m = forms.inputs.length;
  const objective = {
    dimension: m,
    value: (x: Float64Array) => stage.value(x),
    gradientAndHessian: (x: Float64Array, g: Float64Array, h: Float64Array) => stage.gradientAndHessian(x, g, h),
  };
  const starts: Float64Array[] = [new Float64Array(m), Float64Array.from(stage.honest)];
  if (previous) starts.unshift(Float64Array.from(previous));
  for (let corner = 0; corner < 1 << m; corner++) starts.push(Float64Array.from({ length: m }, (_, i) => (corner & (1 << i) ? 1 : -1)));
  choice.cost = Infinity;
  choice.tied = false;
  for (const x of starts) {
    const value = newtonMinimise(objective, x);
    const threshold = Number.isFinite(choice.cost) ? Math.abs(choice.cost) * TIE_RELATIVE_TOLERANCE : 0;
    if (!(value >= choice.cost - threshold)) {
      choice.cost = value;
      choice.action.set(x);
      choice.tied = false;
    } else if (Math.abs(value - choice.cost) <= threshold && distinct(x, choice.action)) {
      choice.tied = true;
      if (prefersVector(tieRule, x, choice.action, stage.honest)) choice.action.set(x);
    }
  }
}

function distinct(a: Float64Array, b: Float64Array): boolean {
  return a.some((x, i) => Math.abs(x - b[i]) > 1e-7 * Math.max(1, Math.abs(x)));
}
