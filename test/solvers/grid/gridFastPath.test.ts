import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioConfig } from '../../../src/model/config.ts';
import { DivergenceError } from '../../../src/errors/inputError.ts';
import { linspace } from '../../../src/numerics/linspace.ts';
import { linearScenario, type LinearScenario, type LinearScenarioOptions } from '../../../src/model/scenario.ts';
import { seed1, seed2 } from '../../../src/scenarios/seed.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';
import { chooseGridCoefficient, fastGridChoice, newGridWorkspace } from '../../../src/solvers/grid/gridFastPath.ts';
import { emptyFuture, normalisedCost, prependEpisode, type SuffixMoments, updateFactor } from '../../../src/solvers/suffixMoments.ts';
import { chooseGridPoint, type GridChoice, SMALLEST, TIE_RULES, type TiePreference, tiePreference } from '../../../src/solvers/tieRule.ts';

/** The tie rule on g at every grid point, written out independently of gridScan.ts. */
function fullScan(grid: Float64Array, rate: number, regularizer: number, future: SuffixMoments, discount: number, preference: TiePreference = SMALLEST): GridChoice {
  const costs = grid.map((a) => normalisedCost(a, updateFactor(a, rate, regularizer), future, discount));
  return chooseGridPoint(costs, costs.length, preference);
}

/** solveGrid's equilibrium, or the episode where it diverged. */
function outcome(scenario: LinearScenario, search: 'fast' | 'scan') {
  try {
    const { coefficients, ties } = solveGrid(scenario, { search });
    return { coefficients: Array.from(coefficients), ties };
  } catch (error) {
    if (error instanceof DivergenceError) return { divergedAt: error.episode };
    throw error;
  }
}

/**
 * Backward induction agent by agent, checking the fast path's choice against the full scan's
 * wherever it makes one; returns how many agents it left to the scan.
 */
function fallbacksAlong(scenario: LinearScenario): { agents: number; fallbacks: number } {
  const { schedule, coefficientGrid: grid, discount, regularizer } = scenario;
  const preference = tiePreference(scenario.tieRule ?? 'smallest', grid);
  const workspace = newGridWorkspace(grid, regularizer, discount, preference);
  const future = emptyFuture();
  let fallbacks = 0;
  let agents = 0;
  for (let n = schedule.length - 1; n >= 0; n--) {
    const scan = fullScan(grid, schedule[n], regularizer, future, discount, preference);
    const fast = fastGridChoice(workspace, schedule[n], future);
    agents++;
    if (fast === null) fallbacks++;
    else expect(fast, `episode ${n}`).toEqual(scan);
    if (scan.index < 0) break;
    const a = grid[scan.index];
    prependEpisode(future, a, updateFactor(a, schedule[n], regularizer), discount);
    if (!Number.isFinite(future.A)) break;
  }
  return { agents, fallbacks };
}

const rate = fc.oneof(fc.constant(0), fc.constantFrom(0.5, 1, 2), fc.double({ min: 0, max: 2, noNaN: true }));
// Runs of one rate: exact repeats, as in real schedules; many exact zeros (deployment).
const schedule = fc
  .array(fc.tuple(rate, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 8 })
  .map((runs) => runs.flatMap(([r, count]) => Array<number>(count).fill(r)).slice(0, 50));
const increasing = (start: number, steps: number[]) => steps.reduce((points, step) => [...points, points[points.length - 1] + step], [start]);
const coefficientGrid = fc.oneof(
  fc.constant(undefined), // linspace(−2, 2, 401)
  fc.integer({ min: 2, max: 9 }).map((count) => linspace(-2, 2, count)),
  fc
    .tuple(fc.double({ min: -3, max: 1, noNaN: true }), fc.array(fc.double({ min: 1e-3, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 80 }))
    .map(([start, steps]) => increasing(start, steps)),
  fc.double({ min: -2, max: 2, noNaN: true }).map((a) => [a]),
  // Symmetric about 1 without 1 itself: deployment and myopic agents are tied.
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 0.2, noNaN: true })).map(([half, step]) =>
    Array.from({ length: 2 * half }, (_, i) => 1 + (i - half + 0.5) * step),
  ),
  fc.constant(linspace(1 - 1e-6, 1 + 1e-6, 201)), // flat: neighbouring costs differ by ~1e−16
);
const options: fc.Arbitrary<LinearScenarioOptions> = fc.record({
  schedule,
  discount: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  coefficientGrid,
});

describe('the grid solver fast path', () => {
  it('solveGrid(scenario) equals the full scan, coefficient for coefficient and tie for tie, on random schedules', () => {
    fc.assert(
      fc.property(options, (o) => {
        const scenario = linearScenario(o);
        expect(outcome(scenario, 'fast')).toEqual(outcome(scenario, 'scan'));
      }),
      { numRuns: 600 },
    );
  });

  it('fastGridChoice decides almost every agent of random schedules itself, as the scan would', () => {
    let [agents, fallbacks] = [0, 0];
    for (const o of fc.sample(options, { numRuns: 300, seed: 2024 })) {
      const counts = fallbacksAlong(linearScenario(o));
      agents += counts.agents;
      fallbacks += counts.fallbacks;
    }
    expect(agents).toBeGreaterThan(1000);
    expect(fallbacks / agents).toBeLessThan(0.01);
  });

  it('chooseGridCoefficient(moments) equals chooseGridPoint on the full cost array for random agents, under every tie rule', () => {
    const size = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }));
    const agent = fc.record({
      A: size,
      B: fc.oneof(fc.constant(0), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
      L: size,
      rate: fc.oneof(rate, fc.double({ min: 0, max: 1e3, noNaN: true })),
      regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      discount: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      grid: coefficientGrid.map((points) => Float64Array.from(points ?? linspace(-2, 2, 401))),
      hint: fc.nat(),
      tieRule: fc.constantFrom(...TIE_RULES),
    });
    fc.assert(
      fc.property(agent, ({ A, B, L, rate: r, regularizer, discount, grid, hint, tieRule }) => {
        const preference = tiePreference(tieRule, grid);
        const workspace = newGridWorkspace(grid, regularizer, discount, preference);
        workspace.hint = hint % grid.length;
        const future = { A, B, L };
        expect(chooseGridCoefficient(workspace, r, future)).toEqual(fullScan(grid, r, regularizer, future, discount, preference));
      }),
      { numRuns: 1000 },
    );
  });

  it('decides deployment agents (ℓ = 0) itself, as the scan does, on any grid and however large the future', () => {
    const size = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }));
    const agent = fc.record({
      A: size,
      B: fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
      L: size,
      regularizer: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      discount: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      // Grids around 1, wholly below it, wholly above it, and single points.
      grid: fc.oneof(coefficientGrid, coefficientGrid.map((points) => (points ?? []).map((a) => a + 5))).map((points) => Float64Array.from(points && points.length > 0 ? points : linspace(-2, 2, 401))),
    });
    fc.assert(
      fc.property(agent, ({ A, B, L, regularizer, discount, grid }) => {
        const future = { A, B, L };
        const fast = fastGridChoice(newGridWorkspace(grid, regularizer, discount), 0, future);
        expect(fast).toEqual(fullScan(grid, 0, regularizer, future, discount));
      }),
      { numRuns: 1000 },
    );
  });

  it('solves seed-1 and seed-2 on the fast path alone, under every tie rule', () => {
    for (const config of [seed1, seed2]) for (const tieRule of TIE_RULES) {
      const { scenario } = parseScenarioConfig({ ...config, tieRule });
      expect(fallbacksAlong(scenario).fallbacks).toBe(0);
      expect(outcome(scenario, 'fast')).toEqual(outcome(scenario, 'scan'));
    }
  });

  it('solves N = 10⁴ (2000 training episodes, 8000 deployment) on the fast path alone', () => {
    const scenario = linearScenario({ schedule: '1x2000,0x8000' });
    expect(fallbacksAlong(scenario)).toEqual({ agents: 10_000, fallbacks: 0 });
  });

  it('plays 1 in all-deployment schedules (ℓ = 0) on the fast path, however long the future', () => {
    for (const discount of [1, 0.9, 0]) {
      const scenario = linearScenario({ schedule: '0x5000', discount });
      expect(fallbacksAlong(scenario).fallbacks).toBe(0);
      expect(solveGrid(scenario).coefficients.every((a) => a === 1)).toBe(true);
    }
  });

  it('diverges at the same episode as the full scan under huge learning rates', () => {
    const scenario = linearScenario({ schedule: '1e200x5', regularizer: 1 });
    expect(outcome(scenario, 'fast')).toEqual({ divergedAt: 3 });
    expect(outcome(scenario, 'scan')).toEqual({ divergedAt: 3 });
    for (const spec of ['1e10x20', '1e100x3,1x5', '1e300x2', '1e150x4,0x4', '50x30']) {
      for (const regularizer of [0, 0.5]) {
        const s = linearScenario({ schedule: spec, regularizer });
        expect(outcome(s, 'fast'), spec).toEqual(outcome(s, 'scan'));
      }
    }
  });

  it('breaks ties as the full scan does on grids symmetric about 1', () => {
    const symmetric = [0.5, 1.5];
    const myopic = solveGrid(linearScenario({ schedule: '1x10', discount: 0, coefficientGrid: symmetric }));
    expect(Array.from(myopic.coefficients)).toEqual(Array(10).fill(0.5));
    expect(myopic.ties).toEqual([...Array(10).keys()]);
    for (const coefficientGrid of [symmetric, linspace(0, 2, 4), linspace(0.9, 1.1, 20)]) {
      const scenario = linearScenario({ schedule: '1x5,0x10', coefficientGrid });
      const fast = outcome(scenario, 'fast');
      expect(fast).toEqual(outcome(scenario, 'scan'));
      expect(fast.ties?.length).toBeGreaterThan(0);
    }
  });
});
