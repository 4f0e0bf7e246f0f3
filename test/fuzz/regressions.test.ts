/**
 * Every non-expression case of issue 16 as a regression test (the expression cases are the
 * expression parser's). In process unless the case is about the process itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announceSweepCost } from '../../src/cli/sweepCost.ts';
import { withSolveProgress } from '../../src/cli/solveProgress.ts';
import { estimateSolveSeconds } from '../../src/experiment/cost.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { emptyTrajectory } from '../../src/rollout/trajectory.ts';
import { prepareResults } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { BIN, exited, killStarted, start, waitFor } from '../sweep/helpers.ts';
import { cleanUp, expectRule, runInProcess, scratch } from './harness.ts';

const oneLine = async (args: string[], pattern: RegExp, boundMs = 5000) => {
  const outcome = await runInProcess(args);
  expectRule(args, outcome, {}, boundMs);
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toMatch(pattern);
  return outcome;
};

const writeSweepFile = (dir: string, text: string) => {
  const file = join(dir, 'sweep.yaml');
  writeFileSync(file, text);
  return file;
};

/** Captures what `fn` writes on stderr. */
function stderrOf(fn: () => void): string {
  let text = '';
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => ((text += chunk), true)) as typeof process.stderr.write;
  try {
    fn();
  } finally {
    process.stderr.write = write;
  }
  return text;
}

describe('issue 16 regressions', () => {
  afterEach(() => {
    cleanUp();
    killStarted();
  });

  it('`solve --schedule 1x1000000 --solver exact --out d` writes every file (streamed, no out-of-memory abort)', async () => {
    const out = join(scratch(), 'd');
    const outcome = await runInProcess(['solve', '--schedule', '1x1000000', '--solver', 'exact', '--out', out]);
    expect(outcome.code).toBe(0);
    expect(statSync(join(out, 'trajectory.csv')).size).toBeGreaterThan(50e6);
    const json = readFileSync(join(out, 'result.json'), 'utf8');
    expect(JSON.parse(json).coefficients).toHaveLength(1_000_000);
    // The figure draws a thinned trajectory: an SVG of a few hundred kB, not of 10⁶ points.
    expect(statSync(join(out, 'figure.svg')).size).toBeLessThan(2e6);
  }, 180_000);

  it('`solve --schedule 1x6000000 --json` prints one whole JSON line (no "Invalid string length")', async () => {
    const child = spawn(process.execPath, [BIN, 'solve', '--schedule', '1x6000000', '--solver', 'exact', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let head = '';
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (head.length < 20) head += c.toString();
      bytes += c.length;
      tail = (tail + c.toString()).slice(-40);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    // Only the cost announcement (and progress lines) on stderr.
    for (const line of stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/estimated/);
    expect(code).toBe(0);
    expect(head.startsWith('{"scenario":"custom"')).toBe(true);
    expect(tail.endsWith('}\n')).toBe(true);
    expect(bytes).toBeGreaterThan(536_870_888); // longer than V8's longest string
  }, 300_000);

  it('a scenario named ../../escaped writes nothing outside --out', async () => {
    const dir = scratch();
    const out = join(dir, 'a', 'b');
    writeFileSync(join(dir, 'exp.yaml'), 'name: ../../escaped\nschedule: "1x5"\n');
    await oneLine(['run', join(dir, 'exp.yaml'), '--out', out], /^mesalab: name: holds a path separator/);
    expect(readdirSync(dir).sort()).toEqual(['a', 'exp.yaml']);
    for (const name of ['..', 'a/b', 'nul\u0000']) {
      writeFileSync(join(dir, 'exp.json'), JSON.stringify({ name, schedule: '1x5' }));
      await oneLine(['run', join(dir, 'exp.json'), '--out', out], /^mesalab: name: /);
    }
  });

  it('a result.json that is a symbolic link is refused and its target left alone', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(dir, 'precious'), 'keep me');
    symlinkSync(join(dir, 'precious'), join(out, 'result.json'));
    await oneLine(['solve', '--schedule', '1x5', '--out', out], /result\.json: is a symbolic link/);
    expect(readFileSync(join(dir, 'precious'), 'utf8')).toBe('keep me');
  });

  it('a second sweep into the same --out is refused at once; a dead holder\'s lock is recovered', async () => {
    const dir = scratch();
    const sweep = compileSweep({ base: { schedule: '1x5' }, sweep: { theta0: [0.5, 1] } }, 'twice');
    const first = prepareResults(sweep, { out: dir });
    expect(() => prepareResults(sweep, { out: dir })).toThrow(/is in use by another mesalab sweep .*pid \d+/);
    first.release();
    // A lock left by a process that has died (SIGKILL) is stale.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(dir, 'results.jsonl.lock'), JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname() }));
    const second = prepareResults(sweep, { out: dir, resume: true });
    second.release();
    expect(existsSync(join(dir, 'results.jsonl.lock'))).toBe(false);
  });

  it('two real sweep processes into one --out: the second exits 1 naming the first, and no point is duplicated', async () => {
    const dir = scratch();
    const file = writeSweepFile(dir, 'name: long\nbase: {schedule: {training: 300, deployment: 1000}}\nsweep: {theta0: {from: 0.1, to: 1, steps: 100000}}\n');
    const out = join(dir, 'out');
    const first = start(['sweep', file, '--out', out, '--workers', '1', '--quiet']);
    await waitFor(() => existsSync(join(out, 'results.jsonl.lock')) || first.exitCode !== null, 'the first sweep to take its lock');
    const second = start(['sweep', file, '--out', out, '--workers', '1', '--quiet', '--resume']);
    expect(await exited(second)).toBe(1);
    expect(second.stderrText()).toMatch(/^mesalab: .*out: is in use by another mesalab sweep writing .*results\.jsonl \(pid \d+\); wait for it to finish or stop it\n$/);
    first.kill('SIGKILL');
    await exited(first);
    const ids = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i));
  }, 180_000);

  it('sweep paths through __proto__, constructor or prototype are refused; nothing is polluted', async () => {
    const dir = scratch();
    for (const path of ['__proto__.polluted', 'constructor.prototype.polluted', 'prototype.polluted']) {
      const file = writeSweepFile(dir, `base: {schedule: "1x5"}\nsweep: {${path}: [1, 2]}\n`);
      await oneLine(['sweep', file, '--out', join(dir, 'out'), '--quiet'], /^mesalab: sweep\.[^:]+: ".*" names "(__proto__|constructor|prototype)"/);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('unwritable, unusable or empty --out is one line, at once (no hang)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a-file'), '');
    const sweep = writeSweepFile(dir, 'base: {schedule: "1x5"}\nsweep: {theta0: [1, 2]}\n');
    await oneLine(['run', 'seed-1', '--out', '/proc/nope'], /^mesalab: --out: cannot create the directory \/proc\/nope/, 3000);
    await oneLine(['sweep', sweep, '--out', '/proc/x'], /^mesalab: --out: cannot create the directory \/proc\/x/, 3000);
    await oneLine(['solve', '--schedule', '1x5', '--out', ''], /^mesalab: --out: is empty/, 3000);
    await oneLine(['sweep', sweep, '--out', ''], /^mesalab: --out: is empty/, 3000);
    await oneLine(['solve', '--schedule', '1x5', '--out', '/dev/null'], /^mesalab: --out: \/dev\/null is not a directory/, 3000);
    await oneLine(['sweep', sweep, '--out', '/dev/null'], /^mesalab: --out: \/dev\/null is not a directory/, 3000);
    await oneLine(['sweep', sweep, '--out', join(dir, 'a-file')], /^mesalab: --out: .*a-file is a file/, 3000);
    await oneLine(['solve', '--schedule', '1x5', '--out', join(dir, 'a-file', 'below')], /^mesalab: --out: .*a-file is a file/, 3000);
  });

  it('`solve --schedule /dev/zero` stops at the input size limit', async () => {
    await oneLine(['solve', '--schedule', '/dev/zero'], /^mesalab: \/dev\/zero: is larger than 256 MiB, the limit for input files/, 10_000);
  });

  it('a JSON scenario with 50,000 unknown keys is answered fast, naming three of them', async () => {
    const dir = scratch();
    const config: Record<string, unknown> = { schedule: '1x5' };
    for (let i = 0; i < 50_000; i++) config[`k${i}`] = i;
    writeFileSync(join(dir, 'many.json'), JSON.stringify(config));
    const { stderr } = await oneLine(['run', join(dir, 'many.json')], /^mesalab: config: unknown fields "k0", "k1", "k2" and 49997 more; allowed: name, /, 5000);
    expect(stderr.length).toBeLessThan(400);
  });

  it('the reference solver near its limit, lq at 5·10⁷ and a sweep of 10⁶ points announce their cost first', () => {
    expect(estimateSolveSeconds('reference', { episodes: 2000 })).toBeGreaterThan(60);
    expect(estimateSolveSeconds('lq', { episodes: 5e7 })).toBeGreaterThan(60);
    let ran = false;
    const said = stderrOf(() => withSolveProgress('solve', () => ({ solver: 'reference', size: { episodes: 2000 } }), () => (ran = true)));
    expect(ran).toBe(true);
    expect(said).toMatch(/^mesalab: solve: 2000 episodes with the reference solver, estimated \d+ min \d+ s; Ctrl-C stops it\n/);
    const sweep = compileSweep({ base: { schedule: { training: 20, deployment: 80 } }, sweep: { theta0: { from: 0.1, to: 1, steps: 1_000_000 } } }, 'big');
    expect(stderrOf(() => announceSweepCost('sweep big', sweep, sweep.points, 0, 2))).toMatch(/^mesalab: sweep big: 1000000 points to run, estimated \d+ min \d+ s on 2 workers; Ctrl-C stops it, --resume finishes it\n$/);
    // A small sweep starts without a word.
    const small = compileSweep({ base: { schedule: '1x5' }, sweep: { theta0: [1, 2] } }, 'small');
    expect(stderrOf(() => announceSweepCost('sweep small', small, 2, 0, 2))).toBe('');
  });

  it('θ₀ = 1e154, 3e154 and 5e-324 are refused naming theta0; a sum that overflows is "diverged at episode n"', async () => {
    for (const theta0 of ['1e154', '3e154', '5e-324']) {
      await oneLine(['solve', '--schedule', '1x20,0x80', '--theta0', theta0, '--json'], /^mesalab: theta0: must be 0 or of magnitude between 1e-150 and 1e\+150/);
    }
    // Every term finite, their sum not: 3 terms of 1e308.
    const t = emptyTrajectory([0, 0, 0], [1, 1, 1]);
    t.mesaLoss.fill(1e308);
    expect(() => computeMetrics(t)).toThrow(/^diverged at episode 1 \(the total mesa loss Σ\(y − θ\)² is no longer finite\)$/);
  });

  it('YAML !!float tags and complex keys are one line without parser warnings', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'tag.yaml'), 'schedule: "1x5"\ntheta0: !!float 1\n');
    await oneLine(['run', join(dir, 'tag.yaml')], /tag\.yaml: is not valid YAML or JSON \(Unresolved tag: tag:yaml\.org,2002:float/);
    writeFileSync(join(dir, 'key.yaml'), 'schedule: "1x5"\n? [a, b]\n: 1\n');
    await oneLine(['run', join(dir, 'key.yaml')], /key\.yaml: a key is a list or a map at line 2; keys must be names\n$/);
  });

  it('`--set` values with YAML tags are one line without parser warnings (found by the fuzz suite)', async () => {
    await oneLine(['solve', '--schedule', '1x5', '--set', 'theta0=!!float 1'], /^mesalab: --set: cannot read the value "theta0=!!float 1"|^mesalab: --set: cannot read the value "!!float 1"/);
  });

  it('sweep files whose range lacks steps/step or whose base is missing name the field', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    await oneLine(['sweep', writeSweepFile(dir, 'base: {schedule: "1x5"}\nsweep: {theta0: {from: 0, to: 1}}\n'), '--out', out], /^mesalab: sweep\.theta0: a range needs "steps" \(how many values\) or "step"/);
    await oneLine(['sweep', writeSweepFile(dir, 'sweep: {theta0: [1, 2]}\n'), '--out', out], /^mesalab: base: is missing \(expected a map, or the name of a built-in scenario\)\n$/);
  });
});
