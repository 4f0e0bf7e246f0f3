/**
 * A config run as `mesalab run` runs it (runConfigs, the library's one pipeline), held in one
 * shape whichever contract it ran under: the trajectory as a game's (θ is the parameter `theta`,
 * the seed's coefficient the action `a`), the flat metrics record sweeps use, and the exports the
 * CLI writes. The pipeline's two contracts are told apart here only.
 */
import {
  flatGameMetrics,
  flatSeedMetrics,
  gameResultToJson,
  policyOutput,
  resultToJson,
  runConfigs,
  seedAsGameTrajectory,
  trajectoryToCsv,
  type ExperimentResult,
  type FlatMetrics,
  type GameResult,
  type GameTrajectory,
  type SolveWrapper,
} from '../../src/index.ts';
import type { RunView, SeriesInfo } from './protocol.ts';

export interface SolvedRun {
  readonly name: string;
  readonly solver: string;
  readonly note: string;
  readonly trajectory: GameTrajectory;
  /** The displayed series and the column of each (per episode, N long). */
  readonly series: readonly SeriesInfo[];
  readonly columns: readonly Float64Array[];
  readonly plotWindow: number;
  readonly metrics: FlatMetrics;
  readonly policy: RunView['policy'];
  readonly actionComponents: number;
  readonly ties: number;
  readonly solveMilliseconds: number;
  /** trajectory.csv and result.json as the CLI writes them. */
  csv(): string;
  json(): string;
}

export function solveConfig(config: unknown, defaultName: string, wrap: SolveWrapper): SolvedRun {
  const batch = runConfigs([{ config, defaultName }], undefined, {}, wrap);
  return batch.kind === 'seed' ? fromSeedRun(batch.results[0]) : fromGameRun(batch.results[0]);
}

function fromSeedRun(result: ExperimentResult): SolvedRun {
  const trajectory = seedAsGameTrajectory(result.trajectory);
  const series: SeriesInfo[] = [
    { key: 'parameter:theta', role: 'parameter', name: 'theta', goal: true },
    { key: 'coefficient:a', role: 'coefficient', name: 'a' },
    { key: 'output', role: 'output', name: 'y' },
  ];
  return {
    name: result.config.name,
    solver: result.equilibrium.solver,
    note: `${result.equilibrium.solver} solver`,
    trajectory,
    series,
    columns: [trajectory.parameters.theta, trajectory.actions.a, trajectory.output],
    plotWindow: result.config.plotWindow,
    metrics: flatSeedMetrics(result.metrics),
    policy: 'linear',
    actionComponents: 1,
    ties: result.equilibrium.ties.length,
    solveMilliseconds: result.solveMilliseconds,
    csv: () => trajectoryToCsv(seedAsGameTrajectory(result.trajectory, 'theta', 'coefficient')),
    json: () => `${JSON.stringify(resultToJson(result), null, 2)}\n`,
  };
}

function fromGameRun(result: GameResult): SolvedRun {
  const { game } = result.config;
  const { trajectory, equilibrium } = result;
  const goal = game.parameters[game.goal].name;
  // The trajectory's own parameters: an extension's solver may play more (a trained discount's γ).
  const parameters = Object.entries(trajectory.parameters).map(([name, column]): [SeriesInfo, Float64Array] => [
    { key: `parameter:${name}`, role: 'parameter', name, ...(name === goal ? { goal: true } : {}) },
    column,
  ]);
  const policy = game.policy.type === 'mlp' ? 'mlp' : game.policy.discrete ? 'discrete' : 'linear';
  // An MLP's weights say nothing by themselves: its slope ∂y/∂θ plays the coefficient's part.
  const actions: [SeriesInfo, Float64Array][] =
    policy === 'mlp'
      ? [[{ key: 'slope', role: 'slope', name: goal }, goalSlope(result)]]
      : Object.entries(trajectory.actions).map(([name, column]) => [{ key: `coefficient:${name}`, role: 'coefficient', name }, column]);
  const shown = [...parameters, ...actions, [{ key: 'output', role: 'output', name: 'y' }, trajectory.output] as [SeriesInfo, Float64Array]];
  const stochastic = result.stochastic ? `, ${game.update.type}: mean of ${result.stochastic.runs} seeded runs` : `, ${game.update.type} update`;
  return {
    name: result.config.name,
    solver: equilibrium.solver,
    note: `${equilibrium.solver} solver${stochastic}`,
    trajectory,
    series: shown.map(([info]) => info),
    columns: shown.map(([, column]) => column),
    plotWindow: result.config.plotWindow,
    metrics: flatGameMetrics(result.metrics),
    policy,
    actionComponents: equilibrium.actionNames.length,
    ties: equilibrium.ties.length,
    solveMilliseconds: result.solveMilliseconds,
    csv: () => trajectoryToCsv(trajectory),
    json: () => `${JSON.stringify(gameResultToJson(result), null, 2)}\n`,
  };
}

/** ∂y_n/∂g of each episode's policy at that episode's state, g the goal parameter. */
function goalSlope({ config: { game }, trajectory, equilibrium }: GameResult): Float64Array {
  const episodes = trajectory.output.length;
  const m = equilibrium.actionNames.length;
  const names = game.parameters.map((p) => p.name);
  const state = new Float64Array(names.length + game.frozen.length);
  const slope = new Float64Array(state.length);
  const out = new Float64Array(episodes);
  for (let n = 0; n < episodes; n++) {
    names.forEach((name, j) => (state[j] = trajectory.parameters[name][n]));
    policyOutput(game, equilibrium.actions.subarray(n * m, (n + 1) * m), state, slope);
    out[n] = slope[game.goal];
  }
  return out;
}
