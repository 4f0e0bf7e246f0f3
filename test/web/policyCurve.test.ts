import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, parseAnyConfig, seed1 } from '../../src/index.ts';
import { curveRange, policyCurve, type RunPolicy } from '../../web/src/policyCurve.ts';
import { solveConfig } from '../../web/src/solvedRun.ts';

const solve = (config: unknown) => solveConfig(config, 'custom', (_label, _describe, run) => run());

function policyOf(config: unknown): RunPolicy {
  const parsed = parseAnyConfig(config);
  return parsed.kind === 'game' ? { kind: 'game', game: parsed.parsed.game } : { kind: 'seed' };
}

describe('policyCurve', () => {
  it('is the line y = a_n·θ of slope a_n for the seed model, through the run at θ_n', () => {
    const run = solve(seed1);
    for (const n of [0, 19, 20, 99]) {
      const curve = policyCurve(policyOf(seed1), run.trajectory, n, 100);
      if (!curve) throw new Error('the seed run holds its coefficients');
      const a = run.trajectory.actions.a[n];
      curve.theta.forEach((theta, i) => {
        expect(curve.output[i]).toBeCloseTo(a * theta, 12);
        expect(curve.slope[i]).toBe(a);
      });
      expect(curve.at).toEqual({ theta: run.trajectory.parameters.theta[n], y: run.trajectory.output[n], slope: a });
    }
  });

  it("of an MLP passes through the run's output and slope at θ_n, and its slope is the output's derivative", () => {
    const config = getBuiltInScenario('neural').configs[0];
    const run = solve(config);
    const slopes = run.columns[run.series.findIndex((s) => s.role === 'slope')];
    for (const n of [5, 19, 20, 60]) {
      const curve = policyCurve(policyOf(config), run.trajectory, n, 30, 401);
      if (!curve) throw new Error('the neural run holds its weights');
      expect(curve.at.y).toBeCloseTo(run.trajectory.output[n], 12);
      expect(curve.at.slope).toBeCloseTo(slopes[n], 12);
      // Central differences of the output against the slope written by the network's backward pass.
      for (let i = 1; i < curve.theta.length - 1; i += 20) {
        const difference = (curve.output[i + 1] - curve.output[i - 1]) / (curve.theta[i + 1] - curve.theta[i - 1]);
        expect(Math.abs(difference - curve.slope[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(curve.slope[i])));
      }
    }
  });

  it("is null for the corridor, whose solver plays its own choice and not the policy's coefficient", () => {
    const config = getBuiltInScenario('corridor').configs[0];
    expect(policyCurve(policyOf(config), solve(config).trajectory, 0, 10)).toBeNull();
  });
});

describe('curveRange', () => {
  it('covers the visited θ, widened by half the largest |θ| or a quarter of the span', () => {
    const close = ([lo, hi]: [number, number], [wantLo, wantHi]: [number, number]) => {
      expect(lo).toBeCloseTo(wantLo, 12);
      expect(hi).toBeCloseTo(wantHi, 12);
    };
    close(curveRange([0.8, 0.4, 0], 2), [-0.4, 1.2]);
    close(curveRange([1, 3], 1), [-0.5, 4.5]);
  });

  it('is ±0.5 around a θ stuck at 0, and looks only at the window', () => {
    expect(curveRange([0, 0, 0, 100], 2)).toEqual([-0.5, 0.5]);
  });
});
