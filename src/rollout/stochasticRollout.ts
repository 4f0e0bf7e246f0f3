/**
 * Monte Carlo play of an equilibrium under a stochastic update (REINFORCE's Gaussian policy, or
 * the deterministic gradient step, whose runs all coincide). Run r draws its noise from its own
 * stream (random/rng.ts: the seed's generator jumped r times), so the same seed gives the same
 * numbers and runs are independent. Each run starts from the same state s_0 and plays
 *   y_n = π_{k_n}(s_n) + σξ_n,  s_{n+1} = T_{k_n}(s_n, ξ_n)   (solvers/dpTransition.ts),
 * with the true base objective ('true', the default) or the agents' believed one with frozen
 * copies held at their source's start value ('believed': the dp solver's model). Per episode it
 * reports, over the runs, the mean, the standard deviation (n − 1 denominator) and the 5% and
 * 95% quantiles (linear interpolation between order statistics: the q-quantile of sorted
 * x_0 … x_{R−1} is x_⌊h⌋ + (h − ⌊h⌋)(x_{⌊h⌋+1} − x_⌊h⌋), h = (R − 1)q) of every series: each
 * parameter (N + 1 values), the output y_n, the base loss ℓ(y_n, s_n) and the mesa loss
 * c(y_n, g_n); and each run's realised cost of agent 0, Σ_n γ^n·c(y_n, g_0).
 */
import type { Game } from '../model/game.ts';
import { compileGame } from '../model/gameFunctions.ts';
import { DivergenceError, InputError } from '../errors/inputError.ts';
import { NormalSampler } from '../numerics/normal.ts';
import { checkSeed, independentStreams } from '../numerics/rng.ts';
import { DEFAULT_RUNS, MAX_RUNS } from '../model/monteCarloRuns.ts';

export { DEFAULT_RUNS, MAX_RUNS } from '../model/monteCarloRuns.ts';
import { markovUpdate, Transition } from '../model/updates/transition.ts';
import type { GameEquilibrium } from '../solvers/gameSolver.ts';

export interface StochasticRolloutOptions {
  /** Number of runs (default 1000). */
  readonly runs?: number;
  /** Seed of the runs' streams, 0 … 2³² − 1 (default 0). */
  readonly seed?: number;
  /** The parameters' start values (default: their initial values). */
  readonly start?: ArrayLike<number>;
  /** Which dynamics to play: the true base objective (default) or the agents' belief. */
  readonly model?: 'true' | 'believed';
}

/** One series over the runs, per episode. */
export interface SeriesSummary {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  readonly q05: Float64Array;
  readonly q95: Float64Array;
}

export interface StochasticRollout {
  readonly runs: number;
  readonly seed: number;
  readonly episode: Float64Array;
  readonly learningRate: Float64Array;
  /** Each parameter's summary (N + 1 entries: before each episode, then after the last). */
  readonly parameters: Readonly<Record<string, SeriesSummary>>;
  readonly output: SeriesSummary;
  readonly baseLoss: SeriesSummary;
  readonly mesaLoss: SeriesSummary;
  /** Each run's Σ_n γ^n·c(y_n, g_0), g_0 the goal's start value. */
  readonly agentZeroCost: Float64Array;
}


/** Plays `equilibrium` `runs` times with seeded noise and summarises every series per episode. */
export function rolloutStochastic(game: Game, equilibrium: Pick<GameEquilibrium, 'actions'>, options: StochasticRolloutOptions = {}): StochasticRollout {
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new InputError('runs', `must be a whole number from 1 to ${MAX_RUNS}, got ${runs}`);
  const seed = checkSeed(options.seed ?? 0);
  const update = markovUpdate(game.update);
  if (typeof update === 'string') throw new InputError('update', update);
  const believed = options.model === 'believed';
  const episodes = game.schedule.length;
  const p = game.parameters.length;
  const m = equilibrium.actions.length / episodes;
  const fns = compileGame(game);
  const objective = believed ? fns.believed : fns.base;
  const d = believed ? p + game.frozen.length : p;
  const transition = new Transition(game, objective, update, d);
  const start = options.start ?? game.parameters.map((q) => q.initial);
  const initial = Float64Array.from({ length: d }, (_, j) => (j < p ? start[j] : start[game.frozen[j - p].source]));
  const columns = {
    parameters: game.parameters.map(() => new Float64Array((episodes + 1) * runs)),
    output: new Float64Array(episodes * runs),
    baseLoss: new Float64Array(episodes * runs),
    mesaLoss: new Float64Array(episodes * runs),
  };
  const agentZeroCost = new Float64Array(runs);
  const streams = independentStreams(seed, runs);
  const values = new Float64Array(d + 1);
  const mesaValues = new Float64Array(2);
  const mesa = (y: number, goal: number) => {
    mesaValues[0] = y;
    mesaValues[1] = goal;
    return fns.mesa(mesaValues);
  };
  const plan = Array.from({ length: episodes }, (_, n) => equilibrium.actions.subarray(n * m, (n + 1) * m));
  let state = new Float64Array(d);
  let next = new Float64Array(d);
  for (let r = 0; r < runs; r++) {
    const noise = new NormalSampler(streams[r]);
    state.set(initial);
    const goal0 = initial[game.goal];
    let discount = 1;
    let cost = 0;
    for (let n = 0; n < episodes; n++) {
      for (let j = 0; j < p; j++) columns.parameters[j][n * runs + r] = state[j];
      // ALGO LOGIC: one episode of the base optimizer with a fresh noise draw.
      transition.prepare(plan[n], state, game.schedule[n]);
      const y = transition.advance(transition.stochastic ? noise.next() : 0, next);
      values[0] = y;
      values.set(state, 1);
      columns.output[n * runs + r] = y;
      columns.baseLoss[n * runs + r] = objective.value(values);
      columns.mesaLoss[n * runs + r] = mesa(y, state[game.goal]);
      cost += discount * mesa(y, goal0);
      discount *= game.discount;
      if (!next.every(Number.isFinite)) throw new DivergenceError(n, `run ${r}'s parameters`);
      [state, next] = [next, state];
    }
    for (let j = 0; j < p; j++) columns.parameters[j][episodes * runs + r] = state[j];
    agentZeroCost[r] = cost;
  }
  return {
    runs,
    seed,
    episode: Float64Array.from({ length: episodes }, (_, n) => n),
    learningRate: Float64Array.from(game.schedule),
    parameters: Object.fromEntries(game.parameters.map((q, j) => [q.name, summarise(columns.parameters[j], episodes + 1, runs)])),
    output: summarise(columns.output, episodes, runs),
    baseLoss: summarise(columns.baseLoss, episodes, runs),
    mesaLoss: summarise(columns.mesaLoss, episodes, runs),
    agentZeroCost,
  };
}

/** Per-episode mean, sd and 5%/95% quantiles of values[n·runs + r]; sorts each episode's runs in place. */
function summarise(values: Float64Array, length: number, runs: number): SeriesSummary {
  const summary = { mean: new Float64Array(length), sd: new Float64Array(length), q05: new Float64Array(length), q95: new Float64Array(length) };
  for (let n = 0; n < length; n++) {
    const sample = values.subarray(n * runs, (n + 1) * runs);
    // Sums of deviations from the first run: exact (sd 0) when every run agrees.
    const shift = sample[0];
    let deviation = 0;
    for (let r = 0; r < runs; r++) deviation += sample[r] - shift;
    const mean = shift + deviation / runs;
    let squares = 0;
    for (let r = 0; r < runs; r++) squares += (sample[r] - mean) ** 2;
    sample.sort();
    summary.mean[n] = mean;
    summary.sd[n] = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
    summary.q05[n] = quantile(sample, 0.05);
    summary.q95[n] = quantile(sample, 0.95);
  }
  return summary;
}

/** The q-quantile of an ascending sample, interpolating linearly between order statistics. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
