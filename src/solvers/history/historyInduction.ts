/**
 * Backward induction of the K-step history game (historyTables.ts for the recursion) on each
 * episode's nodes (historyNodes.ts), S counted in the units of the history scale: A_n, B_n are
 * stored at the nodes and read linearly between them (at a node, exactly). Every node covers
 * [0, U_n], the largest S reachable by then, so nothing is clamped; with every lattice point a
 * node nothing is interpolated either and the plan is exact.
 * Per episode, for the first `filled` nodes (historyNodes.ts) the continuation C(v) is formed once
 * at every lattice point v they reach, and each node's costs are (a − 1)² + γ·C(u + m_a); at the
 * other nodes C(u + m_a) is formed per candidate. Both read the next tables and f with the same
 * arithmetic, so they agree bit for bit. On the path each agent
 * plays its node's choice, or is re-solved at its exact S with the next episode's tables.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { HistoryScale } from './historyLattice.ts';
import type { LevelNodes } from './historyNodes.ts';
import { type HistoryPath, type HistoryProblem, mirrors } from './historyTables.ts';
import { type GridChoice, rankedTieRuleOnRange, tieRuleOnRange, tieThreshold } from '../tieRule.ts';

/** x^K for an integer K ≥ 1 by repeated squaring (the same value for every caller). */
function power(x: number, k: number): number {
  if (k === 1) return x;
  let result = 1;
  let base = x;
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
}

/** θ's factor over one episode at history S′ (after the episode's own coefficient). */
const stepFactor = (rate: number, sNext: number, steps: number): number => (rate > 0 ? power(1 - 2 * rate * sNext, steps) : 1);

/**
 * C = f²A − 2fB + L. When f = 0 (θ reset) or A = B = 0 (every later output is 0) it is L
 * whatever the other factor, which may have overflowed (0·∞ would be NaN). A cost that overflows
 * otherwise (∞ or ∞ − ∞ = NaN) belongs to a future whose outputs exceed 10¹⁵⁴·θ: no tie rule
 * counts it (NaN fails every comparison), as it is larger than any finite cost.
 */
const continuation = (f: number, a: number, b: number, L: number): number => (f === 0 || (a === 0 && b === 0) ? L : f * (f * a) - 2 * f * b + L);

/** One episode's tables at its nodes. */
interface Level {
  readonly nodes: Float64Array;
  /** 1/(nodes[i + 1] − nodes[i]): every read between nodes weighs by it, with one formula. */
  readonly inverse: Float64Array;
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly L: number;
  readonly policy: Int16Array;
  readonly tied: Uint8Array;
}

/** What one solve shares across episodes. */
interface Context {
  readonly problem: HistoryProblem;
  readonly scale: HistoryScale;
  /** (a − 1)² per grid point. */
  readonly squares: Float64Array;
  /** m_a as integers (lattice only): typed arrays read fastest at int32 indices. */
  readonly jumps: Int32Array;
  /** Grid points whose cost is evaluated (the others mirror one of them, historyTables.ts). */
  readonly own: Int32Array;
  readonly mirror: Int32Array;
  readonly firstOwn: number;
  readonly prefixGap: number;
  /** f(v) on the lattice points the dense prefixes reach, per distinct ℓ. */
  readonly factors: Map<number, Float64Array>;
  readonly denseReach: number;
}

/** i with nodes[i] ≤ v < nodes[i + 1], or the last node when v ≥ it; from `i` upwards. */
function bracketFrom(nodes: Float64Array, v: number, i: number): number {
  const last = nodes.length - 1;
  while (i < last && nodes[i + 1] <= v) i++;
  return i;
}

/** The same by bisection. */
function bracket(nodes: Float64Array, v: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * values at v, linear between nodes i and i + 1 (i from a bracket). Only a rounding overshoot of
 * a non-lattice sum can put v beyond the last node (U_n bounds every reachable S); it reads there.
 */
function valueAt(values: Float64Array, level: Level, i: number, v: number): number {
  const x = level.nodes[i];
  if (x === v || i === level.nodes.length - 1) return values[i];
  const y = values[i];
  return y + (v - x) * level.inverse[i] * (values[i + 1] - y);
}

function factorsFor(context: Context, rate: number): Float64Array {
  let table = context.factors.get(rate);
  if (!table) {
    const { unitsPerOne } = context.scale;
    const { steps } = context.problem;
    table = Float64Array.from({ length: context.denseReach + 1 }, (_, v) => stepFactor(rate, v / unitsPerOne, steps));
    context.factors.set(rate, table);
  }
  return table;
}

/**
 * C(v) for the lattice points v = 0 … reach, into future: valueAt inlined, interval by interval of
 * the next table (its nodes are lattice points here), one weight for A and B.
 */
function fillContinuation(next: Level, factor: Float64Array, reach: number, future: Float64Array): void {
  const { nodes, inverse, A, B, L } = next;
  const last = nodes.length - 1;
  let v = 0;
  for (let i = 0; v <= reach; i++) {
    const end = i < last ? Math.min(nodes[i + 1] - 1, reach) : reach;
    const x = nodes[i];
    const a0 = A[i];
    const b0 = B[i];
    future[v] = continuation(factor[v], a0, b0, L);
    if (i === last) {
      for (v++; v <= end; v++) future[v] = continuation(factor[v], a0, b0, L);
      break;
    }
    const da = A[i + 1] - a0;
    const db = B[i + 1] - b0;
    const span = inverse[i];
    for (v++; v <= end; v++) {
      const w = (v - x) * span;
      future[v] = continuation(factor[v], a0 + w * da, b0 + w * db, L);
    }
  }
}

/** The own points' costs at node u from the table of C; returns their minimum. */
function filledCosts(context: Context, future: Float64Array, rate: number, u: number, costs: Float64Array): number {
  const { discount: gamma } = context.problem;
  const { own, squares, jumps } = context;
  const base = u | 0;
  let minimum = Infinity;
  for (let k = 0; k < own.length; k++) {
    const g = own[k];
    const c = squares[g] + gamma * future[rate > 0 ? base + jumps[g] : base];
    costs[g] = c;
    if (c < minimum) minimum = c;
  }
  return minimum;
}

/**
 * The own points' costs at any u, C(u + m_a) formed per candidate; `brackets` (or null:
 * bisection) holds each candidate's bracket from the previous, smaller u.
 */
function directCosts(context: Context, next: Level, rate: number, u: number, costs: Float64Array, brackets: Int32Array | null): number {
  const { discount: gamma, steps } = context.problem;
  const { units, unitsPerOne } = context.scale;
  const { own, squares } = context;
  const { nodes, inverse, A, B, L } = next;
  const last = nodes.length - 1;
  let minimum = Infinity;
  for (let k = 0; k < own.length; k++) {
    const g = own[k];
    const v = rate > 0 ? u + units[g] : u;
    let i: number;
    if (brackets) brackets[k] = i = bracketFrom(nodes, v, brackets[k]);
    else i = bracket(nodes, v);
    // valueAt for A and B, one weight.
    let a = A[i];
    let b = B[i];
    const x = nodes[i];
    if (x !== v && i !== last) {
      const w = (v - x) * inverse[i];
      a += w * (A[i + 1] - a);
      b += w * (B[i + 1] - b);
    }
    const c = squares[g] + gamma * continuation(stepFactor(rate, v / unitsPerOne, steps), a, b, L);
    costs[g] = c;
    if (c < minimum) minimum = c;
  }
  return minimum;
}

/**
 * The tie rule on the costs of the own points, `minimum` the least of them. A mirrored point −a costs 4|a| more than a
 * (historyTables.ts), so when the mirrored points form the prefix [0, g₀) they are left out unless
 * the tolerance, TOL·|min|, reaches 4·min |a| over them.
 */
function choose(context: Context, costs: Float64Array, minimum: number): GridChoice {
  const { grid, preference } = context.problem;
  const { mirror, firstOwn } = context;
  const G = grid.length;
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

/** A_n, B_n at u after playing grid point `index`; an agent whose every cost overflowed faces A = ∞. */
function moments(context: Context, next: Level, rate: number, u: number, index: number): { A: number; B: number } {
  if (index < 0) return { A: Infinity, B: 0 };
  const { grid, discount: gamma, steps } = context.problem;
  const v = rate > 0 ? u + context.scale.units[index] : u;
  const f = stepFactor(rate, v / context.scale.unitsPerOne, steps);
  const i = bracket(next.nodes, v);
  const a = valueAt(next.A, next, i, v);
  const b = valueAt(next.B, next, i, v);
  const x = grid[index];
  return { A: x * x + (f === 0 || a === 0 ? 0 : gamma * f * (f * a)), B: x + (f === 0 || b === 0 ? 0 : gamma * f * b) };
}

export function solveOnNodes(problem: HistoryProblem, scale: HistoryScale, levelNodes: readonly LevelNodes[]): HistoryPath {
  const { schedule, discount: gamma, grid } = problem;
  const mirror = mirrors(grid);
  const own = Int32Array.from(grid.keys()).filter((g) => mirror[g] < 0);
  const largest = scale.units.reduce((m, u) => Math.max(m, u), 0);
  const denseReach = levelNodes.reduce((m, l) => Math.max(m, l.filled > 0 ? l.nodes[l.filled - 1] + largest : 0), 0);
  const squares = Float64Array.from(grid, (a) => (a - 1) ** 2);
  const jumps = scale.integral ? Int32Array.from(scale.units) : new Int32Array(grid.length);
  const context: Context = { problem, scale, squares, jumps, own, mirror, ...mirroredPrefix(grid, mirror), factors: new Map(), denseReach };
  const levels: Level[] = new Array(schedule.length + 1);
  levels[schedule.length] = { nodes: new Float64Array(1), inverse: new Float64Array(1), A: new Float64Array(1), B: new Float64Array(1), L: 0, policy: new Int16Array(1), tied: new Uint8Array(1) };
  const costs = new Float64Array(grid.length);
  const future = new Float64Array(denseReach + 1);
  const brackets = new Int32Array(own.length);
  for (let n = schedule.length - 1; n >= 0; n--) {
    const next = levels[n + 1];
    const rate = schedule[n];
    const { nodes, filled } = levelNodes[n];
    if (filled > 0) fillContinuation(next, factorsFor(context, rate), nodes[filled - 1] + (rate > 0 ? largest : 0), future);
    brackets.fill(0);
    const A = new Float64Array(nodes.length);
    const B = new Float64Array(nodes.length);
    const policy = new Int16Array(nodes.length);
    const tied = new Uint8Array(nodes.length);
    for (let p = 0; p < nodes.length; p++) {
      const minimum = p < filled ? filledCosts(context, future, rate, nodes[p], costs) : directCosts(context, next, rate, nodes[p], costs, brackets);
      const choice = choose(context, costs, minimum);
      ({ A: A[p], B: B[p] } = moments(context, next, rate, nodes[p], choice.index));
      policy[p] = choice.index;
      tied[p] = choice.tied ? 1 : 0;
    }
    const inverse = Float64Array.from(nodes, (x, i) => (i + 1 < nodes.length ? 1 / (nodes[i + 1] - x) : 0));
    levels[n] = { nodes, inverse, A, B, L: 1 + gamma * next.L, policy, tied };
  }
  return onPath(context, levels);
}

/**
 * Plays the Markov policy from S = 0: the node's choice when S is a node (or the tables do not
 * depend on S: one node), else the agent re-solved at its S.
 */
function onPath(context: Context, levels: Level[]): HistoryPath {
  const { schedule, grid } = context.problem;
  const { units, unitsPerOne } = context.scale;
  const coefficients = new Float64Array(schedule.length);
  const history = new Float64Array(schedule.length);
  const ties: number[] = [];
  const costs = new Float64Array(grid.length);
  let u = 0;
  for (let n = 0; n < schedule.length; n++) {
    const level = levels[n];
    const p = bracket(level.nodes, u);
    let choice: GridChoice;
    if (level.nodes.length === 1 || level.nodes[p] === u) choice = { index: level.policy[p], tied: level.tied[p] === 1 };
    else {
      choice = choose(context, costs, directCosts(context, levels[n + 1], schedule[n], u, costs, null));
    }
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    coefficients[n] = grid[choice.index];
    if (choice.tied) ties.push(n);
    if (schedule[n] > 0) u += units[choice.index];
    history[n] = u / unitsPerOne;
  }
  return { coefficients, history, ties };
}
