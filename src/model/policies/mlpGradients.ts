/**
 * Derivatives of the scalar MLP y = f_w(x) of mlp.ts (same packing: per layer, weights row-major
 * then biases), as the neural solver needs them.
 *
 * Forward pass, second order in the input (u⁰ = x, du⁰ = 1, d²u⁰ = 0), hidden layer l:
 *   z = W·u + b,  dz = W·du,  d²z = W·d²u,
 *   h = σ(z),  dh = σ′(z)·dz,  d²h = σ″(z)·dz² + σ′(z)·d²z,
 * output y = V·h + c, s = f′_w(x) = V·dh, f″_w(x) = V·d²h.
 *
 * Reverse pass for α·∂y/∂w + β·∂s/∂w (s = f′_w(x), so ∂s/∂w is the mixed derivative the base
 * optimizer's step θ′ = θ − ℓ·∂ℓ/∂y·f′_w(θ) brings in), with adjoints h̄, dh̄ of h and dh:
 *   output:  ∂/∂V_i = α·h_i + β·dh_i,  ∂/∂c = α,  h̄ = α·V,  dh̄ = β·V;
 *   hidden:  z̄ = h̄·σ′(z) + dh̄·σ″(z)·dz,  dz̄ = dh̄·σ′(z),
 *            ∂/∂W_ji = z̄_j·u_i + dz̄_j·du_i,  ∂/∂b_j = z̄_j,  ū = Wᵀz̄,  dū = Wᵀdz̄.
 */
import type { Activation } from '../game.ts';
import type { MlpShape } from './mlp.ts';

/** Fills h = σ(z), d1 = σ′(z), d2 = σ″(z) for the first `width` entries. */
type ActivationPass = (z: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array, width: number) => void;

const PASSES: Record<Activation, ActivationPass> = {
  tanh: (z, h, d1, d2, width) => {
    for (let j = 0; j < width; j++) {
      const t = Math.tanh(z[j]);
      h[j] = t;
      d1[j] = 1 - t * t;
      d2[j] = -2 * t * (1 - t * t);
    }
  },
  // σ″ = 0 away from the kink; at z = 0 the slope is taken as 0, as mlp.ts does.
  relu: (z, h, d1, d2, width) => {
    for (let j = 0; j < width; j++) {
      h[j] = z[j] > 0 ? z[j] : 0;
      d1[j] = z[j] > 0 ? 1 : 0;
      d2[j] = 0;
    }
  },
  sigmoid: (z, h, d1, d2, width) => {
    for (let j = 0; j < width; j++) {
      const s = 1 / (1 + Math.exp(-z[j]));
      h[j] = s;
      d1[j] = s * (1 - s);
      d2[j] = s * (1 - s) * (1 - 2 * s);
    }
  },
};

/** The buffers of one hidden layer, kept from the forward pass for the reverse pass. */
interface Layer {
  readonly width: number;
  /** Offset of this layer's weights in w; its biases follow at offset + width·fanIn. */
  readonly offset: number;
  readonly fanIn: number;
  readonly z: Float64Array;
  readonly dz: Float64Array;
  readonly d2z: Float64Array;
  readonly h: Float64Array;
  readonly dh: Float64Array;
  readonly d2h: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

/**
 * One network shape's scratch space: `forward` evaluates y, f′ and f″ at a point and keeps the
 * intermediates; `backward` then accumulates α·∂y/∂w + β·∂f′/∂w. No allocation per call, since
 * the solver calls these millions of times.
 */
export class MlpTape {
  /** f_w(x) at the last forward point. */
  y = NaN;
  /** f′_w(x). */
  slope = NaN;
  /** f″_w(x). */
  curvature = NaN;
  private readonly pass: ActivationPass;
  private readonly layers: Layer[];
  private readonly outputOffset: number;
  /** u⁰ = x, du⁰ = 1, d²u⁰ = 0. */
  private readonly input = new Float64Array(1);
  private readonly inputSlope = Float64Array.of(1);
  private readonly inputCurvature = new Float64Array(1);
  private readonly zBar: Float64Array;
  private readonly dzBar: Float64Array;
  private hBar: Float64Array;
  private dhBar: Float64Array;
  private uBar: Float64Array;
  private duBar: Float64Array;

  constructor(shape: MlpShape) {
    this.pass = PASSES[shape.activation];
    let offset = 0;
    let fanIn = 1;
    this.layers = shape.hidden.map((width) => {
      const layer: Layer = {
        width, offset, fanIn,
        z: new Float64Array(width), dz: new Float64Array(width), d2z: new Float64Array(width),
        h: new Float64Array(width), dh: new Float64Array(width), d2h: new Float64Array(width),
        d1: new Float64Array(width), d2: new Float64Array(width),
      };
      offset += width * fanIn + width;
      fanIn = width;
      return layer;
    });
    this.outputOffset = offset;
    const widest = Math.max(...shape.hidden);
    [this.zBar, this.dzBar, this.hBar, this.dhBar, this.uBar, this.duBar] = Array.from({ length: 6 }, () => new Float64Array(widest));
  }

  /** Evaluates y, f′ and f″ at x (the three fields) and records the pass for `backward`. */
  forward(w: Float64Array, x: number): void {
    this.input[0] = x;
    let u: Float64Array = this.input;
    let du: Float64Array = this.inputSlope;
    let d2u: Float64Array = this.inputCurvature;
    for (const layer of this.layers) {
      const { width, offset, fanIn, z, dz, d2z } = layer;
      const biases = offset + width * fanIn;
      for (let j = 0; j < width; j++) {
        const row = offset + j * fanIn;
        let zj = w[biases + j];
        let dzj = 0;
        let d2zj = 0;
        for (let i = 0; i < fanIn; i++) {
          const wji = w[row + i];
          zj += wji * u[i];
          dzj += wji * du[i];
          d2zj += wji * d2u[i];
        }
        z[j] = zj;
        dz[j] = dzj;
        d2z[j] = d2zj;
      }
      const { h, dh, d2h, d1, d2 } = layer;
      this.pass(z, h, d1, d2, width);
      for (let j = 0; j < width; j++) {
        dh[j] = d1[j] * dz[j];
        d2h[j] = d2[j] * dz[j] * dz[j] + d1[j] * d2z[j];
      }
      u = h;
      du = dh;
      d2u = d2h;
    }
    const last = this.layers[this.layers.length - 1];
    const o = this.outputOffset;
    let y = w[o + last.width];
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < last.width; i++) {
      y += w[o + i] * last.h[i];
      s += w[o + i] * last.dh[i];
      s2 += w[o + i] * last.d2h[i];
    }
    this.y = y;
    this.slope = s;
    this.curvature = s2;
  }

  /** grad += α·∂y/∂w + β·∂f′/∂w at the last forward point (w must be the same weights). */
  backward(w: Float64Array, alpha: number, beta: number, grad: Float64Array): void {
    const last = this.layers[this.layers.length - 1];
    const o = this.outputOffset;
    let { hBar, dhBar, uBar, duBar } = this;
    for (let i = 0; i < last.width; i++) {
      grad[o + i] += alpha * last.h[i] + beta * last.dh[i];
      hBar[i] = alpha * w[o + i];
      dhBar[i] = beta * w[o + i];
    }
    grad[o + last.width] += alpha;
    const { zBar, dzBar } = this;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const { width, offset, fanIn, dz, d1, d2 } = this.layers[l];
      const biases = offset + width * fanIn;
      for (let j = 0; j < width; j++) {
        zBar[j] = hBar[j] * d1[j] + dhBar[j] * d2[j] * dz[j];
        dzBar[j] = dhBar[j] * d1[j];
        grad[biases + j] += zBar[j];
      }
      if (l === 0) {
        // u = x, du = 1: ∂/∂W_j = z̄_j·x + dz̄_j.
        for (let j = 0; j < width; j++) grad[offset + j] += zBar[j] * this.input[0] + dzBar[j];
        break;
      }
      const { h: u, dh: du } = this.layers[l - 1];
      uBar.fill(0, 0, fanIn);
      duBar.fill(0, 0, fanIn);
      for (let j = 0; j < width; j++) {
        const row = offset + j * fanIn;
        const zb = zBar[j];
        const dzb = dzBar[j];
        for (let i = 0; i < fanIn; i++) {
          grad[row + i] += zb * u[i] + dzb * du[i];
          uBar[i] += w[row + i] * zb;
          duBar[i] += w[row + i] * dzb;
        }
      }
      const [hSwap, dhSwap] = [hBar, dhBar];
      hBar = uBar;
      dhBar = duBar;
      uBar = hSwap;
      duBar = dhSwap;
    }
  }
}
