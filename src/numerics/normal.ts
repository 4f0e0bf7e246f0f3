/**
 * Standard normal draws by the Box–Muller transform: for independent u₁ ∈ (0, 1] and
 * u₂ ∈ [0, 1), with ρ = √(−2 ln u₁),
 *   ξ₁ = ρ·cos(2πu₂),  ξ₂ = ρ·sin(2πu₂)
 * are independent N(0, 1). Each pair of uniforms gives two draws; the second is kept for the next
 * call, so a sampler's sequence depends only on its generator's seed.
 */
import { uniform01, type Rng } from './rng.ts';

export class NormalSampler {
  private readonly rng: Rng;
  private spare = NaN;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** The next N(0, 1) draw. */
  next(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare;
      this.spare = NaN;
      return value;
    }
    const u1 = 1 - uniform01(this.rng); // in (0, 1]: the logarithm stays finite
    const u2 = uniform01(this.rng);
    const rho = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.spare = rho * Math.sin(angle);
    return rho * Math.cos(angle);
  }
}
