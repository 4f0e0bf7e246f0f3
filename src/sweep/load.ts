/**
 * Finding a sweep: a YAML or JSON file by path, or a built-in sweep by name (the files in
 * src/scenarios/sweeps/, e.g. `mesalab sweep training-x-deployment`).
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readConfigFile } from '../model/configFile.ts';
import { builtInSweepFile, SWEEP_FILE_EXTENSIONS as EXTENSIONS } from './builtIn.ts';
import { compileSweep, type Sweep } from './sweep.ts';

export { builtInSweepFile, builtInSweepNames } from './builtIn.ts';

/** Loads and compiles a sweep file, or the built-in sweep of that name; `solver` overrides the file's. */
export function loadSweep(nameOrPath: string, solver?: string): Sweep {
  const file = EXTENSIONS.has(extname(nameOrPath)) || existsSync(nameOrPath) ? nameOrPath : builtInSweepFile(nameOrPath);
  const input = readConfigFile(file);
  const withSolver = solver !== undefined && typeof input === 'object' && input !== null ? { ...input, solver } : input;
  return compileSweep(withSolver, basename(file, extname(file)));
}

