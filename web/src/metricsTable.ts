/**
 * The metrics table, which is also the chart's text alternative: one column per setting, one row
 * per metric of the library's flat record (so new metrics appear by themselves; a row a run lacks
 * is blank), numbers formatted as the CLI's summary table formats them. Each cell keeps the
 * full-precision value in `data-value`. A game's per-component rows that repeat a seed name
 * (`firstAction.a` is `firstCoefficient`) are shown once; an MLP's weights are left to the export.
 */
import { formatNumber } from '../../src/index.ts';
import { humanize } from './fields.ts';
import type { RunView } from './protocol.ts';
import { symbolOf } from './seriesNames.ts';

export interface MetricsColumn {
  /** `a` or `b`: the cells' `data-setting`. */
  readonly id: string;
  readonly label: string;
  readonly run: RunView;
}

interface RowLabel {
  label: string;
  hint?: string;
}

const LABELS: Readonly<Record<string, RowLabel>> = {
  firstCoefficient: { label: 'First coefficient a₀', hint: 'near 0: deceptive (the first agent hides its goal in training); 1: honest' },
  meanTrainingCoefficient: { label: 'Mean training coefficient', hint: 'mean aₙ over training episodes (ℓₙ > 0)' },
  goalRetained: { label: 'Goal retained', hint: 'θ after the last training episode ÷ θ₀ (1: goal intact, 0: aligned)' },
  finalTheta: { label: 'Final θ', hint: 'θ after the last episode' },
  trainingBaseLoss: { label: 'Training base loss', hint: 'Σ over training episodes of y² + λθ²' },
  totalMesaLoss: { label: 'Total mesa loss', hint: 'Σ over all episodes of (y − θ)²' },
  trainingEpisodes: { label: 'Training episodes', hint: 'episodes with ℓₙ > 0' },
};

/** Labels of a game's per-component metrics (`firstAction.k_beta` → "First action k_beta"). */
const COMPONENT_LABELS: Readonly<Record<string, RowLabel>> = {
  firstAction: { label: 'First coefficient', hint: 'the policy coefficient in episode 0' },
  meanTrainingAction: { label: 'Mean training coefficient', hint: 'mean over training episodes (ℓₙ > 0)' },
  finalParameters: { label: 'Final', hint: 'the parameter after the last episode' },
};

/** Per-component rows shown for at most this many components. */
export const MAX_COMPONENTS_SHOWN = 6;

/** A game's rows that say again what a seed-named row says. */
const SEED_NAMED: Readonly<Record<string, string>> = {
  'firstAction.a': 'firstCoefficient',
  'meanTrainingAction.a': 'meanTrainingCoefficient',
  'finalParameters.theta': 'finalTheta',
};

/** The rows the table shows of a run's metrics, in the library's order. */
export function shownMetrics(run: Pick<RunView, 'metrics' | 'policy'>): [string, number | null][] {
  const keys = new Set(run.metrics.map(([key]) => key));
  const perComponent = new Map<string, number>();
  const rows: [string, number | null][] = [];
  for (const [key, value] of run.metrics) {
    if (SEED_NAMED[key] && keys.has(SEED_NAMED[key])) continue;
    const group = key.includes('.') ? key.split('.')[0] : null;
    if (group === 'firstAction' || group === 'meanTrainingAction') {
      if (run.policy === 'mlp') continue;
      const seen = perComponent.get(group) ?? 0;
      perComponent.set(group, seen + 1);
      if (seen >= MAX_COMPONENTS_SHOWN) continue;
    }
    rows.push([key, value]);
  }
  return rows;
}

function rowLabel(key: string): RowLabel {
  if (LABELS[key]) return LABELS[key];
  const [group, component] = key.split('.', 2);
  const base = COMPONENT_LABELS[group];
  if (base && component !== undefined) {
    const name = component.startsWith('k_') ? `on ${symbolOf(component.slice(2))}` : symbolOf(component);
    return { label: `${base.label} ${name}`, hint: base.hint };
  }
  return { label: humanize(key) };
}

/** Metrics that count episodes: printed as whole numbers. */
const COUNTS = new Set(['trainingEpisodes']);

type Cell = { text: string; value: string };

export function renderMetricsTable(table: HTMLTableElement, columns: readonly MetricsColumn[]): void {
  const head = row('th', 'Metric', columns.map((c) => ({ text: c.label, value: c.id })), 'col');
  const body = document.createElement('tbody');
  body.append(
    infoRow('episodes', 'Episodes N', columns, (r) => count(r.episodes)),
    infoRow('solver', 'Solver', columns, (r) => ({ text: r.solver, value: r.solver })),
  );
  const metrics = columns.map((c) => new Map(shownMetrics(c.run)));
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
    infoRow('ties', 'Ties', columns, (r) => count(r.ties)),
    infoRow('solveMilliseconds', 'Solve time', columns, (r) => ({ text: `${r.solveMilliseconds.toFixed(2)} ms`, value: String(r.solveMilliseconds) })),
  );
  const thead = document.createElement('thead');
  thead.append(head);
  const caption = document.createElement('caption');
  caption.textContent = captionText(columns);
  table.replaceChildren(caption, thead, body);
}

function captionText(columns: readonly MetricsColumn[]): string {
  const parts = ['What the chart shows, in numbers.'];
  const mlp = columns.find((c) => c.run.policy === 'mlp');
  if (mlp) parts.push(`The network's ${mlp.run.actionComponents} weights per episode are in the JSON and CSV exports.`);
  const wide = Math.max(...columns.map((c) => (c.run.policy === 'mlp' ? 0 : c.run.actionComponents)));
  if (wide > MAX_COMPONENTS_SHOWN) parts.push(`Per-component rows show the first ${MAX_COMPONENTS_SHOWN} of ${wide} components; the JSON export has them all.`);
  return parts.join(' ');
}

function infoRow(key: string, label: string, columns: readonly MetricsColumn[], cell: (r: RunView) => Cell): HTMLTableRowElement {
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
    if (tag === 'th') (td as HTMLTableCellElement).scope = 'col';
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
