/**
 * A config run as `mesalab run` runs it (runConfigs, the library's one pipeline), as the
 * library's one run record (runRecords) plus what the page draws of it: the series shown, each
 * with its column, and the exports the CLI writes.
 */
import { policyOutput, runConfigs, runRecords, type GameResult, type RunRecord, type SolveWrapper } from '../../src/index.ts';
import type { SeriesInfo } from './protocol.ts';

export interface SolvedRun extends Pick<RunRecord, 'name' | 'solver' | 'trajectory' | 'plotWindow' | 'metrics' | 'policy' | 'solveMilliseconds'> {
  readonly note: string;
  /** The displayed series and the column of each (per episode, N long). */
  readonly series: readonly SeriesInfo[];
  readonly columns: readonly Float64Array[];
  readonly actionComponents: number;
  /** How many agents the tie rule decided. */
  readonly ties: number;
  /** trajectory.csv and result.json as the CLI writes them. */
  csv(): string;
  json(): string;
}

export function solveConfig(config: unknown, defaultName: string, wrap: SolveWrapper): SolvedRun {
  const [record] = runRecords(runConfigs([{ config, defaultName }], undefined, {}, wrap));
  return fromRecord(record);
}

function fromRecord(record: RunRecord): SolvedRun {
  const { trajectory, goal, game } = record;
  // The trajectory's own parameters: an extension's solver may play more (a trained discount's γ).
  const parameters = Object.entries(trajectory.parameters).map(([name, column]): [SeriesInfo, Float64Array] => [
    { key: `parameter:${name}`, role: 'parameter', name, ...(name === goal ? { goal: true } : {}) },
    column,
  ]);
  // An MLP's weights say nothing by themselves: its slope ∂y/∂θ plays the coefficient's part.
  const actions: [SeriesInfo, Float64Array][] =
    record.policy === 'mlp' && game
      ? [[{ key: 'slope', role: 'slope', name: goal }, goalSlope(game)]]
      : Object.entries(trajectory.actions).map(([name, column]) => [{ key: `coefficient:${name}`, role: 'coefficient', name }, column]);
  const shown = [...parameters, ...actions, [{ key: 'output', role: 'output', name: 'y' }, trajectory.output] as [SeriesInfo, Float64Array]];
  const update = record.stochasticRuns === undefined ? `${record.update} update` : `${record.update}: mean of ${record.stochasticRuns} seeded runs`;
  return {
    name: record.name,
    solver: record.solver,
    note: `${record.solver} solver, ${update}`,
    trajectory,
    series: shown.map(([info]) => info),
    columns: shown.map(([, column]) => column),
    plotWindow: record.plotWindow,
    metrics: record.metrics,
    policy: record.policy,
    actionComponents: record.actionNames.length,
    ties: record.ties.length,
    solveMilliseconds: record.solveMilliseconds,
    csv: () => [...record.csvChunks()].join(''),
    json: () => `${JSON.stringify(record.json(), null, 2)}\n`,
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
