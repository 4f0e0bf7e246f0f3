/** The grid solver's scratch space, shared by the fast path (gridFastPath.ts) and the convex walk (gridConvex.ts). */
import type { GridEnds } from './gridScan.ts';
import type { GridRuns } from './gridRuns.ts';
import type { Slope } from './gridSlope.ts';
import type { GridChoice, TiePreference } from '../tieRule.ts';

/** Scratch space for one solve: the fast path allocates nothing. */
export interface GridWorkspace {
  readonly grid: Float64Array;
  readonly regularizer: number;
  readonly discount: number;
  /** The scenario's tie rule on this grid. */
  readonly preference: TiePreference;
  readonly ends: GridEnds;
  /** ĝ by grid index; only the entries just evaluated mean anything. */
  readonly costs: Float64Array;
  readonly slope: Slope;
  readonly roots: Float64Array;
  readonly brackets: Int32Array;
  /** The evaluated indices. */
  readonly runs: GridRuns;
  /** The fast path's answer, rewritten for each agent: no object per agent. */
  readonly choice: GridChoice;
  /** The first grid point at or above 1 (myopicIndex), where deployment agents start. */
  readonly myopic: number;
  /** Where the next agent's search starts: the last choice, or the last root bracket found. */
  hint: number;
}
