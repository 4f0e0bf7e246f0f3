// The CLI's seed path (typed configs without --set) skips the schema and the registry: it must
// give what the one pipeline gives for the same configs, errors included, with the registry's own
// solvers.
import { describe, expect, it } from 'vitest';
import { runConfigs } from '../../src/experiment/pipeline.ts';
import { justSolve } from '../../src/experiment/solveSize.ts';
import { loadSeedSolver, SEED_SOLVER_NAMES } from '../../src/cli/seedSolvers.ts';
import { runSeedSources, type SeedSource } from '../../src/cli/seedRuns.ts';
import { builtInSeedSources, loadScenarioConfigs } from '../../src/cli/scenarioSource.ts';
import { SEED_FAMILY_SCENARIOS } from '../../src/scenarios/registry.ts';
import { getSolver, LINEAR_SOLVER_NAMES, SOLVER_NAMES } from '../../src/solvers/registry.ts';
import type { ExperimentResult } from '../../src/experiment/experiment.ts';

const withoutTiming = (results: readonly ExperimentResult[]) => results.map(({ solveMilliseconds: _, ...rest }) => rest);

/** What the pipeline gives for `sources`: its seed results, or its error's text. */
function pipeline(sources: readonly SeedSource[], solver?: string) {
  try {
    const batch = runConfigs(sources, solver);
    expect(batch.kind).toBe('seed');
    return withoutTiming(batch.results as ExperimentResult[]);
  } catch (error) {
    return (error as Error).message;
  }
}

async function seedPath(sources: readonly SeedSource[], solver?: string) {
  try {
    const results = await runSeedSources(sources, solver, justSolve);
    return results && withoutTiming(results);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('loadSeedSolver', () => {
  it('knows exactly the seed-family solvers of the registry, each as the registry holds it', async () => {
    expect([...SEED_SOLVER_NAMES].sort()).toEqual([...LINEAR_SOLVER_NAMES].sort());
    for (const name of SEED_SOLVER_NAMES) expect(await loadSeedSolver(name)).toBe(getSolver(name));
  });

  it('leaves every other name (auto, game solvers, typos, inherited keys) to the registry', () => {
    for (const name of [...SOLVER_NAMES.filter((n) => !SEED_SOLVER_NAMES.includes(n as never)), 'magic', 'toString', '__proto__']) expect(loadSeedSolver(name)).toBeUndefined();
  });
});

describe('runSeedSources(typed configs) equals runConfigs on the seed pipeline', () => {
  const flags: SeedSource[] = [
    { schedule: '1x100' },
    { schedule: '1x20,0x80', discount: 0.9, regularizer: 0.01 },
    { schedule: [1, 0.5, 0.25, 0], theta0: -0.3 },
    { schedule: '0.5x7', discount: 0, theta0: 2 },
    { schedule: { training: 3 }, solver: 'exact' },
  ].map((config) => ({ config, defaultName: 'custom' }));

  it.each(SEED_SOLVER_NAMES)('solve’s flags with --solver %s', async (name) => {
    for (const source of flags) expect(await seedPath([source], name)).toEqual(pipeline([source], name));
  });

  it.each(SEED_FAMILY_SCENARIOS.map((s) => s.name))('the built-in %s, with its own solvers and each seed solver', async (name) => {
    const sources = builtInSeedSources(name)!;
    expect(sources.map((s) => s.config)).toEqual(loadScenarioConfigs(name).map((s) => s.config));
    for (const solver of [undefined, ...SEED_SOLVER_NAMES]) {
      expect(await seedPath(sources, solver)).toEqual(pipeline(sources, solver));
    }
  });

  it('refuses a bad field with the pipeline’s message', async () => {
    for (const config of [{ schedule: '1x3', discount: 2 }, { schedule: '1x3', regularizer: -1 }, { schedule: 'x' }, { schedule: [] }, { schedule: [1, -1] }, { schedule: { training: 0 } }]) {
      const expected = pipeline([{ config, defaultName: 'custom' }]);
      expect(typeof expected).toBe('string');
      expect(await seedPath([{ config, defaultName: 'custom' }])).toBe(expected);
    }
  });

  it('runs nothing for a solver that is not a seed solver (the pipeline’s to run or refuse)', async () => {
    for (const solver of ['auto', 'lq', 'magic']) expect(await runSeedSources(flags, solver, () => expect.unreachable() as never)).toBeUndefined();
    expect(await runSeedSources([{ config: { schedule: '1x3', solver: 'lq' }, defaultName: 'x' }], undefined, justSolve)).toBeUndefined();
  });
});

describe('builtInSeedSources', () => {
  it('is undefined for a game built-in, an unknown name and a file path', () => {
    expect(builtInSeedSources('online')).toBeUndefined();
    expect(builtInSeedSources('no-such-scenario')).toBeUndefined();
    expect(builtInSeedSources('examples/seed-2.yaml')).toBeUndefined();
  });
});
