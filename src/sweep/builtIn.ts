/**
 * The built-in sweeps: the files in src/scenarios/sweeps/ (copied to dist/scenarios/sweeps/ by the
 * build). A light module, so `mesalab sweep --help` can name them without loading the sweep engine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors/inputError.ts';

const BUILT_IN_DIR = fileURLToPath(new URL('../scenarios/sweeps/', import.meta.url));
export const SWEEP_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json']);

/** The names of the built-in sweeps, sorted. */
export function builtInSweepNames(): string[] {
  return readdirSync(BUILT_IN_DIR)
    .filter((f) => SWEEP_FILE_EXTENSIONS.has(extname(f)))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** The path of the built-in sweep `name`; an InputError listing the known ones otherwise. */
export function builtInSweepFile(name: string): string {
  for (const ext of SWEEP_FILE_EXTENSIONS) {
    const file = join(BUILT_IN_DIR, `${name}${ext}`);
    if (existsSync(file)) return file;
  }
  throw new InputError('sweep', `no file or built-in sweep called "${name}"; built-in: ${builtInSweepNames().join(', ')}`);
}
