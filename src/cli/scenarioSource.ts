import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readConfigFile } from '../model/configFile.ts';
import type { ConfigSource } from '../experiment/pipeline.ts';
import { getBuiltInScenario, SEED_FAMILY_SCENARIOS } from '../scenarios/registry.ts';
import type { SeedSource } from './seedRuns.ts';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A file wins over a built-in of the same name. */
const isConfigFile = (nameOrPath: string) => CONFIG_EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath);

/** The configs named by `mesalab run NAME|FILE`: a built-in scenario, or a YAML/JSON config file. */
export function loadScenarioConfigs(nameOrPath: string): ConfigSource[] {
  if (isConfigFile(nameOrPath)) {
    return [{ config: readConfigFile(nameOrPath), defaultName: basename(nameOrPath, extname(nameOrPath)) }];
  }
  return getBuiltInScenario(nameOrPath).configs.map((config) => ({ config, defaultName: config.name ?? nameOrPath }));
}

/** The typed configs of the seed-family built-in `mesalab run NAME` names; undefined for a file or any other name. */
export function builtInSeedSources(nameOrPath: string): SeedSource[] | undefined {
  if (isConfigFile(nameOrPath)) return undefined;
  const found = SEED_FAMILY_SCENARIOS.find((s) => s.name === nameOrPath);
  return found?.configs.map((config) => ({ config, defaultName: config.name ?? nameOrPath }));
}

export { readConfigFile };
