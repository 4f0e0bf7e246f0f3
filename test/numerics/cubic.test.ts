import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depressedCubicRoots, increasingCubicRoot } from '../../src/numerics/cubic.ts';

describe('depressedCubicRoots', () => {
  it('returns roots of c3·x³ + c1·x + c0 with the right count', () => {
    // Coefficients of ordinary size (the solver's c0 is always −2); tiny ones are rounded to 0.
    const coefficient = fc.double({ min: -50, max: 50, noNaN: true }).map((x) => (Math.abs(x) < 1e-9 ? 0 : x));
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 100, noNaN: true }), coefficient, coefficient, (c3, c1, c0) => {
        const roots = new Float64Array(3);
        const count = depressedCubicRoots(c3, c1, c0, roots);
        const p = c1 / c3;
        const q = c0 / c3;
        const discriminant = (q / 2) ** 2 + (p / 3) ** 3;
        if (Math.abs(discriminant) > 1e-9 * (1 + (p / 3) ** 2 * Math.abs(p))) expect(count).toBe(discriminant > 0 ? 1 : 3);
        for (let i = 0; i < count; i++) {
          const x = roots[i];
          const scale = Math.abs(c3 * x ** 3) + Math.abs(c1 * x) + Math.abs(c0);
          expect(Math.abs(c3 * x ** 3 + c1 * x + c0)).toBeLessThanOrEqual(1e-9 * scale + 1e-12);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the three roots of (x − 1)(x − 2)(x + 3) = x³ − 7x + 6', () => {
    const roots = new Float64Array(3);
    expect(depressedCubicRoots(1, -7, 6, roots)).toBe(3);
    expect(Array.from(roots).sort((a, b) => a - b)).toEqual([-3, 1, 2].map((r) => expect.closeTo(r, 12)));
  });

  it('solves the linear case c3 = 0 and tiny c3 without overflow', () => {
    const roots = new Float64Array(3);
    expect(depressedCubicRoots(0, 2, -2, roots)).toBe(1);
    expect(roots[0]).toBe(1);
    const count = depressedCubicRoots(1e-300, 2, -2, roots);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(roots[0]).toBeCloseTo(1, 12);
  });

  it('increasingCubicRoot from any positive guess equals the closed-form root, or declines with NaN', () => {
    const positive = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 1e-3, max: 10, noNaN: true }), fc.double({ min: 1e-3, max: 5, noNaN: true }), (c3, c1, minusC0, guess) => {
        fc.pre(c3 + c1 > 1e-6);
        const roots = new Float64Array(3);
        expect(depressedCubicRoots(c3, c1, -minusC0, roots)).toBe(1);
        const root = increasingCubicRoot(c3, c1, -minusC0, guess);
        if (!Number.isNaN(root)) expect(Math.abs(root - roots[0])).toBeLessThanOrEqual(1e-12 * Math.abs(roots[0]));
        // From within a factor of two of the root it always converges.
        const near = increasingCubicRoot(c3, c1, -minusC0, roots[0] * (0.5 + 1.5 * (guess / 5)));
        expect(Math.abs(near - roots[0])).toBeLessThanOrEqual(1e-12 * Math.abs(roots[0]));
      }),
      { numRuns: 500 },
    );
  });
});
