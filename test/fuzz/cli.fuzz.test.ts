/**
 * The fuzz suite (issue 16), in process: about 1,050 generated cases a run over every input
 * surface of the CLI, each judged by harness.ts's rule (a valid result with finite numbers, or
 * one line naming the field; no hang, stack trace or warning). Seeded (MESALAB_FUZZ_SEED), so a
 * failure reproduces; the failing case is printed whole, ready to become a regression test.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../src/model/schedule.ts';
import { cleanUp, count, expectRule, FUZZ_SEED, runInProcess, scratch, tally } from './harness.ts';
import { damage, numberText, scenarioConfig, scheduleFile, scheduleSpec, serialise, sweepFile } from './generators.ts';

const params = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns, endOnFailure: true });

/** Every file under `dir`, relative to it: nothing may be written outside --out. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

describe('fuzz: the CLI in process', () => {
  afterEach(cleanUp);
  afterAll(() => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Each surface reaches valid results as well as refusals (a generator that only made
    // garbage, or only valid input, would test half the rule).
    const lines = [...tally].map(([surface, codes]) => `  ${surface}: ${[...codes].sort().map(([code, n]) => `exit ${code} × ${n}`).join(', ')}`);
    console.log(`fuzz seed ${FUZZ_SEED}, ${[...tally.values()].reduce((n, c) => n + [...c.values()].reduce((a, b) => a + b, 0), 0)} cases:\n${lines.join('\n')}`);
    for (const [surface, codes] of tally) {
      expect(codes.get(0) ?? 0, `${surface}: no valid case`).toBeGreaterThan(0);
      expect(codes.get(1) ?? 0, `${surface}: no refused case`).toBeGreaterThan(0);
    }
  });

  it('solve --schedule SPEC (300 specs)', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleSpec, fc.constantFrom('grid', 'exact', 'reference'), fc.boolean(), async (spec, solver, json) => {
        let episodes = 0;
        try {
          episodes = parseScheduleSpec(spec).length;
        } catch {
          // invalid: the CLI must say so
        }
        const chosen = solver === 'reference' && episodes > 40 ? 'exact' : solver;
        const args = ['solve', '--schedule', spec, '--solver', chosen, ...(json ? ['--json'] : [])];
        const outcome = await runInProcess(args);
        count('schedule specs', outcome);
        expectRule(args, outcome);
      }),
      params(300),
    );
  }, 120_000);

  it('solve --schedule FILE (100 files: JSON, YAML, bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleFile, fc.constantFrom('rates.json', 'rates', 'rates.yaml'), async (content, name) => {
        const file = join(scratch(), name);
        writeFileSync(file, content);
        const args = ['solve', '--schedule', file, '--json'];
        const outcome = await runInProcess(args);
        count('schedule files', outcome);
        expectRule(args, outcome, { [name]: content });
      }),
      params(100),
    );
  }, 120_000);

  it('run FILE (350 scenario files, JSON and YAML, damaged or not)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioConfig, fc.constantFrom('json', 'yaml') as fc.Arbitrary<'json' | 'yaml'>, damage, fc.nat(9), async (config, format, kind, pick) => {
        const dir = scratch();
        const name = `scenario.${format}`;
        const text = serialise(config, format, kind);
        writeFileSync(join(dir, name), text);
        const out = join(dir, 'out');
        // One case in ten writes its files; one in ten overrides the solver.
        const extra = pick === 0 ? ['--out', out] : pick === 1 ? ['--solver', 'exact'] : ['--json'];
        const args = ['run', join(dir, name), ...extra];
        const outcome = await runInProcess(args);
        count('scenario files', outcome);
        expectRule(args, outcome, { [name]: text });
        for (const file of filesUnder(dir)) expect(resolve(dir, file).startsWith(dir), `${file} escaped ${dir}`).toBe(true);
        if (pick === 0 && outcome.code === 0) {
          for (const file of filesUnder(out)) expect(relative(out, resolve(out, file)).startsWith('..')).toBe(false);
        }
      }),
      params(350),
    );
  }, 180_000);

  it('sweep FILE (150 sweep files)', async () => {
    await fc.assert(
      fc.asyncProperty(sweepFile, fc.constantFrom('json', 'yaml'), fc.constantFrom([], ['--batch', '2'], ['--shard', '1/2'], ['--overwrite'], ['--resume']), async (sweep, format, options) => {
        const dir = scratch();
        const name = `sweep.${format}`;
        const text = format === 'json' ? JSON.stringify(sweep) : serialise(sweep, 'yaml', 'none');
        writeFileSync(join(dir, name), text);
        const args = ['sweep', join(dir, name), '--out', join(dir, 'out'), '--workers', '1', '--quiet', ...options];
        const outcome = await runInProcess(args);
        count('sweep files', outcome);
        expectRule(args, outcome, { [name]: text });
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      params(150),
    );
  }, 180_000);

  it('every CLI option with generated values (200 command lines)', async () => {
    const dir = scratch();
    const sweep = join(dir, 'ok.yaml');
    writeFileSync(sweep, 'base: {schedule: "1x3,0x3"}\nsweep: {theta0: [0.5, 1]}\n');
    const commandLine = fc.oneof(
      fc.record({ option: fc.constantFrom('--theta0', '--discount', '--regularizer', '--solver', '--schedule', '--out'), value: numberText }).map(({ option, value }) => ['solve', ...(option === '--schedule' ? [] : ['--schedule', '1x5,0x5']), option, value, '--json']),
      fc.record({ option: fc.constantFrom('--workers', '--batch', '--shard', '--progress-interval', '--queue', '--solver', '--out'), value: numberText }).map(({ option, value }) => ['sweep', sweep, '--quiet', ...(option === '--out' ? [] : ['--out', join(dir, 'sweep-out')]), '--overwrite', option, value.startsWith('redis') ? 'x' : value]),
      fc.record({ option: fc.constantFrom('--solver', '--only', '--out'), value: numberText }).map(({ option, value }) => ['run', 'seed-1', option, value]),
      fc.record({ option: fc.constantFrom('--set', '--seed', '--runs'), value: fc.oneof({ weight: 1, arbitrary: numberText }, { weight: 3, arbitrary: fc.tuple(fc.constantFrom('theta0', 'discount', 'schedule.training', 'update.steps', '__proto__.polluted', 'constructor.x', 'a..b', ''), fc.oneof(numberText, fc.constantFrom('!!float 1', '[1, 2]', '{type: gradient}', '&a [*a]', '? [a]: 1', '[[[[1]]]]'))).map(([path, v]) => `${path}=${v}`) }) }).map(({ option, value }) => ['solve', '--schedule', '1x5,0x5', option, value, '--json']),
      fc.record({ option: fc.constantFrom('--sweep', '--out'), value: numberText }).map(({ option, value }) => ['merge', join(dir, 'nowhere'), option, value, '--check']),
      fc.record({ option: fc.constantFrom('--queue', '--workers', '--lock-duration', '--idle-exit'), value: numberText }).map(({ option, value }) => ['worker', ...(option === '--queue' ? [] : ['--queue', 'not-a-url']), option, value]),
      fc.tuple(fc.constantFrom('solve', 'run', 'sweep', 'merge', 'list', 'nonsense'), fc.constantFrom('--bogus', '--json=3', '-x', '--', '')).map(([command, option]) => [command, option]),
    );
    await fc.assert(
      fc.asyncProperty(commandLine, async (args) => {
        // An --out that happens to name a directory is a valid --out: give it a place to write.
        const fixed = args.map((a, i) => (args[i - 1] === '--out' && a !== '' && !a.includes('\u0000') && !a.startsWith('/') ? join(dir, 'outs', a.replaceAll('/', '_')) : a));
        const outcome = await runInProcess(fixed);
        count('options', outcome);
        expectRule(fixed, outcome);
      }),
      params(200),
    );
  }, 180_000);
});

