import type { PortableGameResult } from '../experiment/portableGameResult.ts';
import type { GameMetrics } from '../metrics/gameMetrics.ts';
import type { SeriesSummary, StochasticRollout } from '../rollout/stochasticRollout.ts';

/**
 * The JSON contract of a general game's run (`mesalab run FILE --json`, result.json). Like the
 * seed contract, fields are only ever added. Parameter columns have N + 1 entries.
 */
export interface GameResultJson {
  scenario: string;
  solver: string;
  episodes: number;
  game: {
    parameters: { name: string; initial: number; priorPoints: number[] }[];
    goal: string;
    policy: string;
    baseObjective: string;
    believedObjective: string;
    mesaCost: string;
    discount: number;
    update: string;
  };
  /** Each parameter before each episode, then after the last (length N + 1). */
  parameters: Record<string, number[]>;
  /** Each action component per episode (length N). */
  actions: Record<string, number[]>;
  output: number[];
  learningRate: number[];
  baseLoss: number[];
  mesaLoss: number[];
  metrics: GameMetrics;
  ties: number[];
  /** The tie rule that resolved the ties. */
  tieRule: string;
  /**
   * Stochastic updates only: the runs behind the (mean) columns above, with each series' 5% and
   * 95% quantiles and standard deviation per episode.
   */
  monteCarlo?: { runs: number; seed: number; bands: Record<string, { q05: number[]; q95: number[]; sd: number[] }> };
}

/** Takes a GameResult, or the portable form of one (expressions by their source text). */
export function gameResultToJson(result: PortableGameResult): GameResultJson {
  const { config, equilibrium, trajectory: t, metrics } = result;
  const g = config.game;
  const columns = (record: Readonly<Record<string, Float64Array>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Array.from(v)]));
  return {
    scenario: config.name,
    solver: equilibrium.solver,
    episodes: g.schedule.length,
    game: {
      parameters: g.parameters.map((p) => ({ name: p.name, initial: p.initial, priorPoints: Array.from(p.prior) })),
      goal: g.parameters[g.goal].name,
      policy: g.policy.type === 'linear' ? `linear in ${g.policy.inputs.map((i) => g.parameters[i].name).join(', ')}` : `mlp ${g.policy.hidden.join('x')} ${g.policy.activation}`,
      baseObjective: g.baseObjective.source,
      believedObjective: g.believedObjective.source,
      mesaCost: g.mesaCost.source,
      discount: g.discount,
      update: g.update.type,
    },
    parameters: columns(t.parameters),
    actions: columns(t.actions),
    output: Array.from(t.output),
    learningRate: Array.from(t.learningRate),
    baseLoss: Array.from(t.baseLoss),
    mesaLoss: Array.from(t.mesaLoss),
    metrics,
    ties: [...equilibrium.ties],
    tieRule: equilibrium.tieRule ?? 'smallest',
    ...(result.stochastic ? { monteCarlo: monteCarloJson(result.stochastic) } : {}),
  };
}

function monteCarloJson(s: StochasticRollout): NonNullable<GameResultJson['monteCarlo']> {
  const band = (summary: SeriesSummary) => ({ q05: Array.from(summary.q05), q95: Array.from(summary.q95), sd: Array.from(summary.sd) });
  const bands: Record<string, ReturnType<typeof band>> = Object.fromEntries(Object.entries(s.parameters).map(([name, summary]) => [name, band(summary)]));
  bands.output = band(s.output);
  bands.baseLoss = band(s.baseLoss);
  bands.mesaLoss = band(s.mesaLoss);
  return { runs: s.runs, seed: s.seed, bands };
}
