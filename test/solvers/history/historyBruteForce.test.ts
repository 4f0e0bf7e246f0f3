import { describe, expect, it } from 'vitest';
import { linspace } from '../../../src/numerics/linspace.ts';
import { solveHistory } from '../../../src/solvers/history/historyDp.ts';
import { bruteForceHistory } from '../../helpers/historyBruteForce.ts';

// The default 401-point coefficient grid and the solver's default settings throughout.
const GRID = linspace(-2, 2, 401);
const STEPS = [1, 2, 3, 5, 10, 100];
// Short schedules, ℓ from 0.01 to 1: all training, training then deployment, mixed rates.
const SCHEDULES: { schedule: number[]; discount: number }[] = [
  ...[0.01, 0.1, 0.5, 1].map((l) => ({ schedule: [l, l, l], discount: 1 })),
  ...[0.01, 0.05, 1].map((l) => ({ schedule: [l, l, 0, 0], discount: 1 })),
  { schedule: [0.01, 0.3, 1], discount: 1 },
  { schedule: [1, 0.2, 0], discount: 0.9 },
  { schedule: [0, 0.2, 0.2], discount: 0.8 },
  { schedule: [0.02, 0.02, 0, 0, 0], discount: 1 },
];

describe('solveHistory (K steps on all data) with the default grid', () => {
  for (const steps of STEPS) {
    it(`equals the brute-force subgame-perfect path and ties for K = ${steps} on ${SCHEDULES.length} schedules`, () => {
      for (const { schedule, discount } of SCHEDULES) {
        const expected = bruteForceHistory({ schedule, grid: GRID, steps, discount });
        const solved = solveHistory(Float64Array.from(schedule), { data: 'all', steps, discount, coefficientGrid: GRID });
        const label = `K = ${steps}, ℓ = [${schedule}], γ = ${discount}, ${solved.resolution.kind}`;
        expect(Array.from(solved.coefficients), label).toEqual(expected.path);
        expect(solved.ties, label).toEqual(expected.ties);
        expect(solved.resolution.converged, label).toBe(true);
      }
    });
  }
});
