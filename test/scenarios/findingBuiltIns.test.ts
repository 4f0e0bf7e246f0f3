/**
 * Every findings section has a built-in scenario, and a scenario file that changes one of its
 * fields runs through the CLI's loader and the one pipeline exactly as the finding's own
 * runScenario(base, {field: value}) does — the value reaching the solver (the result moves).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarioConfigs } from '../../src/cli/scenarioSource.ts';
import { runConfigs } from '../../src/experiment/pipeline.ts';
import { FINDING_NAMES } from '../../src/findings/names.ts';
import { runScenario, type Settings } from '../../src/findings/runScenario.ts';
import { flatGameMetrics, flatSeedMetrics } from '../../src/metrics/flatMetrics.ts';
import { withOverrides, type JsonObject } from '../../src/model/configPaths.ts';
import { BUILT_IN_SCENARIOS, getBuiltInScenario } from '../../src/scenarios/registry.ts';

/** One changed field per built-in, and the metric it must move. */
const CHANGES: Record<string, { settings: Settings; moves: string }> = {
  discount: { settings: { discount: 0.5 }, moves: 'firstCoefficient' },
  'trained-discount': { settings: { 'trainedDiscount.initial': 0.9 }, moves: 'finalDiscount' },
  regularizer: { settings: { regularizer: 0.1 }, moves: 'goalRetained' },
  misconception: { settings: { 'parameters.beta.initial': -0.5 }, moves: 'finalParameters.beta' },
  neural: { settings: { schedule: '1x2,0x2' }, moves: 'trainingEpisodes' },
  'uncertain-deployment': { settings: { 'deployment.shift': 4 }, moves: 'meanDeploymentCoefficient' },
  'infinite-horizon': { settings: { discount: 0.9 }, moves: 'firstCoefficient' },
  'endless-deployment': { settings: { discount: 0.9 }, moves: 'firstCoefficient' },
  corridor: { settings: { discount: 0.5 }, moves: 'decision' },
  'online-full': { settings: { tieRule: 'largest' }, moves: 'meanTrainingCoefficient' },
};

const dir = mkdtempSync(join(tmpdir(), 'mesalab-builtins-'));

/** Runs a scenario file through the CLI's loader and the pipeline; the flat metrics of each config. */
function runFile(file: string) {
  const batch = runConfigs(loadScenarioConfigs(file));
  return batch.kind === 'seed' ? batch.results.map((r) => flatSeedMetrics(r.metrics)) : batch.results.map((r) => flatGameMetrics(r.metrics));
}

describe('the findings sections’ built-in scenarios', () => {
  it('cover every section of the findings page', () => {
    const sections = new Set(BUILT_IN_SCENARIOS.map((s) => s.section).filter((s) => s !== undefined));
    expect([...sections].sort()).toEqual(FINDING_NAMES.map((n) => (n === 'online-learning' ? 'online' : n)).sort());
  });

  for (const [name, { settings, moves }] of Object.entries(CHANGES)) {
    it(`${name}: a file with ${Object.keys(settings).join(', ')} changed runs as runScenario does, and moves ${moves}`, () => {
      const { configs } = getBuiltInScenario(name);
      // One file per config (a built-in such as online-full runs two).
      const fromFile = configs.flatMap((c, i) => {
        const file = join(dir, `${name}-${i}.yaml`);
        writeFileSync(file, stringify(withOverrides(c as JsonObject, Object.keys(settings), Object.values(settings))));
        return runFile(file);
      });
      const direct = configs.map((c) => runScenario(c, settings).metrics);
      expect(fromFile).toEqual(direct);
      // The base (skipped for the neural network, whose base solve takes minutes) gives another value.
      if (name !== 'neural') expect(configs.map((c) => runScenario(c).metrics[moves])).not.toEqual(direct.map((m) => m[moves]));
    });
  }
});
