/**
 * The K-step history game on a graded grid of S (historyTables.ts for the recursion), for grids
 * whose squares have no lattice (historyLatticeDp.ts handles those that do): nodes
 * S_max·(i/(P − 1))², A_n, B_n linear in S between them. After the last training episode the tables do not depend on S (one node). On the
 * path each agent is re-solved at its exact S with the next level's tables; the caller refines
 * (S_fine, P) until the on-path plan no longer changes (historyDp.ts).
 */
import { DivergenceError } from '../../errors/inputError.ts';
import { type HistoryPath, type HistoryProblem, mirrors, stepFactor } from './historyTables.ts';
import { chooseGridPoint } from '../tieRule.ts';

/** A P-point graded grid S_max·(i/(P − 1))² (grids whose squares have no lattice). */
export const gradedNodes = (points: number, sMax: number): Float64Array => Float64Array.from({ length: points }, (_, i) => sMax * (i / (points - 1)) ** 2);

/** Index i with nodes[i] ≤ s < nodes[i + 1] (s clamped to the nodes' range), by bisection. */
function bracket(nodes: Float64Array, s: number): number {
  let lo = 0;
  let hi = nodes.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid] <= s) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** One level's tables on its nodes (a single node at S = 0 when they do not depend on S). */
interface Tables {
  readonly nodes: Float64Array;
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly L: number;
}

/** Per grid point: its cost g(a) and the next level's f, A(S′), B(S′) it was computed with. */
interface Scratch {
  readonly costs: Float64Array;
  readonly f: Float64Array;
  readonly A: Float64Array;
  readonly B: Float64Array;
}

const scratch = (G: number): Scratch => ({ costs: new Float64Array(G), f: new Float64Array(G), A: new Float64Array(G), B: new Float64Array(G) });

/**
 * g(a) for every grid point at history s, the next level's tables interpolated at S′; `start`
 * (or null: bisection) holds each point's bracket from the previous, smaller s.
 */
function costsAt(problem: HistoryProblem, mirror: Int32Array, next: Tables, rate: number, s: number, out: Scratch, start: Int32Array | null): void {
  const { grid, steps, discount: gamma, sMax } = problem;
  const { nodes } = next;
  const last = nodes.length - 1;
  for (let g = 0; g < grid.length; g++) {
    if (mirror[g] >= 0) continue;
    const a = grid[g];
    const sNext = rate > 0 ? s + a * a : s;
    const clamped = Math.min(sNext, sMax);
    let fa = next.A[0];
    let fb = next.B[0];
    if (last > 0) {
      let i: number;
      if (start) {
        i = start[g];
        while (i < last - 1 && nodes[i + 1] <= clamped) i++;
        start[g] = i;
      } else i = Math.min(last - 1, bracket(nodes, clamped));
      const w = (clamped - nodes[i]) / (nodes[i + 1] - nodes[i]);
      fa = next.A[i] + w * (next.A[i + 1] - next.A[i]);
      fb = next.B[i] + w * (next.B[i + 1] - next.B[i]);
    }
    const f = stepFactor(rate, sNext, steps);
    out.f[g] = f;
    out.A[g] = fa;
    out.B[g] = fb;
    out.costs[g] = (a - 1) ** 2 + gamma * (f * (f * fa) - 2 * f * fb + next.L);
  }
  for (let g = 0; g < grid.length; g++) {
    const h = mirror[g];
    if (h < 0) continue;
    out.f[g] = out.f[h];
    out.A[g] = out.A[h];
    out.B[g] = out.B[h];
    out.costs[g] = out.costs[h] - 4 * grid[g];
  }
}

/** Whether episode n or a later one trains (else the tables from n on do not depend on S). */
function trainsFrom(schedule: ArrayLike<number>): Uint8Array {
  const trains = new Uint8Array(schedule.length + 1);
  for (let n = schedule.length - 1; n >= 0; n--) trains[n] = schedule[n] > 0 || trains[n + 1] ? 1 : 0;
  return trains;
}

export function solveOnGradedGrid(problem: HistoryProblem, nodes: Float64Array): HistoryPath {
  const { schedule, grid, preference, sMax, discount: gamma } = problem;
  const mirror = mirrors(grid);
  const trains = trainsFrom(schedule);
  const origin = new Float64Array(1);
  const levels: Tables[] = new Array(schedule.length + 1);
  levels[schedule.length] = { nodes: origin, A: new Float64Array(1), B: new Float64Array(1), L: 0 };
  const work = scratch(grid.length);
  const start = new Int32Array(grid.length);
  let clampedAbove = 0;
  for (let n = schedule.length - 1; n >= 0; n--) {
    const next = levels[n + 1];
    const rate = schedule[n];
    const own = trains[n] ? nodes : origin;
    const A = new Float64Array(own.length);
    const B = new Float64Array(own.length);
    start.fill(0);
    for (let p = 0; p < own.length; p++) {
      costsAt(problem, mirror, next, rate, own[p], work, start);
      const index = Math.max(0, chooseGridPoint(work.costs, grid.length, preference).index);
      const a = grid[index];
      if (rate > 0 && own[p] + a * a > sMax) clampedAbove = Math.max(clampedAbove, own[p] + a * a);
      const f = work.f[index];
      A[p] = a * a + gamma * f * (f * work.A[index]);
      B[p] = a + gamma * f * work.B[index];
    }
    levels[n] = { nodes: own, A, B, L: 1 + gamma * next.L };
  }
  const coefficients = new Float64Array(schedule.length);
  const history = new Float64Array(schedule.length);
  const ties: number[] = [];
  let s = 0;
  for (let n = 0; n < schedule.length; n++) {
    costsAt(problem, mirror, levels[n + 1], schedule[n], s, work, null);
    const choice = chooseGridPoint(work.costs, grid.length, preference);
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    const a = grid[choice.index];
    coefficients[n] = a;
    if (choice.tied) ties.push(n);
    if (schedule[n] > 0) s += a * a;
    history[n] = s;
  }
  return { coefficients, history, ties, clampedAbove };
}
