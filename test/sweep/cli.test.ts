/**
 * The sweep, merge and worker commands through the real bin (each start costs a second or two,
 * so the library tests cover the details and these the shell): help, a whole run with figures,
 * one-line errors, and merge naming a missing point's shard.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { mesalab } from '../cli/mesalab.ts';
import { SMALL_SWEEP, tmp, writeSweep } from './helpers.ts';

describe('mesalab sweep, merge and worker', () => {
  it('`sweep --help` lists the options and the built-in sweeps', async () => {
    const { code, stdout } = await mesalab(['sweep', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mesalab sweep \[options\] <sweep>/);
    for (const option of ['--workers', '--shard', '--resume', '--queue', '--plot']) expect(stdout).toContain(option);
    expect(stdout).toContain('training-x-deployment');
  });

  it('`sweep FILE --plot` writes the results, the CSV and the figures', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const { code, stderr } = await mesalab(['sweep', writeSweep(dir, SMALL_SWEEP), '--out', out, '--plot', '--workers', '2']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^sweep small: 20 points in [\d.]+ s/m);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(20);
    for (const file of ['results.csv', 'sweep.json', 'firstCoefficient.svg', 'firstCoefficient.png', 'goalRetained.png']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
  });

  it('sweeps update.steps and an extension field (the deployment hazard of a built-in base) with figures', async () => {
    const dir = tmp();
    const files = [
      writeSweep(dir, { name: 'steps', base: { schedule: '0.05x8,0x4', update: { type: 'gradient-all', steps: 1 } }, sweep: { 'update.steps': [1, 2, 5] }, metrics: ['firstCoefficient'] }, 'steps.yaml'),
      writeSweep(dir, { name: 'hazard', base: 'uncertain-deployment', sweep: { 'deployment.hazard': [0.02, 0.05], 'deployment.shift': [0, 4] }, metrics: ['meanDeploymentCoefficient'] }, 'hazard.yaml'),
    ];
    const runs = await Promise.all(files.map((file, i) => mesalab(['sweep', file, '--out', join(dir, `out${i}`), '--plot', '--quiet'])));
    runs.forEach(({ code, stderr }) => expect(code, stderr).toBe(0));
    expect(existsSync(join(dir, 'out0', 'firstCoefficient.png'))).toBe(true);
    expect(existsSync(join(dir, 'out1', 'meanDeploymentCoefficient.png'))).toBe(true);
    const rows = readFileSync(join(dir, 'out1', 'results.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { metrics: { meanDeploymentCoefficient: number } });
    expect(rows).toHaveLength(4);
    // A visible shift lets the agent switch to honesty in deployment.
    expect(Math.max(...rows.map((r) => r.metrics.meanDeploymentCoefficient))).toBeGreaterThan(0.9);
  });

  it('a bad sweep file or a bad option is one line naming the field', async () => {
    const dir = tmp();
    const cases: [string[], RegExp][] = [
      [
        ['sweep', writeSweep(dir, { ...SMALL_SWEEP, sweep: { discount: { from: 0.5, to: 1.5, steps: 3 } } }, 'bad.yaml')],
        /^mesalab: sweep\.discount: value 1\.5 is invalid: discount: must be between 0 and 1, got 1\.5\n$/,
      ],
      [['sweep', writeSweep(dir, SMALL_SWEEP), '--workers', '0'], /^mesalab: --workers: expected a whole number of at least 1, got "0"\n$/],
      [['worker', '--queue', 'localhost:6379'], /^mesalab: --queue: expected a redis:\/\/ or rediss:\/\/ URL, got "localhost:6379"\n$/],
    ];
    const results = await Promise.all(cases.map(([args]) => mesalab(args)));
    results.forEach(({ code, stderr }, i) => {
      expect(code, cases[i][0].join(' ')).toBe(1);
      expect(stderr).toMatch(cases[i][1]);
    });
  });

  it('`merge DIR` joins the shards, or names the shard of a missing point and exits 1', async () => {
    const sweep = compileSweep(SMALL_SWEEP);
    const out = tmp();
    for (let index = 1; index <= 3; index++) await runSweep(sweep, { out, workers: 1, shard: { index, count: 3 } });
    const merged = await mesalab(['merge', out]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('all 20 points present exactly once in 3 files');
    const ids = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i));

    const second = join(out, 'results.shard-2-of-3.jsonl');
    writeFileSync(second, readFileSync(second, 'utf8').split('\n').slice(1).join('\n'));
    const broken = await mesalab(['merge', out, '--out', join(out, 'again.jsonl')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^mesalab: merge: 1 of 20 points missing: ids 1 \(shard 2\/3\); shards with missing points: 2\/3; to finish, run `mesalab sweep FILE --out .* --resume` with --shard 2\/3\n$/,
    );
    expect(existsSync(join(out, 'again.jsonl'))).toBe(false);
  });
});
