/**
 * Reads a game as linear-quadratic (DESIGN §2): state z = (parameters, frozen copies), policy
 * y = kᵀz with k on the policy's input directions, believed base loss [y; z]ᵀQ̂[y; z] so one
 * gradient step is z′ = M(k)z with M(k) = I − 2ℓ·D·(Q_zz + w kᵀ + k wᵀ + Q_yy k kᵀ) (D masks the
 * trainable parameters, w = Q̂_zy), and mesa cost c(y, g) = αy² + 2μyg + δg².
 */
import { quadraticForm } from '../../model/expression.ts';
import type { Game } from '../../model/game.ts';
import type { Matrix } from '../../numerics/dense.ts';

export interface LqForms {
  /** State dimension: parameters then frozen copies. */
  readonly d: number;
  /** 1 for trainable parameters, 0 for frozen copies. */
  readonly trainable: Float64Array;
  readonly qyy: number;
  readonly w: Float64Array;
  readonly qzz: Matrix;
  /** The true base loss over [y; parameters] (no frozen copies), for rollouts. */
  readonly truth: { readonly qyy: number; readonly w: Float64Array; readonly qzz: Matrix };
  readonly alpha: number;
  readonly mu: number;
  readonly delta: number;
  /** E[z zᵀ] under the agents' prior (parameters independent, copies equal to their source). */
  readonly sigma: Matrix;
  readonly goal: number;
  /** State indices the policy reads: k is nonzero only there. */
  readonly inputs: readonly number[];
}

/** The LQ reading of `game`, or the reason it is not linear-quadratic. */
export function lqForms(game: Game): LqForms | string {
  if (game.policy.type !== 'linear') return 'the lq solver needs a linear policy';
  if (game.policy.discrete) return 'the lq solver minimises over continuous actions, and this policy is discrete (use dp, or grid in the seed family)';
  if (game.update.type !== 'gradient') return 'the lq solver needs the one-step gradient update';
  const names = game.parameters.map((p) => p.name);
  const frozenNames = game.frozen.map((f) => f.name);
  const believed = quadraticForm(game.believedObjective, ['y', ...names, ...frozenNames]);
  if (!believed) return 'the believed base objective is not a homogeneous quadratic in y and the parameters';
  const truth = quadraticForm(game.baseObjective, ['y', ...names]);
  if (!truth) return 'the base objective is not a homogeneous quadratic in y and the parameters';
  const mesa = quadraticForm(game.mesaCost, ['y', 'goal']);
  if (!mesa) return 'the mesa cost is not a homogeneous quadratic in y and goal';
  const d = names.length + frozenNames.length;
  const source = [...names.map((_, i) => i), ...game.frozen.map((f) => f.source)];
  return {
    d,
    trainable: Float64Array.from({ length: d }, (_, i) => (i < names.length ? 1 : 0)),
    ...splitForm(believed, d),
    truth: splitForm(truth, names.length),
    alpha: mesa[0],
    mu: mesa[1],
    delta: mesa[3],
    sigma: secondMoments(game, source),
    goal: game.goal,
    inputs: game.policy.inputs,
  };
}

/** [y; z]ᵀQ[y; z] with Q of size (d+1)² → Q_yy, w = Q_zy, Q_zz. */
function splitForm(q: Float64Array, d: number) {
  const n = d + 1;
  const w = Float64Array.from({ length: d }, (_, i) => q[(i + 1) * n]);
  const qzz = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) qzz[i * d + j] = q[(i + 1) * n + j + 1];
  return { qyy: q[0], w, qzz };
}

function secondMoments(game: Game, source: number[]): Matrix {
  const d = source.length;
  const mean = game.parameters.map((p) => p.prior.reduce((s, x) => s + x, 0) / p.prior.length);
  const square = game.parameters.map((p) => p.prior.reduce((s, x) => s + x * x, 0) / p.prior.length);
  const sigma = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const [a, b] = [source[i], source[j]];
      sigma[i * d + j] = a === b ? square[a] : mean[a] * mean[b];
    }
  }
  return sigma;
}
