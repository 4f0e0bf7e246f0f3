import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScenario } from '../../../src/model/scenario.ts';
import { historyStep, reoptimisationStep } from '../../../src/model/updates/historyUpdate.ts';
import { rolloutHistory } from '../../../src/rollout/historyRollout.ts';
import { rollout } from '../../../src/rollout/rollout.ts';
import { solveFullReoptimisation } from '../../../src/solvers/history/fullReoptimisation.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';
import { solveHistory } from '../../../src/solvers/history/historyDp.ts';
import { bruteForceSpe } from '../../helpers/historySpe.ts';

const rate = fc.double({ min: 0, max: 2, noNaN: true });

describe('history update rules', () => {
  it("one gradient step on the newest episode is exactly the seed's update", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), rate, fc.double({ min: -3, max: 3, noNaN: true }), (a, l, theta) => {
        const seedNext = theta - l * 2 * (a * theta) * a;
        expect(theta * historyStep(a, 0, l, 1, 'newest').f).toBeCloseTo(seedNext, 12);
      }),
    );
  });

  it('K steps on all data shrink θ by (1 − 2ℓS)^K; full re-optimisation resets θ once S > 0', () => {
    expect(historyStep(0.5, 0.75, 0.1, 3, 'all')).toEqual({ f: (1 - 0.2 * 1) ** 3, s: 1 });
    expect(reoptimisationStep(0, 0, 1)).toEqual({ f: 1, s: 0 });
    expect(reoptimisationStep(0.1, 0, 1).f).toBe(0);
    expect(reoptimisationStep(0.1, 0, 0)).toEqual({ f: 1, s: 0 });
  });
});

describe('solveHistory', () => {
  it('with one step on the newest data equals the grid solver, coefficient for coefficient', () => {
    fc.assert(
      fc.property(fc.array(rate, { minLength: 1, maxLength: 12 }), (rates) => {
        const s = linearScenario({ schedule: rates });
        const history = solveHistory(s.schedule, { data: 'newest', steps: 1, discount: 1, coefficientGrid: s.coefficientGrid });
        expect(Array.from(history.coefficients)).toEqual(Array.from(solveGrid(s).coefficients));
      }),
      { numRuns: 60 },
    );
  });

  it('with K steps on all data plays the brute-force subgame-perfect path on small horizons', () => {
    const grid = [-1, -0.5, 0, 0.25, 0.5, 1];
    const games = fc.record({
      schedule: fc.array(fc.constantFrom(0, 0.05, 0.1, 0.2), { minLength: 2, maxLength: 4 }),
      steps: fc.constantFrom(1, 3),
      discount: fc.constantFrom(0.8, 1),
    });
    fc.assert(
      fc.property(games, ({ schedule, steps, discount }) => {
        const expected = bruteForceSpe(schedule, grid, { kind: 'steps', data: 'all', steps }, discount);
        fc.pre(expected.ties.length === 0);
        const dp = solveHistory(Float64Array.from(schedule), { data: 'all', steps, discount, coefficientGrid: Float64Array.from(grid), statePoints: 2001 });
        expect(Array.from(dp.coefficients)).toEqual(expected.path);
      }),
      { numRuns: 40 },
    );
  });
});

describe('solveFullReoptimisation', () => {
  it('matches the hand-solved equilibria of 2–4 episodes found by enumeration', () => {
    const grid = [-1, 0, 0.5, 1];
    for (const schedule of [[1, 1], [1, 0], [1, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1], [0, 1, 1]]) {
      for (const discount of [1, 0.9, 0.5]) {
        const expected = bruteForceSpe(schedule, grid, { kind: 'full' }, discount);
        const solved = solveFullReoptimisation(Float64Array.from(schedule), discount);
        const onPath = Array.from(solved.coefficients.slice(0, (solved.resetAt ?? schedule.length - 1) + 1));
        expect(onPath).toEqual(expected.path.slice(0, onPath.length));
        expect(solved.ties).toEqual(expected.ties);
      }
    }
  });

  it('with γ = 1 and no deployment every training agent is exactly indifferent (ties reported)', () => {
    const { ties, coefficients } = solveFullReoptimisation(Float64Array.from([1, 1, 1, 1]), 1);
    expect(ties).toEqual([0, 1, 2]);
    expect(Array.from(coefficients)).toEqual([0, 0, 0, 1]);
  });

  it('deceives through training when deployment is longer than one episode', () => {
    const { coefficients, resetAt } = solveFullReoptimisation(Float64Array.from([1, 1, 1, 0, 0]), 1);
    expect(resetAt).toBeNull();
    expect(Array.from(coefficients)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('rolloutHistory', () => {
  it('with one step on the newest data equals the seed rollout', () => {
    const s = linearScenario({ schedule: '1x20,0x80' });
    const { coefficients } = solveGrid(s);
    const t = rolloutHistory(s.schedule, coefficients, { kind: 'steps', data: 'newest', steps: 1 }, 0.8);
    expect(Array.from(t.theta)).toEqual(Array.from(rollout(s, coefficients).theta));
  });
});
