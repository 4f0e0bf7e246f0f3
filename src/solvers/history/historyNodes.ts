/**
 * Where the K-step history game is tabulated: per episode n, nodes on [0, U_n] in the units of
 * the history scale (historyLattice.ts), U_n = m_max·t_n with m_max the largest a² and t_n the
 * training episodes before n: the largest S any path reaches by episode n, so no table is ever
 * read beyond its range. After the last training episode that a later output sees the tables do
 * not depend on S (historyTables.ts), U_n = 0 and the one node is S = 0.
 * - exact: every lattice point 0 … U_n (S′ = u + m_a is always a node);
 * - graded with P points: the lattice points 0 … P − 1, then knee_n·(i/(P − 1))² up to the knee,
 *   knee_n = min(U_n, 1/max ℓ) over the seen training episodes from n on (beyond it gradient
 *   descent on all data diverges, |1 − 2ℓS| > 1, and costs grow like (2ℓS)^(2K)), then a
 *   geometric tail of ratio 1 + 16/(P − 1) up to U_n (rounded to the lattice when there is one).
 */
import type { Schedule } from '../../model/schedule.ts';
import type { HistoryScale } from './historyLattice.ts';
import { lastSeenTraining } from './historyTables.ts';

export interface LevelNodes {
  /** Sorted positions in units: nodes[0] = 0, the last U_n. */
  readonly nodes: Float64Array;
  /**
   * nodes[0 … filled − 1] (lattice only) take their continuation from a table of it at every
   * lattice point up to nodes[filled − 1] + m_max, the others form it per candidate: the table
   * is cheaper where nodes are closer than about G lattice points (the exact lattice, and the
   * graded nodes up to the knee).
   */
  readonly filled: number;
}

/** Relative spacing of the tail beyond the knee, times P − 1. */
const TAIL_SPACING = 16;

/** U_n for n = 0 … N − 1. */
export function levelTops(schedule: Schedule, scale: HistoryScale): Float64Array {
  const largest = scale.units.reduce((m, u) => Math.max(m, u), 0);
  const seen = lastSeenTraining(schedule);
  const tops = new Float64Array(schedule.length);
  let trained = 0;
  for (let n = 0; n < schedule.length; n++) {
    tops[n] = n <= seen ? largest * trained : 0;
    if (schedule[n] > 0) trained++;
  }
  return tops;
}

/** knee_n = min(U_n, 1/max ℓ_k) over the training episodes k ∈ [n, last seen], in units. */
export function levelKnees(schedule: Schedule, scale: HistoryScale, tops: Float64Array): Float64Array {
  const knees = new Float64Array(schedule.length);
  const seen = lastSeenTraining(schedule);
  let rate = 0;
  for (let n = seen; n >= 0; n--) {
    rate = Math.max(rate, schedule[n]);
    const knee = scale.unitsPerOne / rate;
    knees[n] = Math.min(tops[n], scale.integral ? Math.floor(knee + 1e-9) : knee);
  }
  return knees;
}

/** Cost evaluations of the exact tabulation: Σ_n (U_n + 1)·G. */
export const exactWork = (tops: Float64Array, gridSize: number): number => tops.reduce((w, top) => w + (top + 1) * gridSize, 0);

/** Every lattice point 0 … U_n. */
export const exactLevelNodes = (tops: Float64Array): LevelNodes[] =>
  Array.from(tops, (top) => ({ nodes: Float64Array.from({ length: top + 1 }, (_, u) => u), filled: top > 0 ? top + 1 : 0 }));

/** The graded nodes of P points for every level. */
export function gradedLevelNodes(points: number, tops: Float64Array, knees: Float64Array, integral: boolean): LevelNodes[] {
  return Array.from(tops, (top, n) => gradedNodes(points, top, knees[n], integral));
}

function gradedNodes(points: number, top: number, knee: number, integral: boolean): LevelNodes {
  const nodes: number[] = Array.from({ length: integral ? Math.min(points, top + 1) : 1 }, (_, u) => u);
  const push = (x: number) => {
    const u = integral ? Math.round(x) : x;
    if (u > nodes[nodes.length - 1] && u < top) nodes.push(u);
  };
  for (let i = 1; i < points; i++) push(knee * (i / (points - 1)) ** 2);
  if (knee >= top && top > nodes[nodes.length - 1]) nodes.push(top);
  const filled = integral && top > 0 ? nodes.length : 0;
  const ratio = 1 + TAIL_SPACING / (points - 1);
  for (let x = knee * ratio; x < top; x *= ratio) push(x);
  if (top > nodes[nodes.length - 1]) nodes.push(top);
  return { nodes: Float64Array.from(nodes), filled };
}
