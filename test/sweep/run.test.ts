import fc from 'fast-check';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bitset } from '../../src/sweep/bitset.ts';
import { pendingBatches } from '../../src/sweep/batches.ts';
import { checkResults, describeProblems, mergeFiles } from '../../src/sweep/merge.ts';
import { runSweep } from '../../src/sweep/run.ts';
import { parseShard, shardPointId, shardSize } from '../../src/sweep/shard.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { SMALL_SWEEP, tmp } from './helpers.ts';

const sweep = compileSweep(SMALL_SWEEP);
const read = (file: string) => readFileSync(file, 'utf8');
const ids = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line).id as number);

async function reference(): Promise<string> {
  const out = tmp();
  await runSweep(sweep, { out, workers: 1 });
  return read(join(out, 'results.jsonl'));
}

describe('runSweep(sweep, options)', () => {
  it('writes every point once, in point order, with the CSV beside it', async () => {
    const out = tmp();
    const summary = await runSweep(sweep, { out, workers: 1, batchSize: 3 });
    expect(summary).toMatchObject({ total: 20, computed: 20, resumed: 0 });
    expect(ids(read(summary.file))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const csv = read(join(out, 'results.csv')).trim().split('\n');
    expect(csv[0]).toBe('id,key,schedule.training,schedule.deployment,firstCoefficient,goalRetained,error');
    expect(csv).toHaveLength(21);
    expect(JSON.parse(read(join(out, 'sweep.json'))).fingerprint).toBe(sweep.fingerprint);
  });

  it('on a pool of 2 worker threads gives the same file, byte for byte, as one worker', async () => {
    const out = tmp();
    await runSweep(sweep, { out, workers: 2, batchSize: 1 });
    expect(read(join(out, 'results.jsonl'))).toBe(await reference());
  });

  it('with resume truncates a torn last line and runs only the missing points', async () => {
    const full = await reference();
    const out = tmp();
    const lines = full.split('\n');
    writeFileSync(join(out, 'results.jsonl'), `${lines.slice(0, 7).join('\n')}\n${lines[7].slice(0, 25)}`);
    await expect(runSweep(sweep, { out, workers: 1 })).rejects.toThrow(/already holds results; pass --resume/);
    const summary = await runSweep(sweep, { out, workers: 1, resume: true });
    expect(summary).toMatchObject({ resumed: 7, computed: 13 });
    expect(summary.truncatedBytes).toBe(25);
    expect(read(join(out, 'results.jsonl'))).toBe(full);
  });

  it('refuses to mix in the results of another sweep', async () => {
    const out = tmp();
    await runSweep(sweep, { out, workers: 1 });
    const other = compileSweep({ ...SMALL_SWEEP, base: { ...SMALL_SWEEP.base, theta0: 0.5 } });
    await expect(runSweep(other, { out, workers: 1, resume: true })).rejects.toThrow(/holds the results of another sweep/);
    const reordered = compileSweep({ ...SMALL_SWEEP, sweep: { 'schedule.deployment': [0, 10, 50, 100], 'schedule.training': [1, 11, 21, 31, 41] } });
    writeFileSync(join(out, 'sweep.json'), '{"fingerprint": "x"}');
    await expect(runSweep(reordered, { out, workers: 1, resume: true })).rejects.toThrow(/another sweep/);
  });
});

describe('shards', () => {
  it('split the points so that every point is in exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 20 }), (points, count) => {
        const seen = new Bitset(points);
        let total = 0;
        for (let index = 1; index <= count; index++) {
          const shard = { index, count };
          for (const batch of pendingBatches(points, shard, 7, new Bitset(points))) {
            for (const id of batch.ids) {
              expect(seen.add(id)).toBe(true);
              total++;
            }
          }
          for (let p = 0; p < shardSize(points, shard); p++) expect(shardPointId(shard, p) % count).toBe(index - 1);
        }
        expect(total).toBe(points);
      }),
    );
  });

  it('parse as i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseShard('0/8')).toThrow(/--shard: needs 1 ≤ i ≤ n/);
    expect(() => parseShard('9/8')).toThrow(/--shard/);
    expect(() => parseShard('two')).toThrow(/--shard: expected i\/n/);
  });

  it('run separately, then merged, give the file of an unsharded run; merge names missing and repeated points', async () => {
    const out = tmp();
    for (let index = 1; index <= 3; index++) await runSweep(sweep, { out, workers: 1, shard: { index, count: 3 } });
    const files = [1, 2, 3].map((i) => join(out, `results.shard-${i}-of-3.jsonl`));
    expect(files.map((f) => ids(read(f)).length)).toEqual([7, 7, 6]);
    const report = checkResults(sweep, files);
    expect(report).toMatchObject({ missingCount: 0, duplicateCount: 0, sorted: true });
    mergeFiles(sweep, files, join(out, 'results.jsonl'), true);
    expect(read(join(out, 'results.jsonl'))).toBe(await reference());

    // Drop point 4 (shard 2/3) and repeat point 0 (shard 1/3) in shard 3's file.
    const second = read(files[1]).split('\n');
    writeFileSync(files[1], second.filter((line) => !line.startsWith('{"id":4,')).join('\n'));
    appendFileSync(files[2], `${read(files[0]).split('\n')[0]}\n`);
    const broken = checkResults(sweep, files);
    expect(broken).toMatchObject({ missing: [4], missingCount: 1, duplicateCount: 1, sorted: false });
    expect(broken.duplicates).toEqual([{ id: 0, at: ['results.shard-1-of-3.jsonl:1', 'results.shard-3-of-3.jsonl:7'] }]);
    expect(describeProblems(broken, 3)).toBe(
      '1 of 20 points missing: ids 4 (shard 2/3); shards with missing points: 2/3; ' +
        '1 row repeats a point: ids 0 (results.shard-1-of-3.jsonl:1, results.shard-3-of-3.jsonl:7)',
    );
  });

  it('merge joins files that are out of point order too', async () => {
    const full = await reference();
    const out = tmp();
    const lines = full.trim().split('\n');
    const shuffled = [lines.slice(10).reverse(), lines.slice(0, 10)].map((part, i) => {
      const file = join(out, `part${i}.jsonl`);
      writeFileSync(file, `${part.join('\n')}\n`);
      return file;
    });
    const report = checkResults(sweep, shuffled);
    expect(report.sorted).toBe(false);
    mergeFiles(sweep, shuffled, join(out, 'merged.jsonl'), report.sorted);
    expect(read(join(out, 'merged.jsonl'))).toBe(full);
  });
});
