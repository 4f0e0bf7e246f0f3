import { describe, expect, it } from 'vitest';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { InputError } from '../../src/errors/inputError.ts';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { evaluateBatch, evaluatePoint } from '../../src/sweep/evaluate.ts';
import { builtInSweepNames, loadSweep } from '../../src/sweep/load.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { SMALL_SWEEP } from './helpers.ts';

function errorOf(input: unknown): string {
  try {
    compileSweep(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('compileSweep accepted it');
}

describe('compileSweep(file)', () => {
  it('expands the axes in file order and counts the points', () => {
    const sweep = compileSweep(SMALL_SWEEP);
    expect(sweep.name).toBe('small');
    expect(sweep.paths).toEqual(['schedule.training', 'schedule.deployment']);
    expect(sweep.axes[0].values).toEqual([1, 11, 21, 31, 41]);
    expect(sweep.points).toBe(20);
    expect(sweep.metrics).toEqual(['firstCoefficient', 'goalRetained']);
  });

  it('records every metric by default', () => {
    const { metrics } = compileSweep({ ...SMALL_SWEEP, metrics: undefined });
    expect(metrics).toEqual(expect.arrayContaining(['firstCoefficient', 'goalRetained', 'finalTheta', 'trainingEpisodes']));
  });

  it('has a fingerprint that ignores key order and the name but not the values', () => {
    const a = compileSweep(SMALL_SWEEP).fingerprint;
    expect(compileSweep({ ...SMALL_SWEEP, name: 'other', base: { schedule: { deployment: 80, training: 20 } } }).fingerprint).toBe(a);
    expect(compileSweep({ ...SMALL_SWEEP, base: { ...SMALL_SWEEP.base, discount: 0.9 } }).fingerprint).not.toBe(a);
    expect(compileSweep({ ...SMALL_SWEEP, metrics: ['firstCoefficient'] }).fingerprint).not.toBe(a);
  });

  it('applies a top-level solver to every point', () => {
    const sweep = compileSweep({ ...SMALL_SWEEP, solver: 'exact' });
    expect(sweep.base.solver).toBe('exact');
  });

  it('gives one clear error naming the field for each kind of mistake', () => {
    expect(errorOf({ ...SMALL_SWEEP, sweep: {} })).toMatch(/^sweep: needs at least one parameter/);
    expect(errorOf({ ...SMALL_SWEEP, swep: {} })).toMatch(/Unrecognized key: "swep"/);
    expect(errorOf({ sweep: SMALL_SWEEP.sweep })).toMatch(/^base: /);
    expect(errorOf({ ...SMALL_SWEEP, metrics: ['firstCoefficient', 'gaolRetained'] })).toMatch(
      /^metrics\[1\]: unknown metric "gaolRetained"; known: .*goalRetained/,
    );
    expect(errorOf({ ...SMALL_SWEEP, sweep: { 'schedule.trainng': [1, 2] } })).toMatch(/^sweep\.schedule\.trainng: value 1 is invalid: .*trainng/);
    expect(errorOf({ ...SMALL_SWEEP, sweep: { discount: { from: 0.5, to: 1.5, steps: 3 } } })).toMatch(
      /^sweep\.discount: value 1\.5 is invalid: discount: must be between 0 and 1/,
    );
    expect(errorOf({ ...SMALL_SWEEP, sweep: { 'schedule.training': [1.5] } })).toMatch(/^sweep\.schedule\.training: value 1\.5 is invalid/);
    expect(errorOf({ ...SMALL_SWEEP, base: { schedule: '1x20,0x80' }, sweep: { 'schedule.training': [1] } })).toMatch(
      /^sweep\.schedule\.training: base\.schedule is "1x20,0x80", not a map/,
    );
    expect(errorOf({ ...SMALL_SWEEP, sweep: { 'schedule..training': [1] } })).toMatch(/^sweep\.schedule\.\.training: .* not a dotted path/);
    expect(errorOf({ ...SMALL_SWEEP, base: { ...SMALL_SWEEP.base, discount: 2 } })).toMatch(/^base: discount: must be between 0 and 1/);
    expect(errorOf({ ...SMALL_SWEEP, sweep: { theta0: { from: 0, to: 1, steps: 1e4 }, discount: { from: 0, to: 1, steps: 2e4 } } })).toMatch(
      /^sweep: has 200000000 points/,
    );
  });
});

describe('evaluatePoint(sweep, id)', () => {
  it('records the metrics runExperiment gives for the base config with the point written in', () => {
    const sweep = compileSweep(SMALL_SWEEP);
    const row = evaluatePoint(sweep, 5); // training 11 (index 1), deployment 10 (index 1): 1·4 + 1
    expect(row.params).toEqual({ 'schedule.training': 11, 'schedule.deployment': 10 });
    const { metrics } = runExperiment(parseScenarioConfig({ schedule: { training: 11, deployment: 10 } }));
    expect(row.metrics).toEqual({ firstCoefficient: metrics.firstCoefficient, goalRetained: metrics.goalRetained });
    expect(row.error).toBeUndefined();
  });

  it('reproduces the seed result at training 20, deployment 80 (a_0 = 0.03)', () => {
    const sweep = compileSweep({ ...SMALL_SWEEP, sweep: { 'schedule.training': [20], 'schedule.deployment': [80] } });
    expect(evaluatePoint(sweep, 0).metrics!.firstCoefficient).toBeCloseTo(0.03, 12);
  });

  it('records an invalid combination or a divergence as the point\'s error, not a crash', () => {
    const empty = compileSweep({ base: { schedule: { training: 1, deployment: 0 } }, sweep: { 'schedule.training': [1, 0], 'schedule.deployment': [0, 1] } });
    expect(evaluatePoint(empty, 0).error).toBeUndefined();
    expect(evaluatePoint(empty, 2).error).toMatch(/^schedule: is empty/);
    expect(evaluatePoint(empty, 2).metrics).toBeUndefined();
    // With λ = 1 and ℓ = 10, |f| = |1 − 2ℓ(a² + λ)| ≥ 19 whatever the agents play: θ overflows.
    const diverging = compileSweep({ base: { schedule: { training: 400 }, regularizer: 1 }, sweep: { 'schedule.learningRate': [0.1, 10] } });
    expect(evaluatePoint(diverging, 0).error).toBeUndefined();
    expect(evaluatePoint(diverging, 1).error).toMatch(/^diverged at episode \d+/);
  });

  it('writes a batch as one complete JSON line per point', () => {
    const sweep = compileSweep(SMALL_SWEEP);
    const text = evaluateBatch(sweep, [3, 4, 5]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([3, 4, 5]);
  });
});

describe('the built-in sweeps', () => {
  it('compile and are found by name', () => {
    expect(builtInSweepNames().length).toBeGreaterThanOrEqual(2);
    for (const name of builtInSweepNames()) expect(loadSweep(name).name).toBe(name);
  });
});
