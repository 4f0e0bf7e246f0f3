/**
 * The metrics table: one column per setting, one row per metric of the library's computeMetrics
 * (every key it returns, so new metrics appear by themselves), numbers formatted as the CLI's
 * summary table formats them. Each cell keeps the full-precision value in `data-value`.
 */
import type { ExperimentResult } from '../../src/experiment/experiment.ts';
import { formatNumber } from '../../src/report/summaryTable.ts';
import { humanize } from './fields.ts';

export interface MetricsColumn {
  /** `a` or `b`: the cells' `data-setting`. */
  readonly id: string;
  readonly label: string;
  readonly result: ExperimentResult;
}

interface RowLabel {
  label: string;
  hint?: string;
}

const LABELS: Readonly<Record<string, RowLabel>> = {
  firstCoefficient: { label: 'First coefficient a₀', hint: 'near 0: deceptive alignment; 1: honest' },
  meanTrainingCoefficient: { label: 'Mean training coefficient', hint: 'mean aₙ over training episodes (ℓₙ > 0)' },
  goalRetained: { label: 'Goal retained', hint: 'θ after the last training episode ÷ θ₀ (1: goal intact, 0: aligned)' },
  finalTheta: { label: 'Final θ', hint: 'θ after the last episode' },
  trainingBaseLoss: { label: 'Training base loss', hint: 'Σ over training episodes of y² + λθ²' },
  totalMesaLoss: { label: 'Total mesa loss', hint: 'Σ over all episodes of (y − θ)²' },
  trainingEpisodes: { label: 'Training episodes', hint: 'episodes with ℓₙ > 0' },
};

/** Metrics that count episodes: printed as whole numbers. */
const COUNTS = new Set(['trainingEpisodes']);

type Cell = { text: string; value: string };

export function renderMetricsTable(table: HTMLTableElement, columns: readonly MetricsColumn[]): void {
  const head = row('th', '', columns.map((c) => ({ text: c.label, value: c.id })), 'col');
  const body = document.createElement('tbody');
  body.append(
    infoRow('episodes', 'Episodes N', columns, (r) => count(r.config.scenario.schedule.length)),
    infoRow('solver', 'Solver', columns, (r) => ({ text: r.equilibrium.solver, value: r.equilibrium.solver })),
  );
  for (const key of Object.keys(columns[0]?.result.metrics ?? {})) {
    const { label, hint } = LABELS[key] ?? { label: humanize(key) };
    const value = (r: ExperimentResult) => (r.metrics as unknown as Record<string, number | null>)[key];
    const tr = infoRow(key, label, columns, (r) => (COUNTS.has(key) ? count(value(r) ?? 0) : metricCell(value(r))));
    tr.dataset.kind = 'metric';
    if (hint) tr.title = hint;
    body.append(tr);
  }
  body.append(
    infoRow('ties', 'Ties', columns, (r) => count(r.equilibrium.ties.length)),
    infoRow('solveMilliseconds', 'Solve time', columns, (r) => ({ text: `${r.solveMilliseconds.toFixed(2)} ms`, value: String(r.solveMilliseconds) })),
  );
  const thead = document.createElement('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
}

function infoRow(key: string, label: string, columns: readonly MetricsColumn[], cell: (r: ExperimentResult) => Cell): HTMLTableRowElement {
  const tr = row('td', label, columns.map((c) => cell(c.result)), 'row');
  tr.dataset.metric = key;
  columns.forEach((c, i) => {
    (tr.cells[i + 1] as HTMLElement).dataset.setting = c.id;
  });
  return tr;
}

function row(tag: 'td' | 'th', label: string, cells: readonly Cell[], scope: 'col' | 'row'): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = label;
  tr.append(th);
  for (const cell of cells) {
    const td = document.createElement(tag);
    td.textContent = cell.text;
    td.dataset.value = cell.value;
    tr.append(td);
  }
  return tr;
}

/** A metric as the CLI's summary table prints it. */
function metricCell(x: number | null): Cell {
  return { text: formatNumber(x), value: x === null ? '' : String(x) };
}

function count(n: number): Cell {
  return { text: String(n), value: String(n) };
}
