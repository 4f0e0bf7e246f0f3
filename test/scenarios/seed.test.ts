import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { seed1, seed2 } from '../../src/scenarios/seed.ts';
import { LINEAR_SOLVER_NAMES } from '../../src/solvers/registry.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';
import { roundForGolden } from '../golden/round.ts';

const golden = JSON.parse(readFileSync(new URL('../golden/seed.json', import.meta.url), 'utf8'));

describe('the seed experiments', () => {
  it('seed-1 (20 training + 80 deployment at ℓ = 1, θ₀ = 0.8) starts with the published coefficient 0.03', () => {
    for (const solver of ['grid', 'reference'] as const) {
      const { metrics } = runExperiment(parseScenarioConfig(seed1), solver);
      assertInDelta(metrics.firstCoefficient, 0.03, 1e-12);
    }
  });

  it('seed-2 (100 training episodes) starts with 0.05 and ends with |θ| ≈ 0.08 before the last update', () => {
    for (const solver of ['grid', 'reference'] as const) {
      const { metrics, trajectory } = runExperiment(parseScenarioConfig(seed2), solver);
      assertInDelta(metrics.firstCoefficient, 0.05, 1e-12);
      assertInDelta(Math.abs(trajectory.theta[99]), 0.08, 0.005);
    }
  });

  it('seed-1 is deceptive in training and honest in deployment', () => {
    const { trajectory } = runExperiment(parseScenarioConfig(seed1));
    expect(trajectory.coefficient.slice(0, 20).every((a) => a < 0.2)).toBe(true);
    expect(trajectory.coefficient.slice(20).every((a) => a === 1)).toBe(true);
  });

  it.each(LINEAR_SOLVER_NAMES)('the %s solver reproduces the golden seed results', (solver) => {
    for (const config of [seed1, seed2]) {
      const parsed = parseScenarioConfig(config);
      const { trajectory } = runExperiment(parsed, solver);
      expect(roundForGolden(trajectory.coefficient)).toEqual(golden[parsed.name][solver].coefficients);
      expect(roundForGolden(trajectory.theta)).toEqual(golden[parsed.name][solver].theta);
    }
  });
});
