/**
 * Gradient steps with history (DESIGN §4): each training episode the base optimizer takes K
 * gradient steps on the newest episode's loss (a²θ², the seed for K = 1) or on the summed loss of
 * all past training episodes, S_t·θ² with S_t = Σ_{s≤t, ℓ_s>0} a_s². One episode's update factor:
 *   newest data: f = (1 − 2ℓ_t a_t²)^K;   all data: f = (1 − 2ℓ_t S_t)^K;   deployment: f = 1.
 * θ-homogeneous, so costs are θ²·g; with all data the state carries S and the agents play Markov
 * policies a_n(S), found by backward induction (historyTables.ts for the recursion,
 * historyInduction.ts for the solve).
 *
 * Episode n's tables cover [0, U_n], U_n = max a²·(training episodes before n), every S a path can
 * reach by then (historyNodes.ts): no path is ever read beyond them. How S is tabulated within,
 * reported as `resolution`:
 * - 'lattice' (exact): the grid's squares are integer multiples of one quantum (historyLattice.ts;
 *   the default grid's is 10⁻⁴), so is every reachable S, and every lattice point is a node —
 *   chosen whenever that costs at most `latticeBudget` cost evaluations;
 * - 'graded': otherwise P graded nodes per episode (after the lattice points 0 … P − 1 when there
 *   is a lattice), dense up to where gradient descent on all data diverges and geometric beyond,
 *   A, B linear between them, each on-path agent re-solved at its exact S; P = statePoints, then
 *   2P − 1, … until two successive grids give the same on-path plan and ties (`converged`), or P
 *   passes maxStatePoints (then `converged` is false and the finer plan is returned).
 * Newest data needs no state: one node, and with K = 1 the coefficients are the grid solver's.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { Schedule } from '../../model/schedule.ts';
import { historyStep, type HistoryData } from '../../model/updates/historyUpdate.ts';
import { historyScale } from './historyLattice.ts';
import { exactLevelNodes, exactWork, gradedLevelNodes, levelKnees, levelTops, type LevelNodes } from './historyNodes.ts';
import { solveOnNodes } from './historyInduction.ts';
import type { HistoryPath, HistoryProblem } from './historyTables.ts';
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
  /** Nodes of the widest episode's table (lattice: U_max + 1, every point). */
  readonly points: number;
  /** The lattice quantum q (S = u·q), or null when the grid's squares have none. */
  readonly quantum: number | null;
  /** Graded: the last two grids gave the same on-path plan. Always true for 'none' and 'lattice'. */
  readonly converged: boolean;
  /** Graded: the node counts tried (of the widest table), coarsest first. */
  readonly tried: readonly number[];
  /** The largest tabulated S, max_n U_n: every S reachable where the tables depend on S. */
  readonly range: number;
}

export interface HistorySolution {
  /** Coefficients along the equilibrium path from S = 0. */
  readonly coefficients: Float64Array;
  /** S_t along the path (after episode t's coefficient). */
  readonly history: Float64Array;
  /** On-path episodes whose agent was indifferent (resolved by the tie rule). */
  readonly ties: readonly number[];
  readonly resolution: HistoryResolution;
}

export function solveHistory(schedule: Schedule, options: HistoryOptions): HistorySolution {
  const grid = options.coefficientGrid;
  const preference = tiePreference(options.tieRule ?? 'smallest', grid);
  if (options.data === 'newest') return solveNewest(schedule, options, preference);
  const problem: HistoryProblem = { schedule, steps: options.steps, discount: options.discount, grid, preference };
  const scale = historyScale(grid);
  const tops = levelTops(schedule, scale);
  const range = tops.reduce((m, u) => Math.max(m, u), 0) / scale.unitsPerOne;
  const quantum = scale.integral ? 1 / scale.unitsPerOne : null;
  const widest = (levels: readonly LevelNodes[]) => levels.reduce((m, l) => Math.max(m, l.nodes.length), 0);
  if (scale.integral && exactWork(tops, grid.length) <= (options.latticeBudget ?? 3e7)) {
    const levels = exactLevelNodes(tops);
    const points = widest(levels);
    return { ...solveOnNodes(problem, scale, levels), resolution: { kind: 'lattice', points, quantum, converged: true, tried: [points], range } };
  }
  const knees = levelKnees(schedule, scale, tops);
  const tried: number[] = [];
  let previous: HistoryPath | null = null;
  const maxPoints = options.maxStatePoints ?? 6401;
  for (let points = options.statePoints ?? 401; ; points = 2 * points - 1) {
    const levels = gradedLevelNodes(points, tops, knees, scale.integral);
    const path = solveOnNodes(problem, scale, levels);
    tried.push(widest(levels));
    // Every lattice point a node (a short range): exact.
    const exact = scale.integral && levels.every((l, n) => l.nodes.length === tops[n] + 1);
    const converged = exact || (previous !== null && samePlan(previous, path));
    if (converged || 2 * points - 1 > maxPoints) {
      return { ...path, resolution: { kind: exact ? 'lattice' : 'graded', points: widest(levels), quantum, converged, tried, range } };
    }
    previous = path;
  }
}

const samePlan = (x: HistoryPath, y: HistoryPath) =>
  x.coefficients.every((a, n) => a === y.coefficients[n]) && x.ties.length === y.ties.length && x.ties.every((t, i) => t === y.ties[i]);

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
  return { coefficients, history, ties, resolution: { kind: 'none', points: 1, quantum: null, converged: true, tried: [1], range: 0 } };
}
