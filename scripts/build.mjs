// `npm run build` (also run by `prepare`): a clean dist/ from src/ — tsc with tsconfig.build.json,
// then the files the compiled code reads at run time: the built-in sweeps and the plain-JS worker
// entries (src/**/*.mjs other than the sweep's tsx loader, which dist/ does not use). Plain JS, so it
// runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
cpSync(`${root}src/scenarios/sweeps`, `${root}dist/scenarios/sweeps`, { recursive: true });
for (const file of readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.mjs') && !file.endsWith('batchWorker.mjs')) cpSync(`${root}src/${file}`, `${root}dist/${file}`);
}
