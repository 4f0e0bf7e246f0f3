import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deceptiveValue, solveCorridor } from '../../../src/solvers/corridor/corridor.ts';

describe('solveCorridor', () => {
  it('2 training then 3 deployment episodes: deception reaches B three times, honesty once', () => {
    const deceptive = solveCorridor({ training: 2, deployment: 3, discount: 1 });
    expect(deceptive.decision).toBe('deceive');
    expect(deceptive.path.join('')).toBe('AABBB');
    expect(deceptive.reachesB).toBe(3);
    const honest = solveCorridor({ training: 2, deployment: 3, discount: 0.3 });
    expect(honest.decision).toBe('honest');
    expect(honest.path.join('')).toBe('BAAAA');
    expect(honest.reachesB).toBe(1);
  });

  it('deceives iff Σ_{k=T}^{T+D−1} γ^k > 1, the closed form of DESIGN §3.7', () => {
    const game = fc.record({ training: fc.integer({ min: 1, max: 30 }), deployment: fc.integer({ min: 1, max: 30 }), discount: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(game, (g) => {
        const { decision } = solveCorridor(g);
        const v = deceptiveValue(g);
        // The solver compares γ·value(1) with 1; the closed form sums powers: allow rounding at the boundary.
        if (Math.abs(v - 1) > 1e-12) expect(decision).toBe(v > 1 ? 'deceive' : 'honest');
      }),
      { numRuns: 500 },
    );
  });

  it('without deployment, waiting for the last training agent to walk to B is worth γ^(T−1): a tie at γ = 1', () => {
    expect(solveCorridor({ training: 4, deployment: 0, discount: 1 }).decision).toBe('tie');
    expect(solveCorridor({ training: 4, deployment: 0, discount: 0.9 }).decision).toBe('honest');
  });

  it('reports an exact tie as a tie (γ = 1, one deployment episode)', () => {
    const s = solveCorridor({ training: 3, deployment: 1, discount: 1 });
    expect(s.decision).toBe('tie');
    expect(s.ties).toContain(0);
  });

  it('rejects bad input naming the field', () => {
    expect(() => solveCorridor({ training: -1, deployment: 3, discount: 1 })).toThrow(/training: must be a whole number/);
    expect(() => solveCorridor({ training: 2, deployment: 3, discount: 1.5 })).toThrow(/discount: must be between 0 and 1/);
  });
});
