/**
 * The coarse search's transitions, tabulated once per learning rate. Agent n's cost at a coarse
 * action k is
 *   J_n(k) = mean_i Σ_q w_q·[c(y, g_i) + γ(α·W2(n+1, z′) + 2μg_i·W1(n+1, z′) + δg_i²·W0(n+1))],
 * where y and z′ = T_k(z_i, ξ_q) depend only on (k, z_i, ξ_q, ℓ_n), not on n's future: agents at
 * the same rate (a schedule's runs, e.g. 1x200,0x800) share them. The table keeps, per (k, i, q),
 * the immediate cost c(y, g_i) and z′'s interpolation stencil, so each agent's coarse costs are
 * dot products with its future's tables — the same numbers agentCost computes, in the same order,
 * hence identical costs. Size: |coarse axis|^m · (prior points) · Q stencils of ≤ 4^d entries,
 * built only within STENCIL_BUDGET entries.
 */
import type { DpFuture, DpModel, DpScratch } from './dpModel.ts';
import { writeAction } from './dpSearch.ts';

/** Most stencil entries a table may hold (12 bytes each: ≤ 48 MB). */
const STENCIL_BUDGET = 1 << 22;

export class CoarseTable {
  readonly rate: number;
  private readonly model: DpModel;
  private readonly candidates: number;
  private readonly immediate: Float64Array;
  private readonly offsets: Int32Array;
  private indices: Int32Array;
  private weights: Float64Array;

  private constructor(model: DpModel, candidates: number, rate: number) {
    this.model = model;
    this.rate = rate;
    this.candidates = candidates;
    const cells = candidates * model.goals.length * model.rule.nodes.length;
    this.immediate = new Float64Array(cells);
    this.offsets = new Int32Array(cells + 1);
    this.indices = new Int32Array(cells * 2);
    this.weights = new Float64Array(cells * 2);
  }

  /** The table of the coarse actions `axis`^m at `rate`, or null when it would exceed the budget. */
  static build(model: DpModel, axis: Float64Array, m: number, rate: number, scratch: DpScratch): CoarseTable | null {
    const candidates = axis.length ** m;
    const worst = candidates * model.goals.length * model.rule.nodes.length * scratch.stencil.indices.length;
    if (worst > STENCIL_BUDGET) return null;
    const table = new CoarseTable(model, candidates, rate);
    const k = new Float64Array(m);
    for (let a = 0; a < candidates; a++) table.fill(a, writeAction(a, axis, m, k), scratch);
    return table;
  }

  /** Rows (k = candidate a) of y's immediate cost and z′'s stencil, as agentCost computes them. */
  private fill(a: number, action: Float64Array, scratch: DpScratch): void {
    const { d, rule, transition, grid, mesa, prior, goals } = this.model;
    const locates = this.model.game.discount !== 0;
    const { state, next, stencil } = scratch;
    const Q = rule.nodes.length;
    for (let i = 0; i < goals.length; i++) {
      for (let j = 0; j < d; j++) state[j] = prior[i * d + j];
      transition.prepare(action, state, this.rate);
      for (let q = 0; q < Q; q++) {
        const cell = (a * goals.length + i) * Q + q;
        const y = transition.advance(rule.nodes[q], next);
        this.immediate[cell] = mesa(y, goals[i]);
        let end = this.offsets[cell];
        if (locates) {
          stencil.locate(grid, next);
          this.reserve(end + stencil.count);
          for (let e = 0; e < stencil.count; e++, end++) {
            this.indices[end] = stencil.indices[e];
            this.weights[end] = stencil.weights[e];
          }
        }
        this.offsets[cell + 1] = end;
      }
    }
  }

  private reserve(length: number): void {
    if (length <= this.indices.length) return;
    const size = Math.max(length, 2 * this.indices.length);
    const indices = new Int32Array(size);
    const weights = new Float64Array(size);
    indices.set(this.indices);
    weights.set(this.weights);
    this.indices = indices;
    this.weights = weights;
  }

  /** J_n at every coarse action (index order as `axis`^m, component 0 most significant) into `out`. */
  costs(future: DpFuture, out: Float64Array): void {
    const { rule, alpha, mu, delta, goals } = this.model;
    const gamma = this.model.game.discount;
    const readFuture = gamma !== 0 && !future.empty;
    const { immediate, offsets, indices, weights } = this;
    const { w2: table2, w1: table1, w0 } = future;
    const Q = rule.nodes.length;
    let cell = 0;
    for (let a = 0; a < this.candidates; a++) {
      let total = 0;
      for (let i = 0; i < goals.length; i++) {
        const g = goals[i];
        let expected = 0;
        for (let q = 0; q < Q; q++, cell++) {
          let value = immediate[cell];
          if (readFuture) {
            // Stencil.interpolatePair's sums, entry by entry.
            let first = 0;
            let second = 0;
            for (let e = offsets[cell]; e < offsets[cell + 1]; e++) {
              const index = indices[e];
              first += weights[e] * table2[index];
              second += weights[e] * table1[index];
            }
            value += gamma * (alpha * first + 2 * mu * g * second + delta * g * g * w0);
          }
          expected += rule.weights[q] * value;
        }
        total += expected;
      }
      out[a] = total / goals.length;
    }
  }
}
