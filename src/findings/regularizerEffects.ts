/**
 * How the regularizer moves the first coefficient along one row of a phase diagram (one schedule,
 * λ ascending), and the rows in words, so the finding's answer states exactly where the agent
 * hides more (Δa₀ < 0) and where less (Δa₀ > 0) on the grid measured.
 */
import type { PhaseCell, PhaseDiagram } from './regularizerPhase.ts';

export type RowEffect =
  /** No λ > 0 changes a₀ (e.g. a single training agent with nothing after it). */
  | { readonly kind: 'none' }
  | { readonly kind: 'raises' }
  | { readonly kind: 'lowers' }
  /** λ ≤ `below` lower a₀, every larger λ raises it. */
  | { readonly kind: 'split'; readonly below: number }
  /** Anything else: the λ that lower a₀, listed. */
  | { readonly kind: 'mixed'; readonly lowering: readonly number[] };

/** The effect of λ along one row; `row` holds the cells with λ > 0, λ ascending. */
export function rowEffect(row: readonly PhaseCell[]): RowEffect {
  const signs = row.map((c) => Math.sign(c.change));
  if (signs.every((s) => s === 0)) return { kind: 'none' };
  if (signs.every((s) => s > 0)) return { kind: 'raises' };
  if (signs.every((s) => s < 0)) return { kind: 'lowers' };
  const turn = signs.findIndex((s) => s >= 0);
  if (turn > 0 && signs.slice(turn).every((s) => s > 0)) return { kind: 'split', below: row[turn - 1].regularizer };
  return { kind: 'mixed', lowering: row.filter((c) => c.change < 0).map((c) => c.regularizer) };
}

/** The rows of a diagram (λ > 0 only), each with its varying length, in the diagram's order. */
export function diagramRows(diagram: PhaseDiagram, cells: readonly PhaseCell[]): { length: number; cells: PhaseCell[] }[] {
  return diagram.lengths.map((length) => ({
    length,
    cells: cells.filter((c) => c.regularizer > 0 && (diagram.axis === 'training' ? c.training : c.deployment) === length),
  }));
}

/**
 * The largest λ that lowers a₀ along a row (0 when none does, the row's largest λ when all do);
 * NaN for a mixed row, which has no threshold to compare.
 */
export function loweringThreshold(effect: RowEffect, row: readonly PhaseCell[]): number {
  switch (effect.kind) {
    case 'none':
    case 'raises':
      return 0;
    case 'lowers':
      return Math.max(...row.map((c) => c.regularizer));
    case 'split':
      return effect.below;
    case 'mixed':
      return NaN;
  }
}

/** Whether the range of λ that lowers a₀ only grows, or only shrinks, as the row's length grows (null: neither, or constant). */
export function thresholdTrend(diagram: PhaseDiagram, cells: readonly PhaseCell[]): 'grows' | 'shrinks' | null {
  const t = diagramRows(diagram, cells).map((row) => loweringThreshold(rowEffect(row.cells), row.cells));
  if (t.some(Number.isNaN) || t.every((x) => x === t[0])) return null;
  if (t.every((x, i) => i === 0 || x >= t[i - 1])) return 'grows';
  if (t.every((x, i) => i === 0 || x <= t[i - 1])) return 'shrinks';
  return null;
}

/** λ as typed in the grid (0.0001, not 1.000e-4). */
const lambda = (x: number) => String(x);

function effectInWords(effect: RowEffect): string {
  switch (effect.kind) {
    case 'none':
      return 'no λ changes a₀';
    case 'raises':
      return 'every λ raises a₀';
    case 'lowers':
      return 'every λ lowers a₀';
    case 'split':
      return `λ ≤ ${lambda(effect.below)} lowers a₀ and every larger λ raises it`;
    case 'mixed':
      return `λ = ${effect.lowering.map(lambda).join(', ')} lower a₀ and the others raise it`;
  }
}

/**
 * The diagram in words, consecutive rows with the same effect merged and their lengths listed as
 * measured: "D = 0, 1, 2: every λ raises a₀; D = 10, 20: λ ≤ 0.01 lowers a₀ and …".
 */
export function describeDiagram(diagram: PhaseDiagram, cells: readonly PhaseCell[]): string {
  const groups: { lengths: number[]; words: string }[] = [];
  for (const row of diagramRows(diagram, cells)) {
    const words = effectInWords(rowEffect(row.cells));
    const last = groups.at(-1);
    if (last?.words === words) last.lengths.push(row.length);
    else groups.push({ lengths: [row.length], words });
  }
  const name = diagram.axis === 'training' ? 'T' : 'D';
  return groups.map((g) => `${name} = ${g.lengths.join(', ')}: ${g.words}`).join('; ');
}
