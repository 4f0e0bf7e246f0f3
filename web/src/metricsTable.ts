/**
 * The metrics table: one column per setting, one row per metric the library computes (every key
 * computeMetrics or computeGameMetrics returns, so new metrics appear by themselves; a row a run
 * lacks is blank), numbers formatted as the CLI's summary table formats them. Each cell keeps the
 * full-precision value in `data-value`.
 */
import { formatNumber } from '../../src/report/summaryTable.ts';
import { humanize } from './fields.ts';
import type { Run } from './protocol.ts';
import { episodeCount, MAX_COMPONENTS_SHOWN, metricEntries } from './runView.ts';

export interface MetricsColumn {
  /** `a` or `b`: the cells' `data-setting`. */
  readonly id: string;
  readonly label: string;
  readonly run: Run;
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

/** Labels of a game's per-component metrics (`firstAction.k_beta` → "First action k_beta"). */
const COMPONENT_LABELS: Readonly<Record<string, RowLabel>> = {
  firstAction: { label: 'First action', hint: 'the action component in episode 0' },
  meanTrainingAction: { label: 'Mean training action', hint: 'mean over training episodes (ℓₙ > 0)' },
  finalParameters: { label: 'Final', hint: 'the parameter after the last episode' },
};

function rowLabel(key: string): RowLabel {
  if (LABELS[key]) return LABELS[key];
  const [group, component] = key.split('.', 2);
  const base = COMPONENT_LABELS[group];
  if (base && component !== undefined) return { label: `${base.label} ${component}`, hint: base.hint };
  return { label: humanize(key) };
}

/** Metrics that count episodes: printed as whole numbers. */
const COUNTS = new Set(['trainingEpisodes']);

type Cell = { text: string; value: string };

export function renderMetricsTable(table: HTMLTableElement, columns: readonly MetricsColumn[]): void {
  const head = row('th', '', columns.map((c) => ({ text: c.label, value: c.id })), 'col');
  const body = document.createElement('tbody');
  body.append(
    infoRow('episodes', 'Episodes N', columns, (r) => count(episodeCount(r))),
    infoRow('solver', 'Solver', columns, (r) => ({ text: r.result.equilibrium.solver, value: r.result.equilibrium.solver })),
  );
  const metrics = columns.map((c) => new Map(metricEntries(c.run)));
  // Rows in the first run's order, then any the other run adds.
  const keys = [...new Set(metrics.flatMap((m) => [...m.keys()]))];
  for (const key of keys) {
    const { label, hint } = rowLabel(key);
    const tr = row('td', label, metrics.map((m) => (!m.has(key) ? blank() : COUNTS.has(key) ? count(m.get(key) ?? 0) : metricCell(m.get(key) ?? null))), 'row');
    markCells(tr, key, columns);
    tr.dataset.kind = 'metric';
    if (hint) tr.title = hint;
    body.append(tr);
  }
  body.append(
    infoRow('ties', 'Ties', columns, (r) => count(r.result.equilibrium.ties.length)),
    infoRow('solveMilliseconds', 'Solve time', columns, (r) => ({ text: `${r.result.solveMilliseconds.toFixed(2)} ms`, value: String(r.result.solveMilliseconds) })),
  );
  const thead = document.createElement('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
  const components = Math.max(...columns.map(({ run }) => (run.kind === 'game' ? run.result.equilibrium.actionNames.length : 1)));
  if (components > MAX_COMPONENTS_SHOWN) {
    const caption = document.createElement('caption');
    caption.textContent = `Per-component rows show the first ${MAX_COMPONENTS_SHOWN} of ${components} action components; the JSON export has them all.`;
    table.prepend(caption);
  }
}

function infoRow(key: string, label: string, columns: readonly MetricsColumn[], cell: (r: Run) => Cell): HTMLTableRowElement {
  const tr = row('td', label, columns.map((c) => cell(c.run)), 'row');
  markCells(tr, key, columns);
  return tr;
}

/** Names the row's metric and each cell's setting, for tests and styles. */
function markCells(tr: HTMLTableRowElement, key: string, columns: readonly MetricsColumn[]): void {
  tr.dataset.metric = key;
  columns.forEach((c, i) => {
    (tr.cells[i + 1] as HTMLElement).dataset.setting = c.id;
  });
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

function blank(): Cell {
  return { text: '—', value: '' };
}

function count(n: number): Cell {
  return { text: String(n), value: String(n) };
}
