// The package as a consumer gets it: `npm pack`, install the tarball into an empty folder (its
// dependencies from the registry or npm's cache), then import it from plain Node ESM, compile a
// strict NodeNext TypeScript file against it, run the bin through npx, and check `npm ls`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/built.ts';

assertBuilt();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const CONSUMER_MJS = `
import { linearScenario, solveGrid } from 'mesalab';
import { compileSweep } from 'mesalab/sweep';
const { coefficients } = solveGrid(linearScenario({ schedule: '1x20,0x80' }));
const sweep = compileSweep({ base: { schedule: '1x3' }, sweep: { theta0: [0.5, 1] }, metrics: ['firstCoefficient'] }, 'tiny');
console.log(coefficients[0].toFixed(2), sweep.points);
`;

const CONSUMER_TS = `
import { linearScenario, solveGrid, type Equilibrium } from 'mesalab';
import { compileSweep, type Sweep } from 'mesalab/sweep';
import type { renderSvg } from 'mesalab/report';

const equilibrium: Equilibrium = solveGrid(linearScenario({ schedule: '1x20,0x80' }));
export const first: number = equilibrium.coefficients[0];
const sweep: Sweep = compileSweep({ base: { schedule: '1x3' }, sweep: { theta0: [0.5, 1] }, metrics: ['firstCoefficient'] }, 'tiny');
export const points: number = sweep.points;
export type Render = typeof renderSvg;
`;

// The main and sweep entries only, with skipLibCheck off: their declarations need no vega-lite,
// an optional peer dependency that a light install does not have.
const CONSUMER_STRICT_TS = `
import { FINDINGS, linearScenario, solveGrid, type Equilibrium, type FigureSpec, type FindingFigure } from 'mesalab';
import { compileSweep, type Sweep } from 'mesalab/sweep';

const equilibrium: Equilibrium = solveGrid(linearScenario({ schedule: '1x20,0x80' }));
export const first: number = equilibrium.coefficients[0];
const sweep: Sweep = compileSweep({ base: { schedule: '1x3' }, sweep: { theta0: [0.5, 1] }, metrics: ['firstCoefficient'] }, 'tiny');
export const points: number = sweep.points;
export const findings: number = FINDINGS.length;
export const spec = (figure: FindingFigure): FigureSpec => figure.spec;
`;

const COMPILER_OPTIONS = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] };
const TSCONFIG_STRICT = { compilerOptions: { ...COMPILER_OPTIONS, skipLibCheck: false }, files: ['strict.ts'] };
// mesalab/report's declarations use vega-lite's types (its figures need vega-lite anyway): a
// consumer of it without vega-lite compiles with skipLibCheck, as \`tsc --init\` sets it.
const TSCONFIG = { compilerOptions: { ...COMPILER_OPTIONS, skipLibCheck: true }, files: ['consumer.ts'] };

describe('the packed package in a fresh consumer', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesalab-consumer-'));
    const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'], ROOT);
    expect(packed.stderr).toBe('');
    const tarball = packed.stdout.trim().split('\n').pop()!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const installed = await run('npm', ['install', `./${tarball}`, ...NPM_FLAGS], dir);
    if (installed.code !== 0) throw new Error(`npm install ${tarball} failed: ${installed.stderr}`);
    writeFileSync(join(dir, 'consumer.mjs'), CONSUMER_MJS);
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    writeFileSync(join(dir, 'strict.ts'), CONSUMER_STRICT_TS);
    writeFileSync(join(dir, 'tsconfig.strict.json'), JSON.stringify(TSCONFIG_STRICT));
  }, 300_000);

  it('imports from plain Node ESM (main entry and mesalab/sweep)', async () => {
    expect(await run(process.execPath, ['consumer.mjs'], dir)).toEqual({ code: 0, stdout: '0.03 2\n', stderr: '' });
  });

  it('type-checks a strict NodeNext TypeScript file against the shipped .d.ts', async () => {
    const { code, stdout } = await run(process.execPath, [TSC, '-p', '.'], dir);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('type-checks a strict NodeNext file of the main and sweep entries with skipLibCheck off, without vega-lite', async () => {
    const { code, stdout } = await run(process.execPath, [TSC, '-p', 'tsconfig.strict.json'], dir);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('runs the bin through npx', async () => {
    expect(await run('npx', ['--no-install', 'mesalab', '--version'], dir)).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('installs no figure or queue stack, and `npm ls` is clean', async () => {
    const ls = await run('npm', ['ls', '--all', '--parseable'], dir);
    expect(ls.stderr).toBe('');
    expect(ls.code).toBe(0);
    const names = ls.stdout.trim().split('\n').map((path) => path.split('node_modules/').pop());
    for (const optional of ['vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'bullmq', 'ioredis', 'msgpackr-extract', 'tsx']) expect(names).not.toContain(optional);
  });

  it('a figure command says which optional package to install', async () => {
    const { code, stderr } = await run('npx', ['--no-install', 'mesalab', 'solve', '--schedule', '1x3', '--out', join(dir, 'out')], dir);
    expect(stderr).toMatch(/^mesalab: --out \(figures\) needs the optional package (vega|vega-lite|@resvg\/resvg-js|dejavu-fonts-ttf), which is not installed: npm install vega vega-lite @resvg\/resvg-js dejavu-fonts-ttf\n$/);
    expect(code).toBe(1);
  });
});
