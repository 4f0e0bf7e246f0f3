/**
 * A trained discount (DESIGN §3.1): the model shared by the fast solver, the reference and the
 * rollout. The state is (θ, γ). Agent n knows its own discount γ_n (not θ_n) and plays the Markov
 * policy a_n(γ_n); it minimises Σ_{k≥n} γ_n^(k−n)(y_k − θ_n)², its own γ_n held fixed as the
 * evaluator's discount over its whole horizon, averaged over a prior on θ_n, while later agents
 * play a_k(γ_k) with their own, drifted discounts. The base optimizer takes one gradient step on
 * y² = (a_n(γ)·θ)² per episode through both parameters, the policy's coefficient treated as a
 * function of γ:
 *   θ_{n+1} = θ_n − ℓ_n·∂y²/∂θ = θ_n(1 − 2ℓ_n a_n²),
 *   γ_{n+1} = clip(γ_n − κℓ_n·∂y²/∂γ, 0, 1) = clip(γ_n − 2κℓ_n θ_n² a_n a_n′(γ_n), 0, 1),
 * κ a multiplier on γ's step (1: the same learning rate as θ's).
 *
 * Homogeneity. θ no longer scales out: γ's step is proportional to θ². What stays homogeneous is
 * the pair (θ, κ): scaling θ (prior and θ₀) by c is the same game as keeping θ and multiplying κ
 * by c². For a fixed γ path everything is linear in θ, so with s = θ² the future's moments are
 *   W2 = θ²·A(γ_e, γ, s),  W1 = θ·B(γ_e, γ, s),  W0 = L(γ_e),
 * functions of the evaluator's discount γ_e, the current discount γ and s: a 3-D table, not 2-D.
 * The agent's cost depends on θ only through θ², so the prior enters as its θ² values.
 *
 * Coefficients are searched on [−1, 1] (every equilibrium coefficient we met is in (0, 1]); with
 * ℓ ≤ 1 this keeps |f| = |1 − 2ℓa²| ≤ 1, so θ² never grows and a θ² table on [0, max prior θ²]
 * holds every state an agent can reach. Learning rates above 1 are refused.
 *
 * Agent n forecasts its own step on γ with the drift m = a_n(γ_n)·a_n′(γ_n) of its equilibrium
 * play, a number it takes as given: it does not steer its successor's discount through its
 * coefficient. (Steering makes the cost kink where a successor's γ reaches the clip, the best
 * response jumps, and at ℓ = 1 a stage's policy may fail to exist.) At equilibrium the forecast is
 * right; trainedDiscountSearch.ts solves for it node by node, with a′ the policy's difference
 * over neighbouring γ nodes at the forecast held fixed.
 */
import { InputError } from '../../errors/inputError.ts';
import { checkRange } from '../../model/numbers.ts';
import { defaultPrior, DEFAULT_THETA0 } from '../../model/scenario.ts';
import { checkSchedule, parseScheduleSpec, type Schedule } from '../../model/schedule.ts';
import { evenAxis, type Axis } from '../../numerics/interpolation.ts';

export interface TrainedDiscountScenario {
  /** Learning rate ℓ_n per episode, each in [0, 1]. */
  readonly schedule: Schedule;
  /** θ₀ for rollouts. */
  readonly theta0: number;
  /** Distinct θ² values of the prior and their probabilities. */
  readonly priorSquares: Float64Array;
  readonly priorWeights: Float64Array;
  /** The γ grid on [0, 1] (evenly spaced): agents' policies and the evaluator axis. */
  readonly discountAxis: Axis;
  /** The θ² grid on [0, max prior θ²] (evenly spaced). */
  readonly squareAxis: Axis;
  /** κ: γ's step is κℓ·∂y²/∂γ. */
  readonly stepScale: number;
}

export interface TrainedDiscountOptions {
  /** Learning rates, or a spec such as "1x20,0x80". */
  schedule: ArrayLike<number> | string;
  /** Default 0.8. */
  theta0?: number;
  /** Points of the uniform prior on θ_n; default linspace(−1, 1, 11). */
  prior?: ArrayLike<number>;
  /** Nodes of the γ grid; default 41 (spacing 0.025). */
  discountNodes?: number;
  /** Nodes of the θ² grid; default 11. */
  squareNodes?: number;
  /** κ ≥ 0; default 1. */
  stepScale?: number;
}

/** Candidate coefficients lie in [−COEFFICIENT_BOUND, COEFFICIENT_BOUND]. */
export const COEFFICIENT_BOUND = 1;

export function trainedDiscountScenario(options: TrainedDiscountOptions): TrainedDiscountScenario {
  const schedule =
    typeof options.schedule === 'string' ? parseScheduleSpec(options.schedule) : checkSchedule(options.schedule);
  schedule.forEach((rate, n) => {
    if (rate > 1) throw new InputError(`schedule[${n}] (learning rate)`, `must be at most 1 for a trained discount (|1 − 2ℓa²| ≤ 1 keeps θ² on its table), got ${rate}`);
  });
  const { squares, weights } = priorSquares(options.prior ?? defaultPrior());
  const discountNodes = checkCount(options.discountNodes ?? 41, 'discountNodes');
  const squareNodes = checkCount(options.squareNodes ?? 11, 'squareNodes');
  return {
    schedule,
    theta0: checkRange(options.theta0 ?? DEFAULT_THETA0, 'theta0'),
    priorSquares: squares,
    priorWeights: weights,
    discountAxis: evenAxis(0, 1, discountNodes),
    squareAxis: evenAxis(0, Math.max(...squares), squareNodes),
    stepScale: checkRange(options.stepScale ?? 1, 'stepScale', 0),
  };
}

/**
 * θ² of a uniform prior on θ, equal squares merged (the cost sees θ only through θ²): squares
 * within a relative 1e−12 count as equal, so ±p of a rounded grid such as linspace(−1, 1, 11)
 * merge into one point (their mean square).
 */
function priorSquares(points: ArrayLike<number>): { squares: Float64Array; weights: Float64Array } {
  if (points.length === 0) throw new InputError('prior', 'needs at least one point');
  const sorted = Array.from(points, (p, i) => checkRange(p, `prior[${i}]`) ** 2).sort((x, y) => x - y);
  if (sorted[sorted.length - 1] === 0) throw new InputError('prior', 'needs at least one nonzero point');
  const squares: number[] = [];
  const counts: number[] = [];
  for (const s of sorted) {
    const last = squares.length - 1;
    if (last >= 0 && s - squares[last] <= 1e-12 * s) {
      squares[last] = (squares[last] * counts[last] + s) / (counts[last] + 1);
      counts[last]++;
    } else {
      squares.push(s);
      counts.push(1);
    }
  }
  return { squares: Float64Array.from(squares), weights: Float64Array.from(counts, (c) => c / points.length) };
}

function checkCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 3) throw new InputError(field, `must be a whole number ≥ 3, got ${value}`);
  return value;
}

/** A solved game: each stage's policy and its slope on the γ grid. */
export interface TrainedDiscountEquilibrium {
  readonly solver: 'trained-discount' | 'trained-discount-reference';
  /** The γ grid. */
  readonly discounts: Float64Array;
  /** a_n(γ_i) at index n·G + i. */
  readonly coefficients: Float64Array;
  /** a_n′(γ_i), the base optimizer's slope (trainedDiscountSearch.ts), at index n·G + i; rollouts interpolate it by Catmull–Rom. */
  readonly slopes: Float64Array;
  /** The most evaluations of the drift map any node of the stage took (0 in deployment, a ≡ 1). */
  readonly iterations: Int32Array;
  /** Nodes per stage whose drift is a jump point of the drift map, not a root (see trainedDiscountSearch.ts). */
  readonly jumps: Int32Array;
}

export const clampUnit = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** γ' = clip(γ − 2κℓθ²·a·a′(γ), 0, 1): the base optimizer's step on the discount. */
export function nextDiscount(discount: number, square: number, a: number, slope: number, rate: number, stepScale: number): number {
  return clampUnit(discount - 2 * stepScale * rate * square * a * slope);
}
