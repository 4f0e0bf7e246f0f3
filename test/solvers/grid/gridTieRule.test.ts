import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScenario } from '../../../src/model/scenario.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';
import { fastGridChoice, newGridWorkspace } from '../../../src/solvers/grid/gridFastPath.ts';
import { solveReference } from '../../../src/solvers/reference/reference.ts';
import { TIE_RULES, tiePreference, type TieRuleName } from '../../../src/solvers/tieRule.ts';
import { directCost } from '../../helpers/directCost.ts';

// Coarse grids without 1: every deployment agent (g a parabola with its vertex at 1) is exactly
// indifferent between the two points next to 1, so ties are common.
const grids = [
  [-1, -0.5, 0, 0.5, 1.5],
  [0, 0.5, 1.5, 2],
  [-1, 0, 0.25, 1.75, 2],
  [0, 1.5],
];
const games = fc.record({
  schedule: fc.array(fc.constantFrom(0, 0, 0.05, 0.25, 0.5, 1), { minLength: 1, maxLength: 6 }),
  grid: fc.constantFrom(...grids),
  discount: fc.constantFrom(0.5, 1),
  regularizer: fc.constantFrom(0, 0.1),
  tieRule: fc.constantFrom(...TIE_RULES),
});

/** The rule's pick among tied coefficients, written from its definition (tieRule.ts). */
function rulePick(rule: TieRuleName, tied: number[]): number {
  if (rule === 'smallest') return tied[0];
  if (rule === 'largest') return tied[tied.length - 1];
  const distance = tied.map((a) => Math.abs(a - 1));
  return tied[distance.indexOf(Math.min(...distance))];
}

describe('solveGrid under each tie rule', () => {
  it('equals the reference solver, fast path and scan alike, on random short schedules and coarse grids', () => {
    let differ = 0;
    fc.assert(
      fc.property(games, (o) => {
        const scenario = linearScenario({ ...o, coefficientGrid: o.grid });
        const reference = solveReference(scenario);
        for (const search of ['fast', 'scan'] as const) {
          const grid = solveGrid(scenario, { search });
          expect(Array.from(grid.coefficients)).toEqual(Array.from(reference.coefficients));
          expect(grid.ties).toEqual(reference.ties);
          expect(grid.tieRule).toBe(o.tieRule);
        }
        const smallest = solveReference({ ...scenario, tieRule: 'smallest' });
        if (Array.from(smallest.coefficients).join() !== Array.from(reference.coefficients).join()) differ++;
      }),
      { numRuns: 200 },
    );
    // The rules must actually disagree somewhere, or the test would not test them.
    expect(differ).toBeGreaterThan(10);
  });

  it('plays the rule’s pick of the argmin set of the directly simulated cost, and reports every tie', () => {
    fc.assert(
      fc.property(games, (o) => {
        const { coefficients, ties } = solveGrid(linearScenario({ ...o, coefficientGrid: o.grid }));
        const expectedTies: number[] = [];
        for (let n = 0; n < o.schedule.length; n++) {
          const rates = o.schedule.slice(n);
          const later = Array.from(coefficients.subarray(n + 1));
          const costs = o.grid.map((a) => directCost([a, ...later], rates, o.discount, o.regularizer));
          const least = Math.min(...costs);
          // A looser tolerance than the solvers' 1e−12: the simulation rounds differently.
          const tied = o.grid.filter((_, i) => costs[i] <= least + 1e-9 * Math.abs(least));
          expect(coefficients[n]).toBe(rulePick(o.tieRule, tied));
          if (tied.length > 1) expectedTies.push(n);
        }
        expect(ties).toEqual(expectedTies);
      }),
      { numRuns: 150 },
    );
  });

  it('tieRule "smallest" is the default, bit for bit, on the default grid', () => {
    const schedule = fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(schedule, fc.constantFrom(0.9, 1), (rates, discount) => {
        const plain = solveGrid(linearScenario({ schedule: rates, discount }));
        const smallest = solveGrid(linearScenario({ schedule: rates, discount, tieRule: 'smallest' }));
        expect(smallest.coefficients).toEqual(plain.coefficients);
        expect(smallest.ties).toEqual(plain.ties);
        expect(plain.tieRule).toBe('smallest');
      }),
      { numRuns: 100 },
    );
  });

  it('breaks a known training tie and the deployment ties as each rule says', () => {
    // Grid {0, 1.5}, schedule [ℓ, 0, 0]: the deployment agents play 1.5 (cost 0.25 < 1), so the
    // future has A = 4.5, B = 3, L = 2 and agent 0 pays g(0) = 1 + (A − 2B + L) = 1.5 and
    // g(1.5) = 0.25 + 4.5f² − 6f + 2 with f = 1 − 4.5ℓ. They are equal where
    // 4.5f² − 6f + 0.75 = 0: f = (6 − √22.5)/9, ℓ = (1 − f)/4.5.
    const f = (6 - Math.sqrt(22.5)) / 9;
    const training = linearScenario({ schedule: [(1 - f) / 4.5, 0, 0], coefficientGrid: [0, 1.5] });
    const first = (tieRule: TieRuleName) => {
      const grid = solveGrid({ ...training, tieRule });
      expect(solveReference({ ...training, tieRule }).coefficients).toEqual(grid.coefficients);
      expect(grid.ties).toEqual([0]);
      // g is not convex here (C1 = 2 − 12ℓ < 0): the fast path's runs, not the scan, decide it.
      const workspace = newGridWorkspace(training.coefficientGrid, 0, 1, tiePreference(tieRule, training.coefficientGrid));
      expect(fastGridChoice(workspace, training.schedule[0], { A: 4.5, B: 3, L: 2 })).toEqual({ index: grid.coefficients[0] === 0 ? 0 : 1, tied: true });
      return grid.coefficients[0];
    };
    expect([first('smallest'), first('largest'), first('honest')]).toEqual([0, 1.5, 1.5]);
    // Grid {0, 0.5, 1.5}: every deployment agent is indifferent between 0.5 and 1.5, equally far
    // from honest play, so `honest` takes the smaller like `smallest`.
    const deployment = linearScenario({ schedule: [0, 0, 0], coefficientGrid: [0, 0.5, 1.5] });
    for (const [tieRule, played] of [['smallest', 0.5], ['largest', 1.5], ['honest', 0.5]] as const) {
      const { coefficients, ties } = solveGrid({ ...deployment, tieRule });
      expect(Array.from(coefficients)).toEqual([played, played, played]);
      expect(ties).toEqual([0, 1, 2]);
    }
  });
});
