import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readConfigFile } from '../model/configFile.ts';
import type { ConfigSource } from '../experiment/pipeline.ts';
import { getBuiltInScenario } from '../scenarios/registry.ts';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);


/** The configs named by `mesalab run NAME|FILE`: a built-in scenario, or a YAML/JSON config file. */
export function loadScenarioConfigs(nameOrPath: string): ConfigSource[] {
  if (CONFIG_EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath)) {
    return [{ config: readConfigFile(nameOrPath), defaultName: basename(nameOrPath, extname(nameOrPath)) }];
  }
  return getBuiltInScenario(nameOrPath).configs.map((config) => ({ config, defaultName: config.name ?? nameOrPath }));
}

export { readConfigFile };
