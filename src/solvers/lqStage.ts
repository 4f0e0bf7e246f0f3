/**
 * One agent's problem in the LQ solver. With the future's value functions W2(z) = zᵀPz,
 * W1(z) = qᵀz, W0 = L (under the fixed later plan and the believed dynamics), agent n's
 * prior-averaged cost of action k is the quartic
 *   J(k) = α kᵀΣk + 2μ e_gᵀΣk + δσ_gg + γ[α tr(M Σ Mᵀ P) + 2μ qᵀ M Σ e_g + δσ_gg L],
 * M = M(k) = I − 2ℓD·G(k), G(k) = Q_zz + w kᵀ + k wᵀ + Q_yy k kᵀ. Along one direction u
 * (k = a·u) M = M0 + aM1 + a²M2, so J is a quartic in a with closed-form coefficients and its
 * minimum is a root of the cubic J′; in more directions, Newton's method from several starts,
 * with analytic gradient and Hessian.
 */
import { bilinear, multiply, multiplyTransposed, traceOfProduct, zeros, type Matrix } from '../linalg/dense.ts';
import { cubicRoots } from './cubic.ts';
import type { LqForms } from './lqForms.ts';
import { TIE_RELATIVE_TOLERANCE } from './tieRule.ts';

/** The future as seen from the next state: W2 = zᵀPz, W1 = qᵀz, W0 = L. */
export interface LqFuture {
  P: Matrix;
  q: Float64Array;
  L: number;
}

export interface LqChoice {
  /** The chosen action, one entry per policy input. */
  readonly action: Float64Array;
  cost: number;
  tied: boolean;
}

export class LqStage {
  private readonly f: LqForms;
  private readonly discount: number;
  private rate = 0;
  private future: LqFuture;
  private readonly d: number;
  private readonly sigmaGoal: Float64Array;
  // Scratch matrices, reused for every evaluation (the backward pass allocates nothing).
  private readonly m: Matrix;
  private readonly t1: Matrix;
  private readonly t2: Matrix;
  private readonly dm: Matrix[];
  private readonly roots = new Float64Array(3);

  constructor(forms: LqForms, discount: number) {
    this.f = forms;
    this.discount = discount;
    this.d = forms.d;
    const d = forms.d;
    this.future = { P: zeros(d), q: new Float64Array(d), L: 0 };
    this.m = zeros(d);
    this.t1 = zeros(d);
    this.t2 = zeros(d);
    this.dm = forms.inputs.map(() => zeros(d));
    this.sigmaGoal = Float64Array.from({ length: d }, (_, i) => forms.sigma[i * d + forms.goal]);
  }

  prepare(rate: number, future: LqFuture): void {
    this.rate = rate;
    this.future = future;
  }

  /** M(k) = I − 2ℓD·(Q_zz + w kᵀ + k wᵀ + Q_yy k kᵀ), written into `out`; k in state coordinates. */
  transition(k: Float64Array, out: Matrix, forms: { qyy: number; w: Float64Array; qzz: Matrix } = this.f, trainable = this.f.trainable): Matrix {
    const d = k.length;
    const s = -2 * this.rate;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const g = forms.qzz[i * d + j] + forms.w[i] * k[j] + k[i] * forms.w[j] + forms.qyy * k[i] * k[j];
        out[i * d + j] = (i === j ? 1 : 0) + s * trainable[i] * g;
      }
    }
    return out;
  }

  /** The action's components placed in state coordinates. */
  stateVector(action: ArrayLike<number>, out: Float64Array): Float64Array {
    out.fill(0);
    this.f.inputs.forEach((index, i) => (out[index] += action[i]));
    return out;
  }

  /** J(k) for k in state coordinates. */
  cost(k: Float64Array): number {
    const { f, d, discount: gamma, future } = this;
    const M = this.transition(k, this.m);
    const sigmaGG = f.sigma[f.goal * d + f.goal];
    const now = f.alpha * bilinear(k, f.sigma, k, d) + 2 * f.mu * dot(this.sigmaGoal, k) + f.delta * sigmaGG;
    if (gamma === 0) return now;
    // tr(M Σ Mᵀ P) = tr((MΣ)(MᵀP)) and qᵀ M Σ e_g.
    multiply(M, f.sigma, d, this.t1);
    multiplyTransposed(M, future.P, d, this.t2);
    const trace = traceOfProduct(this.t1, this.t2, d);
    let linear = 0;
    for (let i = 0; i < d; i++) linear += future.q[i] * this.t1[i * d + f.goal];
    return now + gamma * (f.alpha * trace + 2 * f.mu * linear + f.delta * sigmaGG * future.L);
  }

  /** The quartic J(a·u) for the single policy direction u: coefficients c0 … c4. */
  lineQuartic(): [number, number, number, number, number] {
    const { f, d, discount: gamma, future } = this;
    const u = f.inputs[0];
    const s = -2 * this.rate;
    const m0 = zeros(d);
    const m1 = zeros(d);
    const m2 = zeros(d);
    for (let i = 0; i < d; i++) {
      const row = s * f.trainable[i];
      for (let j = 0; j < d; j++) {
        m0[i * d + j] = (i === j ? 1 : 0) + row * f.qzz[i * d + j];
        m1[i * d + j] = row * ((i === u ? f.w[j] : 0) + (j === u ? f.w[i] : 0));
        m2[i * d + j] = row * (i === u && j === u ? f.qyy : 0);
      }
    }
    const ms = [m0, m1, m2];
    // Y_j = Σ M_jᵀ P, so X_ij = tr(M_i Σ M_jᵀ P) = tr(M_i Y_j).
    const y = ms.map((mj) => multiply(f.sigma, multiplyTransposed(mj, future.P, d, zeros(d)), d, zeros(d)));
    const x = (i: number, j: number) => traceOfProduct(ms[i], y[j], d);
    const r = ms.map((mi) => {
      let sum = 0;
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) sum += future.q[i] * mi[i * d + j] * this.sigmaGoal[j];
      return sum;
    });
    const su = f.sigma[u * d + u];
    const lu = this.sigmaGoal[u];
    const sigmaGG = f.sigma[f.goal * d + f.goal];
    const { alpha, mu, delta } = f;
    return [
      delta * sigmaGG + gamma * (alpha * x(0, 0) + 2 * mu * r[0] + delta * sigmaGG * future.L),
      2 * mu * lu + gamma * (2 * alpha * x(0, 1) + 2 * mu * r[1]),
      alpha * su + gamma * (alpha * (x(1, 1) + 2 * x(0, 2)) + 2 * mu * r[2]),
      gamma * 2 * alpha * x(1, 2),
      gamma * alpha * x(2, 2),
    ];
  }

  /** The global minimiser along the single policy direction: the best real root of J′. */
  minimiseAlongLine(choice: LqChoice): LqChoice {
    const [c0, c1, c2, c3, c4] = this.lineQuartic();
    const count = cubicRoots(4 * c4, 3 * c3, 2 * c2, c1, this.roots);
    let best = NaN;
    let bestCost = Infinity;
    const costs: number[] = [];
    for (let i = 0; i < count; i++) {
      const a = this.roots[i];
      costs.push((((c4 * a + c3) * a + c2) * a + c1) * a + c0);
      if (costs[i] < bestCost) bestCost = costs[i];
    }
    choice.tied = false;
    for (let i = 0; i < count; i++) {
      if (!(costs[i] <= bestCost + TIE_RELATIVE_TOLERANCE * Math.abs(bestCost))) continue;
      if (Number.isNaN(best)) best = this.roots[i];
      else if (Math.abs(this.roots[i] - best) > 1e-9 * Math.max(1, Math.abs(best))) {
        choice.tied = true;
        best = Math.min(best, this.roots[i]);
      }
    }
    choice.action[0] = best;
    choice.cost = bestCost;
    return choice;
  }

  /**
   * ∇J and ∇²J with respect to the action components at k (state coordinates), from
   * dM_i = −2ℓD(w u_iᵀ + u_i wᵀ + Q_yy(u_i kᵀ + k u_iᵀ)) and d²M_ij = −2ℓD·Q_yy(u_i u_jᵀ + u_j u_iᵀ):
   *   ∂_iJ = 2α u_iᵀΣk + 2μ(Σe_g)_i + γ[2α tr(dM_i Σ MᵀP) + 2μ qᵀ dM_i Σ e_g],
   *   ∂_ijJ = 2αΣ_ij + γ[2α tr(d²M_ij Σ MᵀP) + 2α tr(dM_i Σ dM_jᵀ P) + 2μ qᵀ d²M_ij Σ e_g].
   */
  gradientAndHessian(k: Float64Array, gradient: Float64Array, hessian: Float64Array): void {
    const { f, d, discount: gamma, future, dm } = this;
    const inputs = f.inputs;
    const m = inputs.length;
    const s = -2 * this.rate;
    const M = this.transition(k, this.m);
    // Z = Σ Mᵀ P.
    const z = multiply(f.sigma, multiplyTransposed(M, future.P, d, this.t1), d, this.t2);
    for (let a = 0; a < m; a++) {
      const u = inputs[a];
      const dM = dm[a];
      for (let r = 0; r < d; r++) {
        for (let c = 0; c < d; c++) {
          const g = f.w[r] * (c === u ? 1 : 0) + (r === u ? f.w[c] : 0) + f.qyy * ((r === u ? k[c] : 0) + (c === u ? k[r] : 0));
          dM[r * d + c] = s * f.trainable[r] * g;
        }
      }
      let sigmaK = 0;
      for (let c = 0; c < d; c++) sigmaK += f.sigma[u * d + c] * k[c];
      gradient[a] = 2 * f.alpha * sigmaK + 2 * f.mu * this.sigmaGoal[u] + gamma * (2 * f.alpha * traceOfProduct(dM, z, d) + 2 * f.mu * bilinear(future.q, dM, this.sigmaGoal, d));
    }
    const dMSigma = zeros(d);
    const tmp = zeros(d);
    for (let a = 0; a < m; a++) {
      multiply(dm[a], f.sigma, d, dMSigma);
      for (let b = a; b < m; b++) {
        const [u, v] = [inputs[a], inputs[b]];
        // Second-derivative terms: d²M_ab is nonzero only in rows u and v.
        const second = (r: number, c: number) => s * f.trainable[r] * f.qyy * ((r === u && c === v ? 1 : 0) + (r === v && c === u ? 1 : 0));
        let traceSecond = 0;
        let linearSecond = 0;
        for (const r of new Set([u, v])) {
          for (const c of new Set([u, v])) {
            const value = second(r, c);
            traceSecond += value * z[c * d + r];
            linearSecond += future.q[r] * value * this.sigmaGoal[c];
          }
        }
        // tr(dM_a Σ dM_bᵀ P) = tr((dM_a Σ)(dM_bᵀ P)).
        const cross = traceOfProduct(dMSigma, multiplyTransposed(dm[b], future.P, d, tmp), d);
        const h = 2 * f.alpha * f.sigma[u * d + v] + gamma * (2 * f.alpha * (traceSecond + cross) + 2 * f.mu * linearSecond);
        hessian[a * m + b] = h;
        hessian[b * m + a] = h;
      }
    }
  }

}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
