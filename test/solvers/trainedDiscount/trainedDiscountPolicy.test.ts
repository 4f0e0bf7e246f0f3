import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenAxis, Stencil, TensorGrid } from '../../../src/numerics/interpolation.ts';
import { catmullRomStencil, policyAt, policyDifference } from '../../../src/solvers/trainedDiscount/trainedDiscountPolicy.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

const nodes = (count: number) => Float64Array.from({ length: count }, (_, i) => i / (count - 1));
const at = (values: Float64Array, x: number): number => policyAt(values, 0, values.length, x);
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('policyAt', () => {
  it('reproduces quadratics exactly, ends included (the quadratic ghosts)', () => {
    const q = (g: number) => 0.3 - 1.2 * g + 0.7 * g * g;
    const values = nodes(6).map(q);
    fc.assert(fc.property(unit, (x) => assertInDelta(at(values, x), q(x), 1e-12)));
  });

  it('agrees with the interpolation module’s Catmull–Rom tables on an even axis', () => {
    const values = nodes(9).map((g) => Math.exp(-2 * g) * Math.sin(5 * g));
    const grid = new TensorGrid([evenAxis(0, 1, 9)], 'cubic');
    fc.assert(
      fc.property(unit, (x) => {
        assertInDelta(at(values, x), new Stencil(1).locate(grid, [x]).interpolate(values), 1e-12);
      }),
    );
  });

  it('is continuous across nodes with a continuous slope (C¹: one-sided difference quotients agree)', () => {
    const values = nodes(11).map((g) => Math.cos(3 * g) + 0.2 * g ** 4);
    for (let i = 1; i < 10; i++) {
      const g = i / 10;
      const h = 1e-6;
      const left = (at(values, g) - at(values, g - h)) / h;
      const right = (at(values, g + h) - at(values, g)) / h;
      assertInDelta(at(values, g), values[i], 1e-12);
      assertInDelta(left, right, 1e-4);
    }
  });
});

describe('catmullRomStencil', () => {
  it('gives the weights of the interpolation module’s cubic kind on any even axis, ends included', () => {
    const index = new Int32Array(4);
    const weight = new Float64Array(4);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.double({ min: 0, max: 2.5, noNaN: true }), (count, x) => {
        const axis = evenAxis(0, 2.5, count);
        const values = Float64Array.from(axis.nodes, (s) => Math.sqrt(1 + s) + Math.sin(4 * s));
        const entries = catmullRomStencil(x, 0, axis.spacing, count, index, weight);
        let sum = 0;
        for (let r = 0; r < entries; r++) sum += weight[r] * values[index[r]];
        const expected = new Stencil(1).locate(new TensorGrid([axis], 'cubic'), [x]).interpolate(values);
        assertInDelta(sum, expected, 1e-12);
      }),
    );
  });

  it('clamps points outside the axis to its ends', () => {
    const index = new Int32Array(4);
    const weight = new Float64Array(4);
    const entries = catmullRomStencil(1.7, 0, 0.5, 3, index, weight);
    expect(Array.from(index.slice(0, entries))).toEqual([2]);
    expect(weight[0]).toBe(1);
  });
});

describe('policyDifference', () => {
  it('is exact for quadratic policies, at the ends and inside', () => {
    const count = 9;
    const q = (g: number) => 1 - 0.8 * g + 0.3 * g * g;
    const respond = (j: number) => q(j / (count - 1));
    for (let i = 0; i < count; i++) {
      const g = i / (count - 1);
      assertInDelta(policyDifference(i, count, q(g), respond), -0.8 + 0.6 * g, 1e-12);
    }
  });
});
