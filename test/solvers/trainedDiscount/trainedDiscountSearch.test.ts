import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brentMinimum, minimiseOnInterval, solveNode, type NodeProblem } from '../../../src/solvers/trainedDiscount/trainedDiscountSearch.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

describe('brentMinimum', () => {
  it('finds the minimum of smooth unimodal functions to about 1e−8', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.9, max: 0.9, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (c, k) => {
        const x = brentMinimum((y) => k * (y - c) ** 2 + (y - c) ** 4, -1, 1);
        assertInDelta(x, c, 1e-7);
      }),
    );
  });

  it('approaches a minimum at an end of the interval', () => {
    assertInDelta(brentMinimum((y) => y, -1, 1), -1, 1e-7);
    assertInDelta(brentMinimum((y) => -y * y, 0, 1), 1, 1e-7);
  });
});

describe('minimiseOnInterval', () => {
  it('finds the global one of two minima, and the smaller coefficient on an exact tie', () => {
    const twoWells = (tilt: number) => (y: number) => (y * y - 0.25) ** 2 + tilt * y;
    assertInDelta(minimiseOnInterval(twoWells(0.01), -1, 1, 41), -0.51, 0.01);
    assertInDelta(minimiseOnInterval(twoWells(-0.01), -1, 1, 41), 0.51, 0.01);
    assertInDelta(minimiseOnInterval(twoWells(0), -1, 1, 41), -0.5, 1e-6);
  });

  it('is NaN when no value is finite', () => {
    expect(minimiseOnInterval(() => NaN, -1, 1, 11)).toBeNaN();
  });
});

/** A node whose best response to the drift m is φ(m) and whose slope is σ(m). */
const node = (phi: (m: number) => number, sigma: (m: number) => number): NodeProblem => ({
  cost: (a, m) => (a - phi(m)) ** 2,
  slope: (_a, m) => sigma(m),
});

describe('solveNode', () => {
  it('finds the fixed point m = φ(m)·σ(m) of a smooth drift map', () => {
    const phi = (m: number) => 0.5 - 0.1 * Math.tanh(m);
    const sigma = (m: number) => -0.8 + 0.3 * m;
    const solution = solveNode(node(phi, sigma));
    const m = solution.coefficient * solution.slope;
    assertInDelta(m, phi(m) * sigma(m), 1e-7);
    assertInDelta(solution.coefficient, phi(m), 1e-7);
    expect(solution.jump).toBe(false);
  });

  it('returns the jump point, with the slope that keeps the drift consistent, when the map jumps over the diagonal', () => {
    // σ jumps from −0.6 to −1.4 at m = −0.5: T(m) = 0.5σ(m) is −0.3 > m left of it and −0.7 < m right of it.
    const sigma = (m: number) => (m < -0.5 ? -0.6 : -1.4);
    const solution = solveNode(node(() => 0.5, sigma));
    expect(solution.jump).toBe(true);
    assertInDelta(solution.coefficient * solution.slope, -0.5, 1e-6);
    assertInDelta(solution.coefficient, 0.5, 1e-7);
  });

  it('starts from the given drift and coefficient (continuation) and reaches the same fixed point', () => {
    const phi = (m: number) => 0.6 + 0.05 * m;
    const sigma = () => -0.5;
    const cold = solveNode(node(phi, sigma));
    const warm = solveNode(node(phi, sigma), {}, { drift: cold.coefficient * cold.slope + 0.01, coefficient: cold.coefficient });
    assertInDelta(warm.coefficient, cold.coefficient, 1e-7);
  });

  it('does not keep a warm-started coefficient that a full scan beats', () => {
    // Two wells; the start sits in the worse one.
    const problem: NodeProblem = { cost: (a) => (a * a - 0.25) ** 2 - 0.05 * a, slope: () => 0 };
    const solution = solveNode(problem, {}, { drift: 0, coefficient: -0.5 });
    assertInDelta(solution.coefficient, 0.52, 0.01);
  });
});
