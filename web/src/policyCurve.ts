/**
 * The policy of one episode as a function of the goal: y = f_n(θ) and its slope f′_n(θ) over a
 * range of θ around the values the run visits, the other parameters held at their episode-n
 * values. For y = a·θ this is a line through 0 of slope a_n; for a network it shows what the
 * weights do (gradient hacking: f_n(θ) near θ with f′_n flat), which the weights themselves do not.
 * The maths is the library's policyOutput; this file only picks the points.
 */
import { actionNames, policyOutput, type Game, type GameTrajectory } from '../../src/index.ts';
import type { PolicyCurve } from './protocol.ts';

/** A run's policy: a game's, or the seed model's y = a·θ (which has no Game). */
export type RunPolicy = { readonly kind: 'game'; readonly game: Game } | { readonly kind: 'seed' };

/** Points of the curve; a 2×16 network costs about a microsecond each. */
export const CURVE_POINTS = 121;

/**
 * The curve, or null for a run whose trajectory does not hold its policy's every action
 * component (a solver of an extension may play actions of its own, e.g. the corridor's choice).
 */
export function policyCurve(policy: RunPolicy, trajectory: GameTrajectory, episode: number, window: number, points = CURVE_POINTS): PolicyCurve | null {
  const goalName = policy.kind === 'game' ? policy.game.parameters[policy.game.goal].name : 'theta';
  const names = policy.kind === 'game' ? actionNames(policy.game) : ['a'];
  if (!names.every((name) => trajectory.actions[name] !== undefined) || trajectory.parameters[goalName] === undefined) return null;
  const at = outputAt(policy, trajectory, episode);
  const [lo, hi] = curveRange(trajectory.parameters[goalName], window);
  const theta = new Float64Array(points);
  const output = new Float64Array(points);
  const slope = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    theta[i] = lo + ((hi - lo) * i) / (points - 1);
    const value = at(theta[i]);
    output[i] = value.y;
    slope[i] = value.slope;
  }
  const goal = trajectory.parameters[goalName][episode];
  const here = at(goal);
  return { episode, goal: goalName, theta, output, slope, at: { theta: goal, y: here.y, slope: here.slope } };
}

/** θ ↦ (f_n(θ), f′_n(θ)) for episode n, the other parameters at their values before episode n. */
function outputAt(policy: RunPolicy, trajectory: GameTrajectory, episode: number): (theta: number) => { y: number; slope: number } {
  if (policy.kind === 'seed') {
    const a = trajectory.actions.a[episode];
    return (theta) => ({ y: a * theta, slope: a });
  }
  const { game } = policy;
  const names = game.parameters.map((p) => p.name);
  const action = Float64Array.from(actionNames(game), (name) => trajectory.actions[name][episode]);
  // Frozen copies are objective constants, never policy inputs: left at 0, as the page's slope series does.
  const state = new Float64Array(names.length + game.frozen.length);
  names.forEach((name, j) => (state[j] = trajectory.parameters[name][episode]));
  const gradient = new Float64Array(state.length);
  return (theta) => {
    state[game.goal] = theta;
    const y = policyOutput(game, action, state, gradient);
    return { y, slope: gradient[game.goal] };
  };
}

/**
 * The values of θ before the window's episodes, widened on each side by a quarter of their span
 * or half the largest |θ|, whichever is more (±0.5 if θ stays at 0), so the curve shows the
 * policy around where the run goes and not only on it.
 */
export function curveRange(goal: ArrayLike<number>, window: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let n = 0; n <= Math.min(window, goal.length - 1); n++) {
    if (goal[n] < lo) lo = goal[n];
    if (goal[n] > hi) hi = goal[n];
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = Math.max(0.25 * (hi - lo), 0.5 * Math.max(Math.abs(lo), Math.abs(hi))) || 0.5;
  return [lo - pad, hi + pad];
}
