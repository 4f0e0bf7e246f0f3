/**
 * The crash test of issue 6: a real `mesalab sweep` process (the bin, with its worker threads)
 * is killed with SIGKILL several times, at different moments, and resumed each time; the final
 * results file must hold every point exactly once and equal an uninterrupted run byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { exited, killStarted, PROCESS_TEST_TIMEOUT, start, tmp, waitFor, writeSweep } from './helpers.ts';

// 9 × 24 = 216 points of 1100–1900 episodes on the grid solver: about a second on 2 idle cores,
// long enough to be killed in the middle.
const POINTS = 216;
const SLOW_SWEEP = {
  name: 'slow',
  base: { schedule: { training: 300, deployment: 1000 } },
  sweep: { 'schedule.training': { from: 100, to: 900, step: 100 }, discount: { from: 0.9, to: 1, steps: 24 } },
  metrics: ['firstCoefficient', 'goalRetained', 'finalTheta'],
};

const rowsIn = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);

describe('mesalab sweep killed with SIGKILL and resumed', () => {
  afterEach(killStarted);

  it('ends with every point exactly once, equal to an uninterrupted run', async () => {
    const dir = tmp();
    const file = writeSweep(dir, SLOW_SWEEP);
    const out = join(dir, 'out');
    const results = join(out, 'results.jsonl');
    const args = ['sweep', file, '--out', out, '--workers', '2', '--batch', '3', '--quiet'];

    // Kill 1: once some rows are on disk. Kill 2: as soon as the resumed run has added a row,
    // which may be in the middle of writing the next batches.
    const kills: ((before: number) => () => boolean)[] = [() => () => rowsIn(results) >= 30, (before) => () => rowsIn(results) > before];
    const killedAt: number[] = [];
    for (const [k, when] of kills.entries()) {
      const child = start(k === 0 ? args : [...args, '--resume']);
      const ready = when(rowsIn(results));
      await waitFor(() => ready() || child.exitCode !== null, `kill ${k + 1}`);
      child.kill('SIGKILL');
      expect(await exited(child)).toBe('SIGKILL');
      killedAt.push(rowsIn(results));
    }
    // At least the first kill lands mid-run (the second may, on a fast machine, land after the
    // last row: also a moment a sweep can be killed at).
    expect(killedAt[0]).toBeGreaterThanOrEqual(30);
    expect(killedAt[0]).toBeLessThan(POINTS);

    const last = start([...args, '--resume']);
    expect(await exited(last)).toBe(0);

    const text = readFileSync(results, 'utf8');
    const ids = text.trim().split('\n').map((line) => JSON.parse(line).id as number);
    expect(ids).toEqual(Array.from({ length: POINTS }, (_, i) => i));

    const reference = join(dir, 'reference');
    await runSweep(compileSweep(SLOW_SWEEP), { out: reference, workers: 2 });
    expect(text).toBe(readFileSync(join(reference, 'results.jsonl'), 'utf8'));
  }, PROCESS_TEST_TIMEOUT);
});
