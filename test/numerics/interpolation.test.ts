import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenAxis, pointsAxis, Stencil, TensorGrid, type Axis, type InterpolationKind } from '../../src/numerics/interpolation.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

/** A table of f on the grid's nodes. */
function tabulate(grid: TensorGrid, f: (z: Float64Array) => number): Float64Array {
  const z = new Float64Array(grid.dimension);
  return Float64Array.from({ length: grid.size }, (_, c) => f(grid.coordinates(c, z)));
}

function read(grid: TensorGrid, table: Float64Array, point: number[]): number {
  return new Stencil(grid.dimension).locate(grid, point).interpolate(table);
}

const coordinate = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });

describe('Stencil.locate and interpolate', () => {
  it('linear interpolation reproduces functions affine in each coordinate exactly inside a 3-D grid', () => {
    const grid = new TensorGrid([evenAxis(-1, 1, 7), evenAxis(0, 2, 5), pointsAxis([-1, -0.3, 0.4, 1])], 'linear');
    const f = (z: ArrayLike<number>) => 0.3 + z[0] - 2 * z[1] + 0.5 * z[2] + 1.5 * z[0] * z[1] - z[1] * z[2] + 0.7 * z[0] * z[1] * z[2];
    const table = tabulate(grid, f);
    fc.assert(
      fc.property(coordinate(-1, 1), coordinate(0, 2), coordinate(-1, 1), (x, y, w) => {
        assertInDelta(read(grid, table, [x, y, w]), f([x, y, w]), 1e-12);
      }),
    );
  });

  it('cubic (Catmull–Rom) interpolation and the quadratic extrapolation reproduce any quadratic zᵀPz + qᵀz + r exactly, inside and outside', () => {
    const grid = new TensorGrid([evenAxis(-1, 1, 9), evenAxis(-0.5, 1.5, 6)], 'cubic');
    const f = (z: ArrayLike<number>) => 0.7 * z[0] ** 2 - 0.4 * z[0] * z[1] + 1.3 * z[1] ** 2 - 0.2 * z[0] + 0.9 * z[1] + 0.1;
    const table = tabulate(grid, f);
    fc.assert(
      fc.property(coordinate(-5, 5), coordinate(-5, 5), (x, y) => {
        assertInDelta(read(grid, table, [x, y]), f([x, y]), 1e-10 * (1 + Math.abs(f([x, y]))));
      }),
    );
  });

  it('linear extrapolation of a quadratic is exact too (the stencil outside is quadratic for either kind)', () => {
    const grid = new TensorGrid([evenAxis(-1, 1, 21)], 'linear');
    const table = tabulate(grid, (z) => 3 * z[0] ** 2 - z[0]);
    for (const x of [-7, -1.01, 1.5, 40]) assertInDelta(read(grid, table, [x]), 3 * x * x - x, 1e-9 * (1 + 3 * x * x));
  });

  it('both kinds return the table value exactly at a node', () => {
    for (const kind of ['linear', 'cubic'] as InterpolationKind[]) {
      const grid = new TensorGrid([evenAxis(-1, 1, 11), pointsAxis([0.2, 0.5])], kind);
      const table = tabulate(grid, (z) => Math.sin(3 * z[0]) + z[1]);
      const z = new Float64Array(2);
      for (let c = 0; c < grid.size; c++) expect(read(grid, table, Array.from(grid.coordinates(c, z)))).toBe(table[c]);
    }
  });

  it('the error is O(h²) for linear and O(h³) or better for cubic interpolation of a smooth function', () => {
    const maxError = (kind: InterpolationKind, count: number) => {
      const grid = new TensorGrid([evenAxis(-1, 1, count)], kind);
      const table = tabulate(grid, (z) => Math.exp(z[0]) * Math.sin(2 * z[0]));
      let worst = 0;
      for (let i = 0; i <= 1000; i++) {
        const x = -1 + (2 * i) / 1000 + 1e-4 * Math.sin(i);
        if (x > 1) continue;
        worst = Math.max(worst, Math.abs(read(grid, table, [x]) - Math.exp(x) * Math.sin(2 * x)));
      }
      return worst;
    };
    const linearRatio = maxError('linear', 21) / maxError('linear', 41);
    const cubicRatio = maxError('cubic', 21) / maxError('cubic', 41);
    expect(linearRatio).toBeGreaterThan(3.5);
    expect(linearRatio).toBeLessThan(4.5);
    expect(cubicRatio).toBeGreaterThan(7);
  });

  it('a stencil has nonnegative multilinear weights summing to 1 inside, and at most 4^d entries', () => {
    const axes: Axis[] = [evenAxis(0, 1, 5), evenAxis(-2, 2, 9), evenAxis(-1, 0, 3)];
    const grid = new TensorGrid(axes, 'linear');
    fc.assert(
      fc.property(coordinate(0, 1), coordinate(-2, 2), coordinate(-1, 0), (x, y, w) => {
        const stencil = new Stencil(3).locate(grid, [x, y, w]);
        expect(stencil.count).toBeLessThanOrEqual(8);
        let sum = 0;
        for (let e = 0; e < stencil.count; e++) {
          expect(stencil.weights[e]).toBeGreaterThanOrEqual(0);
          sum += stencil.weights[e];
        }
        assertInDelta(sum, 1, 1e-12);
      }),
    );
  });

  it('a non-finite coordinate gives NaN, never an index out of the table', () => {
    const grid = new TensorGrid([evenAxis(-1, 1, 5)], 'cubic');
    const table = new Float64Array(5).fill(1);
    for (const x of [NaN, Infinity, -Infinity]) expect(read(grid, table, [x])).toBeNaN();
  });

  it('axes of one and two nodes extrapolate constantly and linearly', () => {
    const one = new TensorGrid([pointsAxis([0.5])], 'cubic');
    expect(read(one, Float64Array.of(4), [9])).toBe(4);
    const two = new TensorGrid([pointsAxis([1, 0])], 'cubic');
    assertInDelta(read(two, Float64Array.of(2, 5), [3]), 2 + 3 * 3, 1e-12);
  });

  it('evenAxis and pointsAxis reject degenerate input', () => {
    expect(() => evenAxis(1, 1, 3)).toThrow(/lo < hi/);
    expect(() => evenAxis(0, 1, 0)).toThrow(/whole number/);
    expect(() => pointsAxis([])).toThrow(/at least one point/);
  });
});
