import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseScenarioConfig, type ParsedConfig } from '../model/config.ts';
import { InputError } from '../model/inputError.ts';
import { getBuiltInScenario } from '../scenarios/registry.ts';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The configs named by `mesalab run NAME|FILE`: a built-in scenario, or a YAML/JSON config file. */
export function loadScenarioConfigs(nameOrPath: string): ParsedConfig[] {
  if (CONFIG_EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath)) {
    return [parseScenarioConfig(readConfigFile(nameOrPath), basename(nameOrPath, extname(nameOrPath)))];
  }
  return getBuiltInScenario(nameOrPath).configs.map((config) => parseScenarioConfig(config));
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
