import { SOLVER_NAMES } from '../../src/solvers/registry.ts';
import { describe, expect, it } from 'vitest';
import { parseAnyConfig, runConfigs, runToFlatMetrics } from '../../src/experiment/pipeline.ts';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { solveExact } from '../../src/solvers/exact/exact.ts';
import { seed1 } from '../../src/scenarios/seed.ts';

describe('runConfigs', () => {
  it('runs a seed config on the seed pipeline with the published first coefficient', () => {
    const batch = runConfigs([{ config: seed1, defaultName: 'seed-1' }]);
    expect(batch.kind).toBe('seed');
    if (batch.kind !== 'seed') return;
    expect(batch.results[0].metrics.firstCoefficient).toBeCloseTo(0.03, 12);
  });

  it('runs the same seed config through lq as a game, matching the exact solver coefficient for coefficient', () => {
    const config = { schedule: '1x20,0x80', discount: 0.9 };
    const batch = runConfigs([{ config, defaultName: 'custom' }], 'lq');
    expect(batch.kind).toBe('game');
    if (batch.kind !== 'game') return;
    const exact = solveExact(linearScenario({ schedule: '1x20,0x80', discount: 0.9 })).coefficients;
    const lq = batch.results[0].equilibrium.actions;
    expect(lq.length).toBe(exact.length);
    for (let n = 0; n < exact.length; n++) expect(Math.abs(lq[n] - exact[n])).toBeLessThan(1e-9);
  });

  it('refuses an unknown solver naming --solver and listing every registered one', () => {
    expect(() => runConfigs([{ config: seed1, defaultName: 'x' }], 'magic')).toThrow(`--solver: unknown solver "magic"; known: ${SOLVER_NAMES.join(', ')}`);
    expect(SOLVER_NAMES).toEqual(['auto', 'exact', 'lq', 'history', 'dp', 'neural', 'infinite-horizon', 'trained-discount', 'uncertain-deployment', 'corridor', 'grid', 'reference']);
  });
});

describe('runToFlatMetrics', () => {
  it('records a game run under the seed names where they mean the same thing', () => {
    const config = { schedule: { training: 6, deployment: 4, learningRate: 0.2 }, update: { type: 'gradient-all', steps: 3 } };
    const flat = runToFlatMetrics(config, 'k3');
    const direct = runGame(parseGameConfig(config, 'k3'));
    expect(flat.firstCoefficient).toBe(direct.metrics.firstAction.a);
    expect(flat['firstAction.a']).toBe(direct.metrics.firstAction.a);
    expect(flat.finalTheta).toBe(direct.metrics.finalParameters.theta);
    expect(flat.goalRetained).toBe(direct.metrics.goalRetained);
  });
});

describe('parseAnyConfig', () => {
  it('names the field of a bad game config', () => {
    expect(() => parseAnyConfig({ schedule: '1x5', update: { type: 'gradient-all', steps: 0 } })).toThrow(/update.steps/);
  });
  it('refuses a config whose solver is not registered, naming the solver field', () => {
    expect(() => parseAnyConfig({ schedule: '1x5', solver: 'magic' })).toThrow(/solver: unknown solver "magic"/);
  });
});
