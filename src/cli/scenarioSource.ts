import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../model/inputError.ts';
import { getBuiltInScenario } from '../scenarios/registry.ts';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** One config to run, as data, with the name it takes if it names none itself. */
export interface ConfigSource {
  readonly config: unknown;
  readonly defaultName: string;
}

/** The configs named by `mesalab run NAME|FILE`: a built-in scenario, or a YAML/JSON config file. */
export function loadScenarioConfigs(nameOrPath: string): ConfigSource[] {
  if (CONFIG_EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath)) {
    return [{ config: readConfigFile(nameOrPath), defaultName: basename(nameOrPath, extname(nameOrPath)) }];
  }
  return getBuiltInScenario(nameOrPath).configs.map((config) => ({ config, defaultName: config.name ?? nameOrPath }));
}

/** Parses a YAML or JSON file (YAML is a superset of JSON); data only, never code. */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, 'cannot read this file');
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new InputError(path, `is not valid YAML or JSON (${error instanceof Error ? error.message.split('\n')[0] : ''})`);
  }
}
