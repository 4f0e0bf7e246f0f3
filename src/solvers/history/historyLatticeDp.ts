/**
 * The K-step history game tabulated on the lattice of S (historyTables.ts for the recursion):
 * every reachable S is u/R² for an integer u (historyLattice.ts), so S′ = S + a² is the lattice
 * point u + m_a. The tables hold A_n, B_n at a sorted set of lattice nodes:
 * - every lattice point (exact: S′ is always a node, nothing is interpolated);
 * - or a subset (graded; historyDp.ts refines it), A and B linear in S between nodes.
 * Level n only needs the nodes up to U_n = min(U_max, m_max·t_n), t_n the training episodes
 * before n, the largest u reachable by then; after the last training episode the tables do not
 * depend on S (one node). Per level the continuation C(v) = f(v)²A(v) − 2f(v)B(v) + L is
 * formed once at every lattice point v this episode can reach, then each node's G costs are
 * (a − 1)² + γ·C(u + m_a): O(Σ_n (U_n + m_max) + nodes·G) per level.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { Schedule } from '../../model/schedule.ts';
import type { SquareLattice } from './historyLattice.ts';
import { type HistoryPath, type HistoryProblem, mirrors, stepFactor } from './historyTables.ts';
import { type GridChoice, rankedTieRuleOnRange, tieRuleOnRange, tieThreshold } from '../tieRule.ts';

/** U_max: the lattice index of S_max. */
export const latticeCap = (lattice: SquareLattice, sMax: number): number => Math.floor(sMax * lattice.unitsPerOne + 1e-9);

const largestUnit = (lattice: SquareLattice) => lattice.units.reduce((m, u) => Math.max(m, u), 0);

/** U_n for n = 0 … N (the tables of level N are zero). */
function levelSizes(schedule: Schedule, lattice: SquareLattice, cap: number): Int32Array {
  const mMax = largestUnit(lattice);
  const sizes = new Int32Array(schedule.length + 1);
  let trained = 0;
  let lastTraining = -1;
  schedule.forEach((l, n) => l > 0 && (lastTraining = n));
  for (let n = 0; n <= schedule.length; n++) {
    sizes[n] = n <= lastTraining ? Math.min(cap, mMax * trained) : 0;
    if (n < schedule.length && schedule[n] > 0) trained++;
  }
  return sizes;
}

/** Cost evaluations of the tabulation at every lattice point: Σ_n (U_n + 1)·G. */
export function latticeWork(schedule: Schedule, lattice: SquareLattice, sMax: number): number {
  const sizes = levelSizes(schedule, lattice, latticeCap(lattice, sMax));
  let work = 0;
  for (let n = 0; n < schedule.length; n++) work += (sizes[n] + 1) * lattice.units.length;
  return work;
}

/** Every lattice point 0 … U_max. */
export const allLatticeNodes = (lattice: SquareLattice, sMax: number): Int32Array => Int32Array.from({ length: latticeCap(lattice, sMax) + 1 }, (_, u) => u);

/** Lattice points 0 … fine, then S_max·(i/(P − 1))² rounded to the lattice above them, and U_max. */
export function gradedLatticeNodes(points: number, cap: number, fine: number): Int32Array {
  const units = Array.from({ length: Math.min(cap, fine) + 1 }, (_, u) => u);
  for (let i = 0; i < points; i++) {
    const u = Math.min(cap, Math.round(cap * (i / (points - 1)) ** 2));
    if (u > units[units.length - 1]) units.push(u);
  }
  if (units[units.length - 1] !== cap) units.push(cap);
  return Int32Array.from(units);
}

/** For every lattice point v ≤ cap: the node bracket [lo, lo + 1] and the weight of lo + 1. */
function brackets(nodes: Int32Array, cap: number): { lo: Int32Array; w: Float64Array } {
  const lo = new Int32Array(cap + 1);
  const w = new Float64Array(cap + 1);
  let i = 0;
  for (let v = 0; v <= cap; v++) {
    while (i < nodes.length - 2 && nodes[i + 1] <= v) i++;
    lo[v] = i;
    w[v] = nodes.length === 1 ? 0 : Math.min(1, (v - nodes[i]) / (nodes[i + 1] - nodes[i]));
  }
  return { lo, w };
}

interface Level {
  /** Nodes computed at this level: nodes[0 … count − 1]. */
  readonly count: number;
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly L: number;
  readonly policy: Int16Array;
  readonly tied: Uint8Array;
}

/** What one solve shares across levels. */
interface Context {
  readonly problem: HistoryProblem;
  readonly lattice: SquareLattice;
  readonly sizes: Int32Array;
  readonly lo: Int32Array;
  readonly w: Float64Array;
  /** (a − 1)² per grid point; mirror (historyTables.ts) per grid point. */
  readonly squares: Float64Array;
  readonly mirror: Int32Array;
  readonly firstOwn: number;
  readonly prefixGap: number;
  /** f(v) = (1 − 2ℓ·v/R²)^K for v ≤ cap + m_max, per distinct ℓ. */
  readonly factors: Map<number, Float64Array>;
  readonly reachMax: number;
}

function factorsFor(context: Context, rate: number): Float64Array {
  let table = context.factors.get(rate);
  if (!table) {
    const { unitsPerOne } = context.lattice;
    const { steps } = context.problem;
    table = Float64Array.from({ length: context.reachMax + 1 }, (_, v) => stepFactor(rate, v / unitsPerOne, steps));
    context.factors.set(rate, table);
  }
  return table;
}

/** C(v) = f(v)²A(v) − 2f(v)B(v) + L for v = 0 … reach, A and B interpolated (nextMoments, inlined). */
function fillContinuation(context: Context, next: Level, nextSize: number, factor: Float64Array, reach: number, future: Float64Array): void {
  const { lo, w } = context;
  const { A, B, L } = next;
  for (let v = 0; v <= reach; v++) {
    let a = A[0];
    let b = B[0];
    if (nextSize > 0) {
      const x = v < nextSize ? v : nextSize;
      const i = lo[x];
      const weight = w[x];
      a = A[i];
      b = B[i];
      if (weight !== 0) {
        a += weight * (A[i + 1] - a);
        b += weight * (B[i + 1] - b);
      }
    }
    const f = factor[v];
    future[v] = f * (f * a) - 2 * f * b + L;
  }
}

/** A(v), B(v) of the next level at lattice point v (v beyond its nodes: read at the last). */
function nextMoments(context: Context, next: Level, nextSize: number, v: number): { a: number; b: number } {
  if (nextSize === 0) return { a: next.A[0], b: next.B[0] };
  const x = Math.min(v, nextSize);
  const i = context.lo[x];
  const weight = context.w[x];
  if (weight === 0) return { a: next.A[i], b: next.B[i] };
  return { a: next.A[i] + weight * (next.A[i + 1] - next.A[i]), b: next.B[i] + weight * (next.B[i + 1] - next.B[i]) };
}

export function solveOnLattice(problem: HistoryProblem, lattice: SquareLattice, nodes: Int32Array = allLatticeNodes(lattice, problem.sMax)): HistoryPath {
  const { schedule, discount: gamma, grid } = problem;
  const cap = latticeCap(lattice, problem.sMax);
  const sizes = levelSizes(schedule, lattice, cap);
  const mMax = largestUnit(lattice);
  const { lo, w } = brackets(nodes, cap);
  const mirror = mirrors(grid);
  const squares = Float64Array.from(grid, (a) => (a - 1) ** 2);
  const context: Context = { problem, lattice, sizes, lo, w, squares, mirror, ...mirroredPrefix(grid, mirror), factors: new Map(), reachMax: cap + mMax };
  const exact = nodes.length === cap + 1;
  const levels: Level[] = new Array(schedule.length + 1);
  levels[schedule.length] = { count: 1, A: new Float64Array(1), B: new Float64Array(1), L: 0, policy: new Int16Array(1), tied: new Uint8Array(1) };
  const costs = new Float64Array(grid.length);
  const future = new Float64Array(cap + mMax + 1);
  let clampedAbove = 0;
  for (let n = schedule.length - 1; n >= 0; n--) {
    const next = levels[n + 1];
    const rate = schedule[n];
    const factor = factorsFor(context, rate);
    const reach = rate > 0 ? sizes[n] + mMax : sizes[n];
    // C(v) = f(v)²A(v) − 2f(v)B(v) + L at every lattice point v this episode can reach.
    fillContinuation(context, next, sizes[n + 1], factor, reach, future);
    // The nodes up to U_n and one beyond, so that every v ≤ U_n has both ends of its bracket.
    let count = 1;
    while (count < nodes.length && sizes[n] > 0 && nodes[count - 1] < sizes[n]) count++;
    const A = new Float64Array(count);
    const B = new Float64Array(count);
    const policy = new Int16Array(count);
    const tied = new Uint8Array(count);
    for (let p = 0; p < count; p++) {
      const u = sizes[n] === 0 ? 0 : nodes[p];
      const choice = chooseAt(context, future, rate, u, costs);
      const index = Math.max(0, choice.index);
      const v = rate > 0 ? u + lattice.units[index] : u;
      if (v > cap) clampedAbove = Math.max(clampedAbove, v / lattice.unitsPerOne);
      const f = factor[v];
      const a = grid[index];
      const m = nextMoments(context, next, sizes[n + 1], v);
      A[p] = a * a + gamma * f * (f * m.a);
      B[p] = a + gamma * f * m.b;
      policy[p] = choice.index;
      tied[p] = choice.tied ? 1 : 0;
    }
    levels[n] = { count, A, B, L: 1 + gamma * next.L, policy, tied };
  }
  return onPath(context, levels, nodes, exact, clampedAbove);
}

/**
 * The tie rule on g(a) = (a − 1)² + γ·C(u + m_a) at lattice point u; C given at every v it reads.
 * A mirrored point −a costs 4|a| more than a (historyTables.ts), so when the mirrored points form
 * the prefix [0, g₀) it is left out unless the tolerance, TOL·|min|, reaches 4·min |a| over them.
 */
function chooseAt(context: Context, future: Float64Array, rate: number, u: number, costs: Float64Array): GridChoice {
  const { grid, discount: gamma, preference } = context.problem;
  const { units } = context.lattice;
  const { mirror, squares, firstOwn } = context;
  const G = grid.length;
  let minimum = Infinity;
  for (let g = firstOwn; g < G; g++) {
    if (mirror[g] >= 0) continue;
    const c = squares[g] + gamma * future[rate > 0 ? u + units[g] : u];
    costs[g] = c;
    if (c < minimum) minimum = c;
  }
  const choice: GridChoice = { index: -1, tied: false };
  if (!Number.isFinite(minimum)) return choice;
  const threshold = tieThreshold(minimum);
  let lo = firstOwn;
  if (firstOwn === 0 || !(threshold - minimum < context.prefixGap)) {
    lo = 0;
    for (let g = 0; g < G; g++) if (mirror[g] >= 0) costs[g] = costs[mirror[g]] - 4 * grid[g];
  }
  if (preference.rank === null) tieRuleOnRange(costs, lo, G - 1, threshold, choice);
  else rankedTieRuleOnRange(costs, lo, G - 1, threshold, preference.rank, choice);
  return choice;
}

/** g₀: the mirrored points are [0, g₀) (else 0), and 4·min |a| over them. */
function mirroredPrefix(grid: Float64Array, mirror: Int32Array): { firstOwn: number; prefixGap: number } {
  let firstOwn = 0;
  while (firstOwn < grid.length && mirror[firstOwn] >= 0) firstOwn++;
  for (let g = firstOwn; g < grid.length; g++) if (mirror[g] >= 0) return { firstOwn: 0, prefixGap: 0 };
  return { firstOwn, prefixGap: firstOwn > 0 ? 4 * Math.abs(grid[firstOwn - 1]) : 0 };
}

/** Plays the Markov policy from S = 0: a node's stored choice, or (between nodes) a re-solve. */
function onPath(context: Context, levels: Level[], nodes: Int32Array, exact: boolean, clampedAbove: number): HistoryPath {
  const { schedule, grid } = context.problem;
  const { sizes, lattice } = context;
  const coefficients = new Float64Array(schedule.length);
  const history = new Float64Array(schedule.length);
  const ties: number[] = [];
  const costs = new Float64Array(grid.length);
  const future = new Float64Array(context.reachMax + 1);
  let u = 0;
  for (let n = 0; n < schedule.length; n++) {
    const x = Math.min(u, sizes[n]);
    const p = sizes[n] === 0 ? 0 : context.lo[x];
    let index: number;
    let tied: boolean;
    if (exact || sizes[n] === 0 || (nodes[p] === x && context.w[x] === 0)) {
      index = levels[n].policy[p];
      tied = levels[n].tied[p] === 1;
    } else {
      // Between nodes: C at the G points x + m_a only, then the same choice.
      const next = levels[n + 1];
      const factor = factorsFor(context, schedule[n]);
      for (let g = 0; g < grid.length; g++) {
        const v = schedule[n] > 0 ? x + lattice.units[g] : x;
        const { a, b } = nextMoments(context, next, sizes[n + 1], v);
        future[v] = factor[v] * (factor[v] * a) - 2 * factor[v] * b + next.L;
      }
      const choice = chooseAt(context, future, schedule[n], x, costs);
      index = choice.index;
      tied = choice.tied;
    }
    if (index < 0) throw new DivergenceError(n, "the agent's cost");
    coefficients[n] = grid[index];
    if (tied) ties.push(n);
    if (schedule[n] > 0) u += lattice.units[index];
    history[n] = u / lattice.unitsPerOne;
  }
  return { coefficients, history, ties, clampedAbove };
}
