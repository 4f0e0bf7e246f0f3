// `--json` on every command that prints results, and a clear error where it does not apply.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_SWEEP, writeSweep } from '../sweep/helpers.ts';
import { mesalab } from './mesalab.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'mesalab-json-'));
const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('--json', () => {
  it('`list --json` prints one object per entry, in the order of `list`', async () => {
    const [json, text] = await Promise.all([mesalab(['list', '--json']), mesalab(['list'])]);
    expect(json.code).toBe(0);
    const entries = lines(json.stdout);
    // Each text line starts with what follows `mesalab run` to run the entry.
    expect(entries.map((e) => e.run)).toEqual(text.stdout.trim().split('\n').map((line) => line.split(/\s{2,}/)[0]));
    expect(entries.find((e) => e.name === 'seed-1')?.kind).toBe('scenario');
    expect(entries.filter((e) => e.name === 'regularizer').map((e) => [e.kind, e.run])).toEqual([['scenario', 'regularizer'], ['finding', 'findings --only regularizer']]);
  });

  it('`sweep --json` and `merge --json` print what was computed and written', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const file = writeSweep(dir, SMALL_SWEEP);
    for (const shard of ['1/2', '2/2']) expect((await mesalab(['sweep', file, '--out', out, '--shard', shard, '--quiet', '--json'])).code).toBe(0);
    const [sweep] = lines((await mesalab(['sweep', file, '--out', out, '--shard', '1/2', '--resume', '--quiet', '--json'])).stdout);
    expect(sweep).toMatchObject({ sweep: 'small', points: 20, shard: '1/2', total: 10, resumed: 10, computed: 0, csv: null, figures: [] });
    const meta = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(meta.provenance).toMatchObject({ command: ['mesalab', 'sweep', file, '--out', out, '--shard', '1/2', '--quiet', '--json'], seeds: [], runs: 20 });
    const merged = await mesalab(['merge', out, '--json']);
    expect(merged.code).toBe(0);
    expect(lines(merged.stdout)).toEqual([
      { sweep: 'small', points: 20, complete: true, inputs: [join(out, 'results.shard-1-of-2.jsonl'), join(out, 'results.shard-2-of-2.jsonl')], results: join(out, 'results.jsonl'), csv: join(out, 'results.csv'), figures: [] },
    ]);
  });

  it('`run FINDING --json` prints the finding, its answer and its table', async () => {
    const dir = tmp();
    const { code, stdout } = await mesalab(['run', 'findings', '--only', 'regularizer', '--json', '--out', dir]);
    expect(code).toBe(0);
    const [finding] = lines(stdout);
    const data = JSON.parse(readFileSync(join(dir, 'findings', 'regularizer.json'), 'utf8'));
    expect(data).toMatchObject({ ...finding, provenance: { command: ['mesalab', 'run', 'findings', '--only', 'regularizer', '--json', '--out', dir] } });
    for (const figure of data.figures) for (const file of figure.files) expect(existsSync(join(dir, 'findings', file))).toBe(true);
    expect(finding).toMatchObject({ name: 'regularizer', title: expect.any(String), answer: expect.any(String) });
    expect((finding.table as { columns: unknown[] }).columns.length).toBeGreaterThan(0);
  });

  it('`worker --json` fails with one line instead of ignoring the option', async () => {
    const { code, stdout, stderr } = await mesalab(['worker', '--queue', 'redis://127.0.0.1:9', '--json']);
    expect(stderr).toBe("mesalab: --json: does not apply to `mesalab worker`, which prints no results (its jobs' results go to the sweep's results file)\n");
    expect(stdout).toBe('');
    expect(code).toBe(1);
  });

  it('`run SCENARIO --only X` fails with one line (--only is for findings)', async () => {
    const { code, stderr } = await mesalab(['run', 'seed-1', '--only', 'discount']);
    expect(stderr).toBe('mesalab: --only: applies to `mesalab run findings` only, not to "seed-1"\n');
    expect(code).toBe(1);
  });
});
