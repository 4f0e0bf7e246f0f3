import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors/inputError.ts';

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
    throw new InputError(path, `is not valid YAML or JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}
