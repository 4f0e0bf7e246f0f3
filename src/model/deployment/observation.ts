/**
 * What an agent sees of its phase (DESIGN §3.5): each episode shows an observation x, drawn
 * independently given the phase, from N(0, 1) in training and N(δ, 1) in deployment. The agent
 * sees which of finitely many signals x falls in: bins of width w on the x axis plus the two open
 * tails. Binning makes the model exact (posteriors and expectations are finite sums, no
 * quadrature error) and converges to the continuous observation as w → 0 (the finding's default
 * w = 0.05 is far below the scale of the posterior's change, 1/δ).
 *
 * Signal b covers x ∈ [edges[b−1], edges[b]) with edges[−1] = −∞ and edges[S−1] = +∞.
 */
import { InputError } from '../../errors/inputError.ts';
import { checkRange } from '../numbers.ts';
import { normalInterval } from '../../numerics/normalTail.ts';

export interface ObservationModel {
  /** P(signal b | training), b = 0 … S−1 (sums to 1). */
  readonly training: Float64Array;
  /** P(signal b | deployment). */
  readonly deployment: Float64Array;
  /** The S − 1 interior bin edges on the x axis, increasing (may end with +∞, see phaseObserved). */
  readonly edges: Float64Array;
  /** A representative x of each signal: the bin's midpoint, or its finite edge for a tail. */
  readonly x: Float64Array;
}

export interface ShiftedNormalOptions {
  /** Bin width w. Default 0.05. */
  binWidth?: number;
  /** The bins cover [min(0, δ) − margin, max(0, δ) + margin], each end rounded out to a multiple of w. Default 6. */
  margin?: number;
}

/** The most bins a model may have (memory and time of the solvers grow with N·S). */
export const MAX_SIGNALS = 100_000;

/**
 * x ~ N(0, 1) in training and N(δ, 1) in deployment, seen through bins whose edges are whole
 * multiples of w (the same x grid for every δ). δ = 0: the observation says nothing.
 */
export function shiftedNormalObservation(shift: number, options: ShiftedNormalOptions = {}): ObservationModel {
  checkRange(shift, 'shift');
  const width = checkRange(options.binWidth ?? 0.05, 'binWidth', 0);
  const margin = checkRange(options.margin ?? 6, 'margin', 0);
  if (width === 0) throw new InputError('binWidth', 'must be positive');
  const first = Math.floor((Math.min(0, shift) - margin) / width);
  const last = Math.ceil((Math.max(0, shift) + margin) / width);
  const count = last - first + 2;
  if (count > MAX_SIGNALS) throw new InputError('binWidth', `gives ${count} bins, more than ${MAX_SIGNALS}; widen the bins`);
  const edges = Float64Array.from({ length: last - first + 1 }, (_, i) => (first + i) * width);
  return normalObservationFromEdges(edges, shift);
}

/** x ~ N(0, 1) in training and N(δ, 1) in deployment, seen through the bins between the given increasing edges. */
export function normalObservationFromEdges(edges: ArrayLike<number>, shift: number): ObservationModel {
  checkRange(shift, 'shift');
  for (let i = 0; i < edges.length; i++) {
    if (Number.isNaN(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) throw new InputError(`edges[${i}]`, 'edges must increase');
  }
  const count = edges.length + 1;
  const lower = (b: number) => (b === 0 ? -Infinity : edges[b - 1]);
  const upper = (b: number) => (b === count - 1 ? Infinity : edges[b]);
  const training = new Float64Array(count);
  const deployment = new Float64Array(count);
  const x = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    training[b] = normalInterval(lower(b), upper(b), 0);
    deployment[b] = normalInterval(lower(b), upper(b), shift);
    x[b] = count === 1 ? 0 : b === 0 ? edges[0] : b === count - 1 ? edges[count - 2] : (lower(b) + upper(b)) / 2;
  }
  return { training, deployment, edges: Float64Array.from(edges), x };
}

/**
 * The limit δ → ∞: the agent knows its phase. Signal 0 (x = 0) in training, signal 1 (x = +∞,
 * the edge between them) in deployment.
 */
export function phaseObserved(): ObservationModel {
  return {
    training: Float64Array.of(1, 0),
    deployment: Float64Array.of(0, 1),
    edges: Float64Array.of(Infinity),
    x: Float64Array.of(0, Infinity),
  };
}

/** The signal an observation x falls in (binary search on the edges); x = NaN has none: −1. */
export function signalOf(model: ObservationModel, x: number): number {
  if (Number.isNaN(x)) return -1;
  const { edges } = model;
  let lo = 0;
  let hi = edges.length;
  // Invariant: the answer b satisfies lo ≤ b ≤ hi; b = the number of edges ≤ x.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
