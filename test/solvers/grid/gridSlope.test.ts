import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costErrorBound, gridCost, gridEnds } from '../../../src/solvers/grid/gridScan.ts';
import { certifySlope, costIsConvex, newSlope, slopeSign } from '../../../src/solvers/grid/gridSlope.ts';
import { abs, add, compare, type Dyadic, dyadic, mul, sign, sub } from '../../helpers/dyadic.ts';

// The fast path's proof rests on these bounds; they are checked against exact arithmetic in the
// double inputs (every double is a dyadic rational).

const moments = fc.record({
  A: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1e8, noNaN: true })),
  B: fc.oneof(fc.constant(0), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true })),
  L: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e4, noNaN: true })),
});
const agent = fc.record({
  future: moments,
  rate: fc.oneof(fc.constantFrom(0, 1, 2), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true })),
  regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  discount: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
});
// Large A against small B: C1 < 0 and often three real roots.
const turningAgent = fc.record({
  future: fc.record({
    A: fc.double({ min: 1, max: 100, noNaN: true }),
    B: fc.double({ min: -10, max: 1, noNaN: true }),
    L: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  rate: fc.double({ min: 0.05, max: 2, noNaN: true }),
  regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
  discount: fc.double({ min: 0.2, max: 1, noNaN: true }),
});
const coefficient = fc.oneof(fc.constantFrom(0, 1, -2, 2), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));

const [one, two] = [dyadic(1), dyadic(2)];
const scale = (x: number, d: Dyadic) => mul(dyadic(x), d);

/** The exact C3 = 16γℓ²A and C1 = 2 − 8γℓ(1 − 2ℓλ)A + 8γℓB of g′(a) = C3·a³ + C1·a − 2. */
function exactCoefficients(rate: number, regularizer: number, A: number, B: number, discount: number) {
  const gl = mul(dyadic(discount), dyadic(rate));
  const c = sub(one, scale(2, mul(dyadic(rate), dyadic(regularizer))));
  const c3 = scale(16, mul(mul(gl, dyadic(rate)), dyadic(A)));
  const c1 = add(sub(two, scale(8, mul(mul(gl, c), dyadic(A)))), scale(8, mul(gl, dyadic(B))));
  return { c3, c1 };
}

describe("the fast path's rounding bounds, against exact arithmetic", () => {
  it('slopeSign(a) is 0 or the sign of the exact g′(a)', () => {
    fc.assert(
      fc.property(fc.oneof(agent, turningAgent), coefficient, ({ future, rate, regularizer, discount }, a) => {
        const slope = certifySlope(newSlope(), rate, regularizer, future, discount);
        const { c3, c1 } = exactCoefficients(rate, regularizer, future.A, future.B, discount);
        const x = dyadic(a);
        const exact = sub(add(mul(c3, mul(x, mul(x, x))), mul(c1, x)), two);
        const certified = slopeSign(slope, a);
        if (certified !== 0) expect(certified).toBe(sign(exact));
      }),
      { numRuns: 2000 },
    );
  });

  it("certifySlope's root count and far-left sign are the exact g′'s when it gives them", () => {
    let threeRoots = 0;
    fc.assert(
      fc.property(fc.oneof(agent, turningAgent), ({ future, rate, regularizer, discount }) => {
        const slope = certifySlope(newSlope(), rate, regularizer, future, discount);
        if (slope.roots === 0) return;
        const { c3, c1 } = exactCoefficients(rate, regularizer, future.A, future.B, discount);
        // Three real roots iff C3 > 0, C1 < 0 and |C1|³ > 27·C3 (gridSlope.ts).
        const three = sign(c3) > 0 && sign(c1) < 0 && compare(abs(mul(c1, mul(c1, c1))), scale(27, c3)) > 0;
        expect(slope.roots).toBe(three ? 3 : 1);
        if (three) threeRoots++;
        // Far left, p ~ C3·a³ (−) or, when C3 = 0, C1·a.
        expect(slope.leftSign).toBe(sign(c3) > 0 ? -1 : -sign(c1));
      }),
      { numRuns: 2000 },
    );
    expect(threeRoots).toBeGreaterThan(100);
  });

  it('costIsConvex holds only where the exact C1 > 0, so that g″ = 3C3·a² + C1 > 0 everywhere', () => {
    // B chosen so that c1 ≈ 0 within a few units in the last place: the margin decides.
    const borderline = fc
      .tuple(turningAgent, fc.double({ min: -1e-13, max: 1e-13, noNaN: true }))
      .map(([{ future, rate, regularizer, discount }, nudge]) => {
        const gl = discount * rate;
        const B = ((8 * gl * (1 - 2 * rate * regularizer) * future.A - 2) / (8 * gl)) * (1 + nudge);
        return { future: { ...future, B }, rate, regularizer, discount };
      });
    let [convex, borderlineConvex] = [0, 0];
    fc.assert(
      fc.property(fc.oneof(agent, turningAgent, borderline), ({ future, rate, regularizer, discount }) => {
        if (!costIsConvex(newSlope(), rate, regularizer, future, discount)) return;
        convex++;
        const { c1 } = exactCoefficients(rate, regularizer, future.A, future.B, discount);
        if (compare(abs(c1), dyadic(1e-6)) < 0) borderlineConvex++;
        expect(sign(c1)).toBe(1);
      }),
      { numRuns: 3000 },
    );
    expect(convex).toBeGreaterThan(500);
    expect(borderlineConvex).toBeGreaterThan(10);
  });

  it('costErrorBound bounds the rounding error of gridCost at every grid point', () => {
    const grid = fc.array(coefficient, { minLength: 1, maxLength: 8 }).map((points) => Float64Array.from(new Set(points)).sort());
    fc.assert(
      fc.property(agent, grid, fc.boolean(), ({ future: drawn, rate, regularizer, discount }, points, cancel) => {
        // Deployment futures (A = B = L) cancel: f²A − 2fB + L = 0 at f = 1.
        const future = cancel ? { A: drawn.A, B: drawn.A, L: drawn.A } : drawn;
        const bound = dyadic(costErrorBound(gridEnds(points), rate, regularizer, future, discount));
        for (const a of points) {
          const computed = gridCost(a, rate, regularizer, future, discount);
          if (!Number.isFinite(computed)) continue;
          const x = dyadic(a);
          const f = sub(one, scale(2, mul(dyadic(rate), add(mul(x, x), dyadic(regularizer)))));
          const inner = add(sub(mul(mul(f, f), dyadic(future.A)), scale(2, mul(f, dyadic(future.B)))), dyadic(future.L));
          const exact = add(mul(sub(x, one), sub(x, one)), mul(dyadic(discount), inner));
          expect(compare(abs(sub(dyadic(computed), exact)), bound), `a = ${a}`).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
