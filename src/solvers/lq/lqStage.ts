/**
 * One agent's problem in the LQ solver. With the future's value functions W2(z) = zᵀPz,
 * W1(z) = qᵀz, W0 = L (under the fixed later plan and the believed dynamics), agent n's
 * prior-averaged cost of action k is the quartic
 *   J(k) = α kᵀΣk + 2μ e_gᵀΣk + δσ_gg + γ[α tr(M Σ Mᵀ P) + 2μ qᵀ M Σ e_g + δσ_gg L],
 * M = M(k) = I − 2ℓD·G(k), G(k) = Q_zz + w kᵀ + k wᵀ + Q_yy k kᵀ.
 * With k = Σ_i a_i u_i over the policy's input directions, M = Σ_β c_β(a)·B_β over the monomials
 * c(a) = (1, a_i, a_i a_j for i ≤ j), so
 *   J(a) = γα·c(a)ᵀ X c(a) + hᵀc(a),  X_βδ = tr(B_β Σ B_δᵀ P),
 * a polynomial whose value, gradient and Hessian cost O(#monomials²) once X is built (O(d³) per
 * monomial pair, once per agent). One component: J′ is a cubic, solved in closed form.
 */
import { multiply, multiplyTransposed, traceOfProduct, zeros, type Matrix } from '../../numerics/dense.ts';
import { cubicRoots } from '../../numerics/cubic.ts';
import type { LqForms } from './lqForms.ts';
import { preferredAction, TIE_RELATIVE_TOLERANCE, type TieRuleName } from '../tieRule.ts';

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

/** Monomials of degree ≤ 2 in m variables: index pairs (−1 for "none"): 1, a_i, a_i·a_j (i ≤ j). */
function monomials(m: number): [number, number][] {
  const list: [number, number][] = [[-1, -1]];
  for (let i = 0; i < m; i++) list.push([i, -1]);
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) list.push([i, j]);
  return list;
}

export class LqStage {
  private readonly f: LqForms;
  private readonly discount: number;
  private readonly tieRule: TieRuleName;
  /** The honest action: 1 on the goal's input, 0 on the others (the tie rule 'honest' aims at it). */
  readonly honest: Float64Array;
  private readonly d: number;
  private readonly m: number;
  private readonly terms: [number, number][];
  private readonly basis: Matrix[];
  /** G_t and the identity part of B_t (basisParts): what B_t is made of apart from ℓ. */
  private readonly gParts: Matrix[];
  private readonly identityParts: Matrix[];
  private readonly basisSigmaT: Matrix[];
  private readonly gram: Float64Array;
  private readonly linear: Float64Array;
  private constant = 0;
  private rate = 0;
  private future: LqFuture;
  private readonly sigmaGoal: Float64Array;
  private readonly scratch: { t1: Matrix; t2: Matrix; c: Float64Array; dc: Float64Array; xc: Float64Array; xdc: Float64Array; roots: Float64Array; costs: Float64Array };

  constructor(forms: LqForms, discount: number, tieRule: TieRuleName = 'smallest') {
    this.f = forms;
    this.discount = discount;
    this.tieRule = tieRule;
    this.honest = Float64Array.from(forms.inputs, (i) => (i === forms.goal ? 1 : 0));
    this.d = forms.d;
    this.m = forms.inputs.length;
    this.terms = monomials(this.m);
    const t = this.terms.length;
    this.basis = this.terms.map(() => zeros(this.d));
    this.basisSigmaT = this.terms.map(() => zeros(this.d));
    [this.gParts, this.identityParts] = basisParts(forms, this.terms);
    this.gram = new Float64Array(t * t);
    this.linear = new Float64Array(t);
    this.future = { P: zeros(this.d), q: new Float64Array(this.d), L: 0 };
    this.sigmaGoal = Float64Array.from({ length: this.d }, (_, i) => forms.sigma[i * this.d + forms.goal]);
    this.scratch = {
      t1: zeros(this.d),
      t2: zeros(this.d),
      c: new Float64Array(t),
      dc: new Float64Array(t * this.m),
      xc: new Float64Array(t),
      xdc: new Float64Array(t * this.m),
      roots: new Float64Array(3),
      costs: new Float64Array(3),
    };
  }

  /** Builds the polynomial J(a) for learning rate ℓ and the future's value functions. */
  prepare(rate: number, future: LqFuture): void {
    this.rate = rate;
    this.future = future;
    const { f, d, terms, basis, gram, linear } = this;
    const s = -2 * rate;
    const u = f.inputs;
    // B_t = (I for t = 1) − 2ℓD·G_t, the G_t built once (basisParts).
    const trainable = f.trainable;
    for (let t = 0; t < terms.length; t++) {
      const b = basis[t];
      const g = this.gParts[t];
      const one = this.identityParts[t];
      for (let r = 0; r < d; r++) {
        const row = s * trainable[r];
        for (let c = 0; c < d; c++) b[r * d + c] = one[r * d + c] + row * g[r * d + c];
      }
      // Σ B_tᵀ P, so that X_βδ = tr(B_β · Σ B_δᵀ P).
      multiply(f.sigma, multiplyTransposed(b, future.P, d, this.scratch.t1), d, this.basisSigmaT[t]);
    }
    const gamma = this.discount;
    for (let a = 0; a < terms.length; a++) {
      for (let b = a; b < terms.length; b++) {
        const x = gamma * f.alpha * traceOfProduct(basis[a], this.basisSigmaT[b], d);
        gram[a * terms.length + b] = x;
        gram[b * terms.length + a] = x;
      }
    }
    // Linear part hᵀc(a): the present episode's αkᵀΣk + 2μe_gᵀΣk and the future's 2γμ qᵀ B Σ e_g.
    const sigmaGG = f.sigma[f.goal * d + f.goal];
    for (let t = 0; t < terms.length; t++) {
      const [i, j] = terms[t];
      let h = 2 * gamma * f.mu * qBSigmaGoal(future.q, basis[t], this.sigmaGoal, d);
      if (i >= 0 && j < 0) h += 2 * f.mu * this.sigmaGoal[u[i]];
      if (j >= 0) h += f.alpha * f.sigma[u[i] * d + u[j]] * (i === j ? 1 : 2);
      linear[t] = h;
    }
    this.constant = f.delta * sigmaGG + gamma * f.delta * sigmaGG * future.L;
  }

  /** J(a) from the polynomial (a: one entry per policy input). */
  value(a: ArrayLike<number>): number {
    const c = this.monomialValues(a);
    const t = this.terms.length;
    let sum = this.constant;
    for (let x = 0; x < t; x++) {
      let row = 0;
      for (let y = 0; y < t; y++) row += this.gram[x * t + y] * c[y];
      sum += c[x] * (row + this.linear[x]);
    }
    return sum;
  }

  /**
   * ∇J and ∇²J at a. With J = cᵀXc + hᵀc (X symmetric): ∂_kJ = Σ_x ∂_k c_x (2(Xc)_x + h_x) and
   * ∂_klJ = 2 Σ_x ∂_k c_x (X ∂_l c)_x + Σ_x ∂_kl c_x (2(Xc)_x + h_x), where ∂_kl c_x is 1 for the
   * monomial a_k·a_l (2 for a_k²) and 0 otherwise.
   */
  gradientAndHessian(a: ArrayLike<number>, gradient: Float64Array, hessian: Float64Array): void {
    const { m, terms, gram, linear } = this;
    const t = terms.length;
    const c = this.monomialValues(a);
    const { dc, xc, xdc } = this.scratch;
    for (let x = 0; x < t; x++) {
      const [i, j] = terms[x];
      for (let k = 0; k < m; k++) dc[x * m + k] = i < 0 ? 0 : j < 0 ? (i === k ? 1 : 0) : (i === k ? a[j] : 0) + (j === k ? a[i] : 0);
    }
    for (let x = 0; x < t; x++) {
      let sum = 0;
      for (let y = 0; y < t; y++) sum += gram[x * t + y] * c[y];
      xc[x] = 2 * sum + linear[x];
      for (let l = 0; l < m; l++) {
        let row = 0;
        for (let y = 0; y < t; y++) row += gram[x * t + y] * dc[y * m + l];
        xdc[x * m + l] = row;
      }
    }
    for (let k = 0; k < m; k++) {
      let g = 0;
      for (let x = 0; x < t; x++) g += dc[x * m + k] * xc[x];
      gradient[k] = g;
      for (let l = k; l < m; l++) {
        let h = 0;
        for (let x = 0; x < t; x++) h += 2 * dc[x * m + k] * xdc[x * m + l];
        hessian[k * m + l] = h;
      }
    }
    for (let x = 1 + m; x < t; x++) {
      const [i, j] = terms[x];
      hessian[i * m + j] += (i === j ? 2 : 1) * xc[x];
    }
    for (let k = 0; k < m; k++) for (let l = 0; l < k; l++) hessian[k * m + l] = hessian[l * m + k];
  }

  private monomialValues(a: ArrayLike<number>): Float64Array {
    const { c } = this.scratch;
    const terms = this.terms;
    for (let x = 0; x < terms.length; x++) {
      const [i, j] = terms[x];
      c[x] = i < 0 ? 1 : j < 0 ? a[i] : a[i] * a[j];
    }
    return c;
  }

  /**
   * The global minimiser along the single policy direction: the best real root of the cubic J′;
   * two distinct roots with equal J (within the tolerance) are a tie, which the tie rule breaks.
   */
  minimiseAlongLine(choice: LqChoice): LqChoice {
    // c = (1, a, a²): J = X00 + 2X01·a + (X11 + 2X02)·a² + 2X12·a³ + X22·a⁴ + h0 + h1·a + h2·a² + const.
    const x = this.gram;
    const h = this.linear;
    const h0 = h[0];
    const h1 = h[1];
    const h2 = h[2];
    const c4 = x[8];
    const c3 = 2 * x[5];
    const c2 = x[4] + 2 * x[2] + h2;
    const c1 = 2 * x[1] + h1;
    const c0 = x[0] + h0 + this.constant;
    const { roots, costs } = this.scratch;
    const count = cubicRoots(4 * c4, 3 * c3, 2 * c2, c1, roots);
    let bestCost = Infinity;
    costs.fill(Infinity);
    for (let i = 0; i < count; i++) {
      const a = roots[i];
      costs[i] = (((c4 * a + c3) * a + c2) * a + c1) * a + c0;
      if (costs[i] < bestCost) bestCost = costs[i];
    }
    let best = NaN;
    choice.tied = false;
    for (let i = 0; i < count; i++) {
      if (!(costs[i] <= bestCost + TIE_RELATIVE_TOLERANCE * Math.abs(bestCost))) continue;
      if (Number.isNaN(best)) best = roots[i];
      else if (Math.abs(roots[i] - best) > 1e-9 * Math.max(1, Math.abs(best))) {
        choice.tied = true;
        best = preferredAction(this.tieRule, best, roots[i], this.honest[0]);
      }
    }
    choice.action[0] = best;
    choice.cost = bestCost;
    return choice;
  }

  /** M(k) = I − 2ℓD·(Q_zz + w kᵀ + k wᵀ + Q_yy k kᵀ), written into `out`; k in state coordinates. */
  transition(k: Float64Array, out: Matrix): Matrix {
    const { f, d } = this;
    const s = -2 * this.rate;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const g = f.qzz[i * d + j] + f.w[i] * k[j] + k[i] * f.w[j] + f.qyy * k[i] * k[j];
        out[i * d + j] = (i === j ? 1 : 0) + s * f.trainable[i] * g;
      }
    }
    return out;
  }

  /** The action's components placed in state coordinates. */
  stateVector(action: ArrayLike<number>, out: Float64Array): Float64Array {
    out.fill(0);
    const inputs = this.f.inputs;
    for (let i = 0; i < inputs.length; i++) out[inputs[i]] += action[i];
    return out;
  }

  /** J(k) straight from its definition (k in state coordinates): the check on the polynomial. */
  cost(k: Float64Array): number {
    const { f, d, discount: gamma, future } = this;
    const { t1, t2 } = this.scratch;
    const M = this.transition(k, zeros(d));
    const sigmaGG = f.sigma[f.goal * d + f.goal];
    let sigmaK = 0;
    for (let i = 0; i < d; i++) sigmaK += this.sigmaGoal[i] * k[i];
    let quadratic = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) quadratic += k[i] * f.sigma[i * d + j] * k[j];
    const now = f.alpha * quadratic + 2 * f.mu * sigmaK + f.delta * sigmaGG;
    multiply(M, f.sigma, d, t1);
    multiplyTransposed(M, future.P, d, t2);
    return now + gamma * (f.alpha * traceOfProduct(t1, t2, d) + 2 * f.mu * qBSigmaGoal(future.q, M, this.sigmaGoal, d) + f.delta * sigmaGG * future.L);
  }
}

/**
 * B_t = I_t − 2ℓD·G_t for each monomial t, with I_t = I for the constant monomial (0 otherwise)
 * and G_1 = Q_zz, G_{a_i} = w u_iᵀ + u_i wᵀ, G_{a_i a_j} = Q_yy(u_i u_jᵀ + u_j u_iᵀ) (i < j),
 * Q_yy u_i u_iᵀ (i = j). Neither depends on ℓ or the future: built once per solve.
 */
function basisParts(f: LqForms, terms: readonly [number, number][]): [Matrix[], Matrix[]] {
  const d = f.d;
  const u = f.inputs;
  const gs: Matrix[] = [];
  const ones: Matrix[] = [];
  for (const [i, j] of terms) {
    const g = zeros(d);
    const one = zeros(d);
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        if (i < 0) g[r * d + c] = f.qzz[r * d + c];
        else if (j < 0) g[r * d + c] = (c === u[i] ? f.w[r] : 0) + (r === u[i] ? f.w[c] : 0);
        else g[r * d + c] = f.qyy * ((r === u[i] && c === u[j] ? 1 : 0) + (i !== j && r === u[j] && c === u[i] ? 1 : 0));
        one[r * d + c] = i < 0 && r === c ? 1 : 0;
      }
    }
    gs.push(g);
    ones.push(one);
  }
  return [gs, ones];
}

/** qᵀ·B·(Σe_g). */
function qBSigmaGoal(q: Float64Array, b: Matrix, sigmaGoal: Float64Array, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) sum += q[i] * b[i * d + j] * sigmaGoal[j];
  return sum;
}
