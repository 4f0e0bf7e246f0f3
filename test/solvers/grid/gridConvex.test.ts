import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linspace } from '../../../src/numerics/linspace.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { convexChoice } from '../../../src/solvers/grid/gridConvex.ts';
import { fastGridChoice, newGridWorkspace } from '../../../src/solvers/grid/gridFastPath.ts';
import { costIsConvex, newSlope } from '../../../src/solvers/grid/gridSlope.ts';
import { emptyFuture, normalisedCost, prependEpisode, updateFactor } from '../../../src/solvers/suffixMoments.ts';
import { chooseGridPoint, TIE_RELATIVE_TOLERANCE } from '../../../src/solvers/tieRule.ts';

const costsOn = (grid: Float64Array, rate: number, regularizer: number, future: { A: number; B: number; L: number }, discount: number) =>
  grid.map((a) => normalisedCost(a, updateFactor(a, rate, regularizer), future, discount));

const grids = [
  linspace(-2, 2, 401),
  linspace(-2, 2, 5),
  Float64Array.of(0.5, 1.5), // symmetric about 1: ties
  Float64Array.from({ length: 40 }, (_, i) => 1 + (i - 19.5) * 0.05),
  linspace(1 - 1e-6, 1 + 1e-6, 201), // flat: neighbouring costs differ by ~1e−16
  Float64Array.of(0.3),
];
const agent = fc.record({
  A: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })),
  B: fc.oneof(fc.constant(0), fc.double({ min: -10, max: 1e3, noNaN: true })),
  L: fc.double({ min: 0, max: 1e4, noNaN: true }),
  rate: fc.oneof(fc.constant(0), fc.constantFrom(0.5, 1, 2), fc.double({ min: 0, max: 2, noNaN: true })),
  regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  discount: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  grid: fc.constantFrom(...grids),
  start: fc.nat(),
});

describe('the grid fast path on convex costs', () => {
  it("convexChoice from any start gives the full scan's choice, every point of the scan's tie inside its run", () => {
    let walks = 0;
    fc.assert(
      fc.property(agent, ({ A, B, L, rate, regularizer, discount, grid, start }) => {
        const future = { A, B, L };
        if (rate > 0 && !costIsConvex(newSlope(), rate, regularizer, future, discount)) return;
        const ws = newGridWorkspace(grid, regularizer, discount);
        const choice = convexChoice(ws, rate, future, start % grid.length);
        if (choice === null) return;
        walks++;
        const costs = costsOn(grid, rate, regularizer, future, discount);
        expect(choice).toEqual(chooseGridPoint(costs));
        const minimum = Math.min(...costs);
        const [lo, hi] = [ws.runs.lo[0], ws.runs.hi[0]];
        costs.forEach((cost, i) => {
          if (cost <= minimum + TIE_RELATIVE_TOLERANCE * Math.abs(minimum)) expect(i >= lo && i <= hi, `index ${i} outside [${lo}, ${hi}]`).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
    expect(walks).toBeGreaterThan(1000);
  });

  it('decides every agent of 1x10000 itself, as the scan does, with three cost evaluations for almost all', () => {
    const { schedule, coefficientGrid: grid, discount, regularizer } = linearScenario({ schedule: '1x10000' });
    const ws = newGridWorkspace(grid, regularizer, discount);
    const future = emptyFuture();
    let evaluations = 0;
    for (let n = schedule.length - 1; n >= 0; n--) {
      const fast = fastGridChoice(ws, schedule[n], future);
      const scan = chooseGridPoint(costsOn(grid, schedule[n], regularizer, future, discount));
      expect(fast, `episode ${n}`).toEqual(scan);
      expect(ws.runs.count).toBe(1);
      evaluations += ws.runs.hi[0] - ws.runs.lo[0] + 1;
      const a = grid[scan.index];
      prependEpisode(future, a, updateFactor(a, schedule[n], regularizer), discount);
    }
    // The choice moves by at most a point per agent but for the first few, which jump.
    expect(evaluations).toBeLessThan(3.02 * schedule.length);
  });
});
