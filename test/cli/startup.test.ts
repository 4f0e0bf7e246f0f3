// Start-up: a command loads only what it needs. Each command runs with the heavy packages (and the
// expression module) made unresolvable; any import of one would fail the command.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/built.ts';

assertBuilt();

const BIN = fileURLToPath(new URL('../../bin/mesalab.js', import.meta.url));
const HOOK = fileURLToPath(new URL('../helpers/withoutPackages.mjs', import.meta.url));

const EXPRESSIONS = ['mathjs'];
const CHARTS = ['vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf'];
const QUEUE = ['bullmq', 'ioredis'];

/** Runs `mesalab args` with `packages` (and modules whose URL contains one of `files`) hidden. */
export function mesalabWithout(args: string[], packages: readonly string[], files: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, MESALAB_WITHOUT: packages.join(','), MESALAB_WITHOUT_FILES: files.join(',') };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', HOOK, BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('mesalab start-up', () => {
  // Nor the config schema (zod), YAML or the worker pool, which only files and sweeps need.
  const lightest: string[][] = [['--help'], ['--version'], ['list'], ['sweep', '--help']];
  it.each(lightest)('`mesalab %s …` loads no expression parser, charting, queue client, zod, yaml or piscina', async (...args) => {
    const { code, stderr } = await mesalabWithout(args, [...EXPRESSIONS, ...CHARTS, ...QUEUE, 'piscina', 'zod', 'yaml'], ['/model/expression']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  // A seed run of typed configs (solve's flags, a seed-family built-in; no --set) runs its one
  // solver (cli/seedRuns.ts): nor the config schema (zod), YAML, the solver registry (every
  // solver, the game engine) or the pool.
  const seedSolves: string[][] = [
    ['solve', '--schedule', '1x100'],
    ['solve', '--schedule', '1x20,0x80', '--solver', 'exact', '--discount', '0.9', '--json'],
    ['solve', '--schedule', '1x5', '--solver', 'reference', '--regularizer', '0.1', '--theta0', '0.5'],
    ['run', 'seed', '--json'],
    ['run', 'regularizer', '--solver', 'exact'],
  ];
  it.each(seedSolves)('`mesalab %s …` loads no zod, yaml, expression parser, solver registry, charting, queue client or piscina', async (...args) => {
    const { code, stderr } = await mesalabWithout(args, [...EXPRESSIONS, ...CHARTS, ...QUEUE, 'piscina', 'zod', 'yaml'], ['/model/expression', '/solvers/registry']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  // Other runs go through the one pipeline and solver registry (experiment/pipeline.ts), which
  // loads every solver and the game config, hence the expression module: no charting, queue
  // client or worker pool, though.
  it.each([[['solve', '--schedule', '1x100', '--set', 'discount=0.9']], [['run', 'seed', '--set', 'theta0=0.5', '--json']]])('`mesalab %s` loads no charting, queue client or piscina', async (args) => {
    const { code, stderr } = await mesalabWithout(args, [...CHARTS, ...QUEUE, 'piscina']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('`run seed --out DIR` loads the charting but no queue client', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mesalab-startup-'));
    const { code, stderr } = await mesalabWithout(['run', 'seed', '--out', out], [...QUEUE]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote /);
  });
});

describe('a command that needs a missing optional package', () => {
  const cases: Array<[string, string[], string, RegExp]> = [
    ['figures (--out)', ['solve', '--schedule', '1x3', '--out', '@tmp'], 'vega', /^mesalab: --out \(figures\) needs the optional package vega, which is not installed: npm install vega vega-lite @resvg\/resvg-js dejavu-fonts-ttf\n$/],
    ['sweep --plot', ['sweep', 'training-x-deployment', '--out', '@tmp', '--plot', '--quiet'], '@resvg/resvg-js', /^mesalab: --plot needs the optional package @resvg\/resvg-js, which is not installed: npm install vega vega-lite @resvg\/resvg-js dejavu-fonts-ttf\n$/],
    ['sweep --plot (vega-lite, loaded from its build)', ['sweep', 'training-x-deployment', '--out', '@tmp', '--plot', '--quiet'], 'vega-lite', /^mesalab: --plot needs the optional package vega-lite, which is not installed: npm install vega vega-lite @resvg\/resvg-js dejavu-fonts-ttf\n$/],
    ['figures (--out) of run', ['run', 'seed-1', '--out', '@tmp'], 'vega-lite', /^mesalab: --out \(figures\) needs the optional package vega-lite, which is not installed: npm install vega vega-lite @resvg\/resvg-js dejavu-fonts-ttf\n$/],
    ['the queue (worker)', ['worker', '--queue', 'redis://127.0.0.1:9', '--idle-exit', '1'], 'bullmq', /^mesalab: mesalab worker needs the optional package bullmq, which is not installed: npm install bullmq ioredis\n$/],
    ['the queue (sweep --queue)', ['sweep', 'training-x-deployment', '--out', '@tmp', '--queue', 'redis://127.0.0.1:9', '--quiet'], 'bullmq', /^mesalab: --queue needs the optional package bullmq, which is not installed: npm install bullmq ioredis\n$/],
  ];
  it.each(cases)('%s says in one line which package to install', async (_, args, hidden, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mesalab-missing-'));
    const { code, stderr } = await mesalabWithout(args.map((a) => (a === '@tmp' ? join(dir, 'out') : a)), [hidden]);
    expect(stderr).toMatch(message);
    expect(code).toBe(1);
  });
});
