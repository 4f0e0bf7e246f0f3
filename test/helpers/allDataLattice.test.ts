/**
 * The test helper allDataLattice (the exact-lattice reference of the online-learning headline)
 * against brute-force subgame-perfect play, and its capped solves (bound and unresolved states)
 * against solves whose tables hold every reachable S.
 */
import { describe, expect, it } from 'vitest';
import { TIE_RELATIVE_TOLERANCE } from '../../src/solvers/tieRule.ts';
import { allDataLattice } from './allDataLattice.ts';
import { bruteForceSpe } from './historySpe.ts';

const GRID = Array.from({ length: 401 }, (_, i) => -2 + (4 * i) / 400);
const constantRates = (rate: number, episodes: number) => Array.from({ length: episodes }, () => rate);
/** Every S reachable in N episodes (a² ≤ 4 per episode), in units of 10⁻⁴. */
const fullReach = (episodes: number) => 40000 * episodes;

describe('allDataLattice', () => {
  it('equals brute-force subgame-perfect play on 3-episode games, with the bound beyond the cap in use', () => {
    for (const [rate, steps, cap] of [[0.5, 2, 30000], [0.3, 3, 50000]] as const) {
      const rates = constantRates(rate, 3);
      const expected = bruteForceSpe(rates, GRID, { kind: 'steps', data: 'all', steps }, 1);
      const lattice = allDataLattice(rates, steps, cap, TIE_RELATIVE_TOLERANCE, 0);
      lattice.coefficients.forEach((a, n) => expect(Math.abs(a - expected.path[n]), `ℓ = ${rate}, K = ${steps}: a_${n}`).toBeLessThanOrEqual(1e-12));
      expect(lattice.ties).toEqual(expected.ties);
    }
  });

  it('capped solves that leave states unresolved agree with solves over every reachable S', () => {
    for (const [rate, steps, episodes, cap] of [[0.5, 1, 8, 30000], [0.2, 3, 10, 60000]] as const) {
      const rates = constantRates(rate, episodes);
      const capped = allDataLattice(rates, steps, cap, TIE_RELATIVE_TOLERANCE, 0);
      const full = allDataLattice(rates, steps, fullReach(episodes), TIE_RELATIVE_TOLERANCE, 0);
      expect(capped.unresolved, `ℓ = ${rate}: the cap leaves states unresolved`).toBeGreaterThan(0);
      expect(Array.from(capped.coefficients)).toEqual(Array.from(full.coefficients));
      expect(capped.ties).toEqual(full.ties);
    }
  });

  it('throws rather than guess when the cap is too close to 1/ℓ for the bound to settle the path', () => {
    expect(() => allDataLattice(constantRates(0.5, 8), 2, 20500, TIE_RELATIVE_TOLERANCE, 0)).toThrow(/unresolved state/);
  });
});
