/**
 * Data safety under random interruptions (issue 16): a real `mesalab sweep` is killed with
 * SIGKILL at 5 seeded random moments (by time, possibly before any row, or by rows written),
 * stopped once with Ctrl-C (SIGINT: exit 130 and a resume hint), resumed after each, and must
 * end with every point exactly once, byte-identical to an uninterrupted run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { exited, killStarted, start, tmp, waitFor, writeSweep } from '../sweep/helpers.ts';
import { FUZZ_SEED } from './harness.ts';

const POINTS = 9 * 24;
const SWEEP = {
  name: 'killed',
  base: { schedule: { training: 300, deployment: 1000 } },
  sweep: { 'schedule.training': { from: 100, to: 900, step: 100 }, discount: { from: 0.9, to: 1, steps: 24 } },
  metrics: ['firstCoefficient', 'goalRetained', 'finalTheta'],
};

/** mulberry32: a small seeded generator, so the moments are the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rowsIn = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);

describe('fuzz: a sweep killed at random moments', () => {
  afterEach(killStarted);

  it('5 SIGKILLs and a Ctrl-C at random moments leave every point exactly once, as an uninterrupted run', async () => {
    const next = random(FUZZ_SEED);
    const dir = tmp();
    const file = writeSweep(dir, SWEEP);
    const out = join(dir, 'out');
    const results = join(out, 'results.jsonl');
    const args = ['sweep', file, '--out', out, '--workers', '2', '--batch', '3', '--quiet'];
    const moments: string[] = [];
    for (let k = 0; k < 6; k++) {
      const before = rowsIn(results);
      const child = start(k === 0 ? args : [...args, '--resume']);
      const signal = k === 3 ? 'SIGINT' : 'SIGKILL';
      if (k % 2 === 0 && signal === 'SIGKILL') {
        // By time: anywhere from startup (no row yet) to well into the run.
        const delay = Math.round(next() * 4000);
        moments.push(`${signal} after ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      } else {
        // By rows: once the run has added a random number of rows (or has finished).
        const target = before + 1 + Math.floor(next() * Math.max(1, (POINTS - before) / 3));
        moments.push(`${signal} at ${target} rows`);
        await waitFor(() => rowsIn(results) >= target || child.exitCode !== null, `row ${target}`);
      }
      if (child.exitCode !== null) continue; // it finished first: also a moment a sweep can end at
      child.kill(signal);
      const code = await exited(child);
      if (signal === 'SIGINT' && code !== 'SIGINT') {
        // Past startup, Ctrl-C is handled: exit 130 with a resume hint, never a torn row.
        expect(code).toBe(130);
        expect(child.stderrText()).toMatch(/interrupted; \d+ points are saved in .*--resume/);
      }
    }
    const last = start([...args, '--resume']);
    expect(await exited(last), moments.join(', ')).toBe(0);

    const text = readFileSync(results, 'utf8');
    const ids = text.trim().split('\n').map((line) => JSON.parse(line).id as number);
    expect(ids, moments.join(', ')).toEqual(Array.from({ length: POINTS }, (_, i) => i));
    const reference = join(dir, 'reference');
    await runSweep(compileSweep(SWEEP), { out: reference, workers: 2 });
    expect(text).toBe(readFileSync(join(reference, 'results.jsonl'), 'utf8'));
    expect(existsSync(`${results}.lock`)).toBe(false);
  }, 300_000);
});
