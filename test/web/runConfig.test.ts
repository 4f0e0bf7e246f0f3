import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { gameResultToJson } from '../../src/report/gameResultJson.ts';
import { getBuiltInScenario } from '../../src/scenarios/registry.ts';
import { seed1 } from '../../src/scenarios/seed.ts';
import { runConfig } from '../../web/src/runConfig.ts';
import { asGameTrajectory, metricEntries, resultJsonText } from '../../web/src/runView.ts';

describe('runConfig() (what the explorer worker runs)', () => {
  it('runs a seed config on the seed pipeline, as `mesalab run` does', () => {
    const run = runConfig(seed1);
    expect(run.kind).toBe('seed');
    if (run.kind !== 'seed') return;
    expect(run.result.metrics).toEqual(runExperiment(parseScenarioConfig(seed1)).metrics);
    expect(run.result.metrics.firstCoefficient).toBeCloseTo(0.03, 10);
  });

  it('runs a game config on the game pipeline, and its result survives structured cloning', () => {
    const config = getBuiltInScenario('online-reinforce').configs[1];
    const run = runConfig(config);
    expect(run.kind).toBe('game');
    // What postMessage does to it: the page gets the same JSON contract the CLI writes.
    const posted = structuredClone(run);
    expect(JSON.parse(resultJsonText(posted))).toEqual(JSON.parse(JSON.stringify(gameResultToJson(runGame(parseGameConfig(config))))));
  });

  it('names a game\'s linear-coefficient metrics as the seed does, so the two line up', () => {
    const seed = runConfig({ ...seed1, solver: 'exact' });
    const game = runConfig({ ...seed1, solver: 'lq' });
    expect([seed.kind, game.kind]).toEqual(['seed', 'game']);
    const seedRows = new Map(metricEntries(seed));
    const gameRows = new Map(metricEntries(game));
    expect([...gameRows.keys()].sort()).toEqual([...seedRows.keys()].sort());
    for (const [key, value] of seedRows) expect(gameRows.get(key)).toBeCloseTo(value ?? NaN, 8);
  });

  it('gives a seed run the game trajectory the game pipeline would give', () => {
    const seed = asGameTrajectory(runConfig({ ...seed1, solver: 'exact' }));
    const game = asGameTrajectory(runConfig({ ...seed1, solver: 'lq' }));
    expect(Object.keys(seed.parameters)).toEqual(Object.keys(game.parameters));
    expect(Object.keys(seed.actions)).toEqual(Object.keys(game.actions));
    for (let n = 0; n < game.output.length; n++) {
      expect(seed.actions.a[n]).toBeCloseTo(game.actions.a[n], 8);
      expect(seed.parameters.theta[n]).toBeCloseTo(game.parameters.theta[n], 8);
    }
  });
});
