/**
 * Gradient steps with history (DESIGN §4): each training episode the base optimizer takes K
 * gradient steps on the newest episode's loss (a²θ², the seed for K = 1) or on the summed loss of
 * all past training episodes, S_t·θ² with S_t = Σ_{s≤t, ℓ_s>0} a_s². One episode's update factor:
 *   newest data: f = (1 − 2ℓ_t a_t²)^K;   all data: f = (1 − 2ℓ_t S_t)^K;   deployment: f = 1.
 * θ-homogeneous, so costs are θ²·g; with all data the state carries S and the agents play Markov
 * policies a_n(S), found by backward induction (historyTables.ts for the recursion).
 *
 * How S is tabulated, reported as `resolution`:
 * - 'lattice' (exact): the grid's squares are integer multiples of one quantum (historyLattice.ts;
 *   the default grid's is 10⁻⁴), so is every reachable S, and the tables hold every lattice point
 *   up to the largest reachable S, max a²·#training, nothing clamped (historyLatticeDp.ts) —
 *   chosen whenever that costs at most `latticeBudget` cost evaluations;
 * - 'graded': otherwise, on [0, S_max] (S_max = min(max a²·#training, 1/max ℓ), beyond which
 *   gradient descent on all data diverges; a larger S′ is read at S_max), every lattice point up to S_fine = (P − 1)·q, then P graded nodes on
 *   the lattice (historyGradedDp.ts; graded nodes alone without a lattice), with interpolation,
 *   each on-path agent re-solved at its exact S; P = statePoints, then 2P − 1, … until two
 *   successive grids give the same on-path plan and ties (`converged`), or P passes
 *   maxStatePoints (then `converged` is false and the finer plan is returned).
 * Newest data needs no state: one node, and with K = 1 the coefficients are the grid solver's.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { Schedule } from '../../model/schedule.ts';
import { historyStep, type HistoryData } from '../../model/updates/historyUpdate.ts';
import { gradedNodes, solveOnGradedGrid } from './historyGradedDp.ts';
import { squareLattice } from './historyLattice.ts';
import { gradedLatticeNodes, latticeCap, latticeWork, solveOnLattice } from './historyLatticeDp.ts';
import { type HistoryPath, type HistoryProblem, largestReachableS, largestTabulatedS } from './historyTables.ts';
import { chooseGridPoint, tiePreference, type TieRuleName } from '../tieRule.ts';

export interface HistoryOptions {
  /** 'newest': the seed's data; 'all': every past training episode. */
  readonly data: HistoryData;
  /** K ≥ 1 gradient steps per training episode. */
  readonly steps: number;
  readonly discount: number;
  readonly coefficientGrid: Float64Array;
  /** Tie rule among equal costs; default 'smallest'. */
  readonly tieRule?: TieRuleName;
  /** Points of the first graded S grid; default 401. */
  readonly statePoints?: number;
  /** Graded grids stop refining beyond this many points; default 6401. */
  readonly maxStatePoints?: number;
  /** Most cost evaluations for the exact lattice tabulation; default 3·10⁷. */
  readonly latticeBudget?: number;
}

export interface HistoryResolution {
  /** 'none' (newest data: no state), 'lattice' (exact) or 'graded' (interpolated, refined). */
  readonly kind: 'none' | 'lattice' | 'graded';
  /** Nodes of the S tables (lattice: U_max + 1, the points up to S_max). */
  readonly points: number;
  /** The lattice quantum q (S = u·q), or null when the grid's squares have none. */
  readonly quantum: number | null;
  /** Graded: the last two grids gave the same on-path plan. Always true for 'none' and 'lattice'. */
  readonly converged: boolean;
  /** Graded: the node counts tried, coarsest first. */
  readonly tried: readonly number[];
  /** The largest tabulated S; a path beyond it read the tables there (not exact). */
  readonly range: number;
}

export interface HistorySolution {
  /** Coefficients along the equilibrium path from S = 0. */
  readonly coefficients: Float64Array;
  /** S_t along the path (after episode t's coefficient). */
  readonly history: Float64Array;
  /** On-path episodes whose agent was indifferent (resolved by the tie rule). */
  readonly ties: readonly number[];
  /** Largest S′ beyond S_max that a tabulated agent chose (read at S_max), or 0. */
  readonly clampedAbove: number;
  readonly resolution: HistoryResolution;
}

export function solveHistory(schedule: Schedule, options: HistoryOptions): HistorySolution {
  const grid = options.coefficientGrid;
  const preference = tiePreference(options.tieRule ?? 'smallest', grid);
  if (options.data === 'newest') return solveNewest(schedule, options, preference);
  const problem: HistoryProblem = { schedule, steps: options.steps, discount: options.discount, grid, preference, sMax: Math.max(1e-12, largestTabulatedS(schedule, grid)) };
  const lattice = squareLattice(grid);
  // Exact: every lattice point up to the largest reachable S, max a²·#training, so nothing is clamped.
  const reachable = { ...problem, sMax: Math.max(1e-12, largestReachableS(schedule, grid)) };
  // Else every lattice point up to S_max = min(that, 1/max ℓ), larger S′ read at S_max.
  for (const range of [reachable, problem]) {
    if (lattice && latticeWork(schedule, lattice, range.sMax) <= (options.latticeBudget ?? 3e7)) {
      const points = latticeCap(lattice, range.sMax) + 1;
      return withResolution(solveOnLattice(range, lattice), { kind: 'lattice', points, quantum: 1 / lattice.unitsPerOne, converged: true, tried: [points], range: range.sMax });
    }
  }
  const tried: number[] = [];
  let previous: HistoryPath | null = null;
  const maxPoints = options.maxStatePoints ?? 6401;
  const cap = lattice ? latticeCap(lattice, problem.sMax) : 0;
  for (let points = options.statePoints ?? 401; ; points = 2 * points - 1) {
    // On the lattice: every point up to S_fine = (P − 1)·q, then P graded points.
    const nodes = lattice ? gradedLatticeNodes(points, cap, points - 1) : null;
    const count = nodes ? nodes.length : points;
    const path = nodes ? solveOnLattice(problem, lattice!, nodes) : solveOnGradedGrid(problem, gradedNodes(points, problem.sMax));
    tried.push(count);
    const exact = nodes !== null && count === cap + 1;
    const converged = exact || (previous !== null && samePlan(previous, path));
    if (converged || 2 * points - 1 > maxPoints) {
      const kind = exact ? 'lattice' : 'graded';
      return withResolution(path, { kind, points: count, quantum: lattice ? 1 / lattice.unitsPerOne : null, converged, tried, range: problem.sMax });
    }
    previous = path;
  }
}

const samePlan = (x: HistoryPath, y: HistoryPath) =>
  x.coefficients.every((a, n) => a === y.coefficients[n]) && x.ties.length === y.ties.length && x.ties.every((t, i) => t === y.ties[i]);

const withResolution = (path: HistoryPath, resolution: HistoryResolution): HistorySolution => ({ ...path, resolution });

/** Newest data: θ's factor depends on the episode's own coefficient only, so no state. */
function solveNewest(schedule: Schedule, options: HistoryOptions, preference: ReturnType<typeof tiePreference>): HistorySolution {
  const { steps: K, discount: gamma, coefficientGrid: grid } = options;
  const coefficients = new Float64Array(schedule.length);
  const ties: number[] = [];
  const costs = new Float64Array(grid.length);
  let [A, B, L] = [0, 0, 0];
  for (let n = schedule.length - 1; n >= 0; n--) {
    for (let g = 0; g < grid.length; g++) {
      const f = historyStep(grid[g], 0, schedule[n], K, 'newest').f;
      costs[g] = (grid[g] - 1) ** 2 + gamma * (f * (f * A) - 2 * f * B + L);
    }
    const choice = chooseGridPoint(costs, grid.length, preference);
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    const a = grid[choice.index];
    const f = historyStep(a, 0, schedule[n], K, 'newest').f;
    coefficients[n] = a;
    if (choice.tied) ties.push(n);
    [A, B, L] = [a * a + gamma * f * (f * A), a + gamma * f * B, 1 + gamma * L];
  }
  ties.reverse();
  const history = new Float64Array(schedule.length);
  return { coefficients, history, ties, clampedAbove: 0, resolution: { kind: 'none', points: 1, quantum: null, converged: true, tried: [1], range: 0 } };
}
