/**
 * Finding a sweep: a YAML or JSON file by path, or a built-in sweep by name (the files in
 * src/scenarios/sweeps/, e.g. `mesalab sweep training-x-deployment`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFile } from '../model/configFile.ts';
import { InputError } from '../errors/inputError.ts';
import { compileSweep, type Sweep } from './sweep.ts';

const BUILT_IN_DIR = fileURLToPath(new URL('../scenarios/sweeps/', import.meta.url));
const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The names of the built-in sweeps, sorted. */
export function builtInSweepNames(): string[] {
  return readdirSync(BUILT_IN_DIR)
    .filter((f) => EXTENSIONS.has(extname(f)))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** The path of the built-in sweep `name`; an InputError listing the known ones otherwise. */
export function builtInSweepFile(name: string): string {
  for (const ext of EXTENSIONS) {
    const file = join(BUILT_IN_DIR, `${name}${ext}`);
    if (existsSync(file)) return file;
  }
  throw new InputError('sweep', `no file or built-in sweep called "${name}"; built-in: ${builtInSweepNames().join(', ')}`);
}

/** Loads and compiles a sweep file, or the built-in sweep of that name; `solver` overrides the file's. */
export function loadSweep(nameOrPath: string, solver?: string): Sweep {
  const file = EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath) ? nameOrPath : builtInSweepFile(nameOrPath);
  const input = readConfigFile(file);
  const withSolver = solver !== undefined && typeof input === 'object' && input !== null ? { ...input, solver } : input;
  return compileSweep(withSolver, basename(file, extname(file)));
}

