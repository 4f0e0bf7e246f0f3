import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { rolloutGame } from '../../src/rollout/gameRollout.ts';
import { quantile, rolloutStochastic } from '../../src/rollout/stochasticRollout.ts';
import { solveLq } from '../../src/solvers/lq/lq.ts';
import { NormalSampler } from '../../src/numerics/normal.ts';
import { independentStreams } from '../../src/numerics/rng.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

const reinforceGame = parseGameConfig({ schedule: '0.5x5,0x3', update: { type: 'reinforce', sigma: 0.3, baseline: 'expected' } }).game;
const plan = { actions: Float64Array.from([0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1]) };

describe('rolloutStochastic', () => {
  it('rolloutStochastic(seed) gives identical numbers for the same seed and different ones for another', () => {
    const a = rolloutStochastic(reinforceGame, plan, { runs: 50, seed: 7 });
    const b = rolloutStochastic(reinforceGame, plan, { runs: 50, seed: 7 });
    expect(b).toEqual(a);
    const c = rolloutStochastic(reinforceGame, plan, { runs: 50, seed: 8 });
    expect(c.output.mean).not.toEqual(a.output.mean);
  });

  it("each run is its own stream: a run's numbers do not depend on how many runs are played", () => {
    const few = rolloutStochastic(reinforceGame, plan, { runs: 5, seed: 3 });
    const many = rolloutStochastic(reinforceGame, plan, { runs: 40, seed: 3 });
    expect(Array.from(many.agentZeroCost.slice(0, 5))).toEqual(Array.from(few.agentZeroCost));
    expect(new Set(many.agentZeroCost).size).toBe(40);
  });

  it('returns columnar Float64Arrays: N + 1 entries per parameter, N per episode series, one cost per run', () => {
    const r = rolloutStochastic(reinforceGame, plan, { runs: 20 });
    for (const summary of [r.output, r.baseLoss, r.mesaLoss]) {
      for (const column of [summary.mean, summary.sd, summary.q05, summary.q95]) {
        expect(column).toBeInstanceOf(Float64Array);
        expect(column.length).toBe(8);
      }
    }
    expect(r.parameters.theta.mean.length).toBe(9);
    expect(r.agentZeroCost.length).toBe(20);
    expect(Array.from(r.learningRate)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0]);
    for (let n = 0; n < 8; n++) {
      expect(r.output.q05[n]).toBeLessThanOrEqual(r.output.q95[n]);
      expect(r.mesaLoss.q05[n]).toBeGreaterThanOrEqual(0);
    }
  });

  it("the summaries are those of the runs' own draws: episode 0's output is π + σξ with ξ each stream's first normal", () => {
    const runs = 101;
    const r = rolloutStochastic(reinforceGame, plan, { runs, seed: 5 });
    const outputs = independentStreams(5, runs).map((rng) => 0.2 * 0.8 + 0.3 * new NormalSampler(rng).next());
    const sorted = [...outputs].sort((a, b) => a - b);
    // With 101 runs the 5% and 95% quantiles are order statistics 5 and 95 exactly (h = 100·q).
    expect(r.output.q05[0]).toBe(sorted[5]);
    expect(r.output.q95[0]).toBe(sorted[95]);
    const mean = outputs.reduce((a, b) => a + b, 0) / runs;
    assertInDelta(r.output.mean[0], mean, 1e-15);
    assertInDelta(r.output.sd[0], Math.sqrt(outputs.reduce((a, y) => a + (y - mean) ** 2, 0) / (runs - 1)), 1e-15);
    expect(r.parameters.theta.q05[0]).toBe(0.8);
    expect(r.parameters.theta.sd[0]).toBe(0);
  });

  it('quantile interpolates linearly between order statistics', () => {
    const sorted = [1, 2, 3, 4, 5];
    assertInDelta(quantile(sorted, 0.05), 1.2, 1e-15);
    assertInDelta(quantile(sorted, 0.95), 4.8, 1e-15);
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile([4], 0.95)).toBe(4);
  });

  it('under the gradient update every run equals the deterministic rollout (sd 0, quantiles = mean)', () => {
    const game = parseGameConfig({ schedule: '1x5,0x3', regularizer: 0.1 }).game;
    const equilibrium = solveLq(game);
    const trajectory = rolloutGame(game, equilibrium);
    const r = rolloutStochastic(game, equilibrium, { runs: 3 });
    for (const [summary, column] of [
      [r.parameters.theta, trajectory.parameters.theta],
      [r.output, trajectory.output],
      [r.baseLoss, trajectory.baseLoss],
      [r.mesaLoss, trajectory.mesaLoss],
    ] as const) {
      assertInDelta(summary.mean, column, 1e-15);
      assertInDelta(summary.q05, column, 1e-15);
      assertInDelta(summary.q95, column, 1e-15);
      expect(Array.from(summary.sd).every((s) => s === 0)).toBe(true);
    }
  });

  it("the believed model holds frozen copies at their source's start value and uses the believed objective", () => {
    const game = parseGameConfig({
      schedule: '1x2',
      parameters: { theta: { initial: 0.8, prior: [0] }, beta: { initial: 0.5, prior: [0] } },
      policy: { type: 'linear', inputs: ['theta', 'beta'] },
      frozen: { b: 'beta' },
      believedObjective: '(y - b)^2',
    }).game;
    const equilibrium = { actions: Float64Array.of(0.5, 0.5, 0.5, 0.5) };
    const believed = rolloutStochastic(game, equilibrium, { runs: 1, model: 'believed' });
    // y = 0.5·0.8 + 0.5·0.5 = 0.65; believed: θ′ = θ − 2(y − b)·0.5 = 0.8 − 0.15, β′ = 0.5 − 0.15.
    assertInDelta(believed.parameters.theta.mean[1], 0.65, 1e-15);
    assertInDelta(believed.parameters.beta.mean[1], 0.35, 1e-15);
    assertInDelta(believed.baseLoss.mean[0], 0.15 ** 2, 1e-15);
    const truth = rolloutStochastic(game, equilibrium, { runs: 1 });
    assertInDelta(truth.parameters.theta.mean[1], 0.8 - 0.65, 1e-15);
  });

  it('rejects invalid runs, seeds and update rules, naming the field', () => {
    expect(() => rolloutStochastic(reinforceGame, plan, { runs: 0 })).toThrow(/runs: must be a whole number/);
    expect(() => rolloutStochastic(reinforceGame, plan, { seed: -1 })).toThrow(/seed: must be a whole number/);
    expect(() => rolloutStochastic(reinforceGame, plan, { seed: 2 ** 32 })).toThrow(/seed/);
    const runningMean = parseGameConfig({ schedule: '1', update: { type: 'reinforce', sigma: 1, baseline: 'running-mean' } }).game;
    expect(() => rolloutStochastic(runningMean, { actions: Float64Array.of(1) })).toThrow(/update: the running-mean baseline/);
    const full = parseGameConfig({ schedule: '1', update: { type: 'full' } }).game;
    expect(() => rolloutStochastic(full, { actions: Float64Array.of(1) })).toThrow(/training history/);
  });

  it('reports divergence with the episode and the run', () => {
    const game = parseGameConfig({ schedule: '1e300x3', update: { type: 'reinforce', sigma: 1 } }).game;
    expect(() => rolloutStochastic(game, { actions: Float64Array.of(1, 1, 1) }, { runs: 2 })).toThrow(/diverged at episode \d \(run 0's parameters/);
  });
});
