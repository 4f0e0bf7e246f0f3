import type { ExperimentResult } from '../experiment/experiment.ts';
import type { GameResult } from '../experiment/gameExperiment.ts';

/** A fixed-width text table: one row per result, the metrics a reader compares first. */
export function summaryTable(results: readonly ExperimentResult[]): string {
  const header = ['scenario', 'solver', 'episodes', 'training', 'first coef', 'mean train coef', 'goal retained', 'final θ', 'train base loss', 'mesa loss'];
  const rows = results.map(({ config, equilibrium, metrics: m }) => [
    config.name,
    equilibrium.solver,
    String(config.scenario.schedule.length),
    String(m.trainingEpisodes),
    formatNumber(m.firstCoefficient),
    formatNumber(m.meanTrainingCoefficient),
    formatNumber(m.goalRetained),
    formatNumber(m.finalTheta),
    formatNumber(m.trainingBaseLoss),
    formatNumber(m.totalMesaLoss),
  ]);
  return textTable(header, rows);
}

/**
 * The summary of general games: first action components (the linear policy's one coefficient a
 * under the seed table's names), goal retained, final parameters, and what an extension's solver
 * measures (e.g. finalDiscount, meanDeploymentCoefficient).
 */
export function gameSummaryTable(results: readonly GameResult[]): string {
  // An MLP's action is its weights: too many columns to read, so those are left to --json.
  const allActions = [...new Set(results.flatMap((r) => Object.keys(r.metrics.firstAction)))];
  const actionNames = allActions.length <= MAX_ACTION_COLUMNS ? allActions : [];
  const coefficient = actionNames.length === 1 && actionNames[0] === 'a';
  const actionHeader = coefficient ? ['first coef', 'mean train coef'] : actionNames.map((a) => `first ${a}`);
  const parameterNames = [...new Set(results.flatMap((r) => Object.keys(r.metrics.finalParameters)))];
  const extensionNames = [...new Set(results.flatMap((r) => Object.keys(r.metrics.extension ?? {})))];
  const header = ['scenario', 'solver', 'episodes', 'training', ...actionHeader, 'goal retained', ...parameterNames.map((p) => `final ${p}`), 'train base loss', 'mesa loss', ...extensionNames];
  const rows = results.map(({ config, equilibrium, metrics: m }) => [
    config.name,
    equilibrium.solver,
    String(config.game.schedule.length),
    Number.isInteger(m.trainingEpisodes) ? String(m.trainingEpisodes) : formatNumber(m.trainingEpisodes),
    ...(coefficient ? [formatNumber(m.firstAction.a ?? null), formatNumber(m.meanTrainingAction.a ?? null)] : actionNames.map((a) => formatNumber(m.firstAction[a] ?? null))),
    formatNumber(m.goalRetained),
    ...parameterNames.map((p) => formatNumber(m.finalParameters[p] ?? null)),
    formatNumber(m.trainingBaseLoss),
    formatNumber(m.totalMesaLoss),
    ...extensionNames.map((e) => formatNumber(m.extension?.[e] ?? null)),
  ]);
  return textTable(header, rows);
}

const MAX_ACTION_COLUMNS = 4;

/** Columns padded to their widest cell: the first two left-aligned, numbers right-aligned. */
function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** Four decimals for numbers of ordinary size, scientific notation otherwise; "—" for null. */
export function formatNumber(x: number | null): string {
  if (x === null) return '—';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  return magnitude >= 1e-3 && magnitude < 1e6 ? x.toFixed(4) : x.toExponential(3);
}
