/**
 * One config run as `mesalab run` runs it: runsOnSeedPipeline picks the pipeline, the library's
 * parser validates the config (throwing an InputError that names the field), and runExperiment or
 * runGame solves it. A game's result is made portable so it can be posted to the page.
 */
import { runExperiment } from '../../src/experiment/experiment.ts';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { runsOnSeedPipeline } from '../../src/experiment/pipeline.ts';
import { toPortableGameResult } from '../../src/experiment/portableGameResult.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import type { Run } from './protocol.ts';

export function runConfig(config: unknown): Run {
  if (runsOnSeedPipeline(config)) return { kind: 'seed', result: runExperiment(parseScenarioConfig(config)) };
  return { kind: 'game', result: toPortableGameResult(runGame(parseGameConfig(config))) };
}
