import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussHermite, MAX_HERMITE_NODES } from '../../src/numerics/quadrature.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

/** E[ξ^p] for ξ ~ N(0, 1): 0 for odd p, (p − 1)!! for even p. */
function normalMoment(p: number): number {
  if (p % 2 === 1) return 0;
  let moment = 1;
  for (let k = p - 1; k > 1; k -= 2) moment *= k;
  return moment;
}

const integrate = (n: number, f: (x: number) => number) => {
  const { nodes, weights } = gaussHermite(n);
  return nodes.reduce((sum, x, i) => sum + weights[i] * f(x), 0);
};

describe('gaussHermite', () => {
  it('gaussHermite(n) integrates every monomial of degree ≤ 2n − 1 exactly (to 1e-13 of the summed terms)', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 12, 16, 20, 30]) {
      for (let p = 0; p <= 2 * n - 1; p++) {
        // Rounding is relative to the sum of the terms' sizes (odd moments cancel to 0).
        const scale = integrate(n, (x) => Math.abs(x) ** p);
        assertInDelta(integrate(n, (x) => x ** p), normalMoment(p), 1e-13 * scale);
      }
    }
  });

  it('gaussHermite(n) integrates random polynomials of degree ≤ 2n − 1 exactly', () => {
    const polynomial = fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n })));
    fc.assert(
      fc.property(polynomial, ([n, coefficients]) => {
        const exact = coefficients.reduce((sum, c, p) => sum + c * normalMoment(p), 0);
        const scale = integrate(n, (x) => coefficients.reduce((sum, c, p) => sum + Math.abs(c * x ** p), 0));
        const value = integrate(n, (x) => coefficients.reduce((sum, c, p) => sum + c * x ** p, 0));
        // Relative to the terms' size, with an absolute floor: with subnormal coefficients
        // (fast-check draws them) each product rounds in absolute steps of 5e−324.
        assertInDelta(value, exact, 1e-13 * scale + 1e-300);
      }),
      { numRuns: 200 },
    );
  });

  it('gaussHermite(n) is not exact at degree 2n: the bound is tight', () => {
    for (const n of [1, 2, 3, 5, 10]) expect(Math.abs(integrate(n, (x) => x ** (2 * n)) - normalMoment(2 * n))).toBeGreaterThan(0.5);
  });

  it('gaussHermite(5) equals the published 5-point rule (Abramowitz & Stegun 25.4.46, rescaled to N(0, 1))', () => {
    // Physicists' nodes 0, ±0.958572464614, ±2.020182870456 and weights 0.945308720483,
    // 0.393619323152, 0.019953242059, times √2 and 1/√π respectively.
    const { nodes, weights } = gaussHermite(5);
    assertInDelta(nodes, [-2.020182870456, -0.958572464614, 0, 0.958572464614, 2.020182870456].map((t) => t * Math.SQRT2), 1e-11);
    assertInDelta(weights, [0.019953242059, 0.393619323152, 0.945308720483, 0.393619323152, 0.019953242059].map((w) => w / Math.sqrt(Math.PI)), 1e-11);
    // In closed form: nodes 0, ±√(5 ± √10), middle weight 8/15.
    assertInDelta(nodes[4], Math.sqrt(5 + Math.sqrt(10)), 1e-14);
    assertInDelta(weights[2], 8 / 15, 1e-15);
  });

  it('gaussHermite(n) has ascending symmetric nodes and positive weights summing to 1, up to n = 100', () => {
    for (const n of [1, 2, 7, 50, MAX_HERMITE_NODES]) {
      const { nodes, weights } = gaussHermite(n);
      for (let i = 0; i < n; i++) {
        expect(nodes[i] + nodes[n - 1 - i]).toBe(0);
        expect(weights[i]).toBeGreaterThan(0);
        if (i > 0) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
      }
      assertInDelta(weights.reduce((s, w) => s + w, 0), 1, 1e-14);
    }
  });

  it('gaussHermite rejects sizes outside 1 … 100', () => {
    for (const n of [0, -1, 1.5, NaN, MAX_HERMITE_NODES + 1]) expect(() => gaussHermite(n)).toThrow(/whole number from 1 to 100/);
  });
});
