// The CLI's seed `solve` (no --set) skips the schema and the registry: it must give what the one
// pipeline gives for the same flags, errors included, with the registry's own solvers.
import { describe, expect, it } from 'vitest';
import { runConfigs } from '../../src/experiment/pipeline.ts';
import { justSolve } from '../../src/experiment/solveSize.ts';
import { loadSeedSolver, SEED_SOLVER_NAMES } from '../../src/cli/seedSolvers.ts';
import { solveSeedConfig } from '../../src/cli/seedSolve.ts';
import { getSolver, LINEAR_SOLVER_NAMES, SOLVER_NAMES } from '../../src/solvers/registry.ts';
import type { SeedConfigFields } from '../../src/model/parsedConfig.ts';

const withoutTiming = <T extends { solveMilliseconds: number }>({ solveMilliseconds: _, ...rest }: T) => rest;

describe('loadSeedSolver', () => {
  it('knows exactly the seed-family solvers of the registry, each as the registry holds it', async () => {
    expect([...SEED_SOLVER_NAMES].sort()).toEqual([...LINEAR_SOLVER_NAMES].sort());
    for (const name of SEED_SOLVER_NAMES) expect(await loadSeedSolver(name)).toBe(getSolver(name));
  });

  it('leaves every other name (auto, game solvers, typos, inherited keys) to the registry', () => {
    for (const name of [...SOLVER_NAMES.filter((n) => !SEED_SOLVER_NAMES.includes(n as never)), 'magic', 'toString', '__proto__']) expect(loadSeedSolver(name)).toBeUndefined();
  });
});

describe('solveSeedConfig(flags) equals runConfigs on the seed pipeline', () => {
  const configs: SeedConfigFields[] = [
    { schedule: '1x100' },
    { schedule: '1x20,0x80', discount: 0.9, regularizer: 0.01 },
    { schedule: [1, 0.5, 0.25, 0], theta0: -0.3 },
    { schedule: '0.5x7', discount: 0, theta0: 2 },
  ];
  it.each(SEED_SOLVER_NAMES)('with --solver %s', async (name) => {
    const solver = (await loadSeedSolver(name))!;
    for (const config of configs) {
      const batch = runConfigs([{ config, defaultName: 'custom' }], name);
      expect(batch.kind).toBe('seed');
      expect(withoutTiming(solveSeedConfig(config, solver, justSolve))).toEqual(withoutTiming(batch.results[0] as Parameters<typeof withoutTiming>[0]));
    }
  });

  it('refuses a bad field with the pipeline’s message', async () => {
    const solver = (await loadSeedSolver('grid'))!;
    for (const config of [{ schedule: '1x3', discount: 2 }, { schedule: '1x3', regularizer: -1 }, { schedule: 'x' }, { schedule: [] }, { schedule: [1, -1] }]) {
      const pipeline = (() => {
        try {
          runConfigs([{ config, defaultName: 'custom' }]);
        } catch (error) {
          return String(error);
        }
        return 'no error';
      })();
      expect(pipeline).not.toBe('no error');
      expect(() => solveSeedConfig(config, solver, justSolve)).toThrow(pipeline.replace(/^\w*Error: /, ''));
    }
  });
});
