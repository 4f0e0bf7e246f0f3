// `npm run build` (also run by `prepare`): a clean dist/ from src/ — tsc with tsconfig.build.json,
// then the data files the compiled code reads at run time (the built-in sweeps). Plain JS, so it
// runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
cpSync(`${root}src/scenarios/sweeps`, `${root}dist/scenarios/sweeps`, { recursive: true });
