/**
 * The LQ solver (DESIGN §2): linear dynamics, linear policies, quadratic costs. Backward
 * induction carries the future's value functions W2(z) = zᵀPz, W1(z) = qᵀz, W0 = L under the
 * later agents' plan and the agents' believed dynamics z′ = M(k)z; agent n minimises its quartic
 * cost J(k) (lqStage.ts) exactly — the best root of a cubic for a one-component policy, Newton
 * from several starts otherwise — and then
 *   P ← kkᵀ + γMᵀPM,  q ← k + γMᵀq,  L ← 1 + γL.
 * O(N·d³) with d ≤ 4 state dimensions.
 */
import { multiply, multiplyTransposed, transposeTimesVector, zeros } from '../../numerics/dense.ts';
import { actionNames, type Game } from '../../model/game.ts';
import { DivergenceError, InputError } from '../../errors/inputError.ts';
import type { GameEquilibrium, GameSolver } from '../gameSolver.ts';
import { lqForms, type LqForms } from './lqForms.ts';
import { LqStage, type LqChoice, type LqFuture } from './lqStage.ts';
import { newtonMinimise } from '../../numerics/newtonMinimise.ts';
import { TIE_RELATIVE_TOLERANCE } from '../tieRule.ts';

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
  const stage = new LqStage(forms, game.discount);
  let future: LqFuture = { P: zeros(d), q: new Float64Array(d), L: 0 };
  const choice: LqChoice = { action: new Float64Array(m), cost: NaN, tied: false };
  const previous = new Float64Array(m);
  const k = new Float64Array(d);
  const ties: number[] = [];
  for (let n = episodes - 1; n >= 0; n--) {
    stage.prepare(game.schedule[n], future);
    if (m === 1) stage.minimiseAlongLine(choice);
    else minimiseFromStarts(stage, forms, n === episodes - 1 ? null : previous, choice);
    if (!choice.action.every(Number.isFinite)) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    actions.set(choice.action, n * m);
    previous.set(choice.action);
    future = prependEpisode(stage, stage.stateVector(choice.action, k), future, game.discount, d);
    if (!Number.isFinite(future.L) || !future.P.every(Number.isFinite)) throw new DivergenceError(n, 'the value function W2');
  }
  return { solver: 'lq', actionNames: actionNames(game), actions, ties: ties.reverse() };
}

/** P ← kkᵀ + γMᵀPM, q ← k + γMᵀq, L ← 1 + γL (a new object: the stage still reads the old). */
function prependEpisode(stage: LqStage, k: Float64Array, future: LqFuture, gamma: number, d: number): LqFuture {
  const M = stage.transition(k, zeros(d));
  const pm = multiply(future.P, M, d, zeros(d));
  const P = multiplyTransposed(M, pm, d, zeros(d));
  const q = transposeTimesVector(M, future.q, d, new Float64Array(d));
  for (let i = 0; i < d; i++) {
    q[i] = k[i] + gamma * q[i];
    for (let j = 0; j < d; j++) P[i * d + j] = k[i] * k[j] + gamma * P[i * d + j];
  }
  return { P, q, L: 1 + gamma * future.L };
}

/**
 * Newton from several starts — the later agent's action, deception (0), honesty (1 on the goal)
 * and the corners (±1, …) — keeping the least cost; distinct minima with equal cost are a tie,
 * broken toward the lexicographically smallest action.
 */
function minimiseFromStarts(stage: LqStage, forms: LqForms, previous: Float64Array | null, choice: LqChoice): void {
  const m = forms.inputs.length;
  const objective = {
    dimension: m,
    value: (x: Float64Array) => stage.value(x),
    gradientAndHessian: (x: Float64Array, g: Float64Array, h: Float64Array) => stage.gradientAndHessian(x, g, h),
  };
  const starts: Float64Array[] = [new Float64Array(m), Float64Array.from(forms.inputs, (i) => (i === forms.goal ? 1 : 0))];
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
      if (lexicographicallySmaller(x, choice.action)) choice.action.set(x);
    }
  }
}

function distinct(a: Float64Array, b: Float64Array): boolean {
  return a.some((x, i) => Math.abs(x - b[i]) > 1e-7 * Math.max(1, Math.abs(x)));
}

function lexicographicallySmaller(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
