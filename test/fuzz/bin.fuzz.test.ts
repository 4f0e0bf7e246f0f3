/**
 * The fuzz suite through the real bin (`node bin/mesalab.js`), as a user meets it: a seeded
 * sample of 8 cases drawn from the same generators as the in-process suite, judged by the same
 * rule, with the process killed (and the case failed) if it outlives the bound.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { BIN } from '../sweep/helpers.ts';
import { damage, numberText, scenarioConfig, scheduleSpec, serialise, sweepFile } from './generators.ts';
import { cleanUp, expectRule, FUZZ_SEED, scratch, type Outcome } from './harness.ts';

/** Startup alone (tsx, the imports) takes seconds on a busy 2-core machine. */
const BIN_BOUND_MS = 60_000;

function runBin(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BIN_BOUND_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The sample: 2 cases of each surface, as command lines (files written on the way). */
function sampleCases(): { args: string[]; files: Record<string, string | Uint8Array> }[] {
  const dir = scratch();
  const take = <T>(arb: fc.Arbitrary<T>, n: number, salt: number) => fc.sample(arb, { seed: FUZZ_SEED + salt, numRuns: n });
  const cases: { args: string[]; files: Record<string, string | Uint8Array> }[] = [];
  for (const spec of take(scheduleSpec, 2, 1)) cases.push({ args: ['solve', '--schedule', spec, '--json'], files: {} });
  take(fc.tuple(scenarioConfig, damage), 2, 2).forEach(([config, kind], i) => {
    const file = join(dir, `scenario-${i}.yaml`);
    const text = serialise(config, 'yaml', kind);
    writeFileSync(file, text);
    cases.push({ args: ['run', file, '--json'], files: { [file]: text } });
  });
  take(sweepFile, 2, 3).forEach((sweep, i) => {
    const file = join(dir, `sweep-${i}.json`);
    const text = JSON.stringify(sweep);
    writeFileSync(file, text);
    cases.push({ args: ['sweep', file, '--out', join(dir, `out-${i}`), '--workers', '1', '--quiet'], files: { [file]: text } });
  });
  take(fc.tuple(fc.constantFrom('--theta0', '--discount', '--regularizer', '--solver'), numberText), 2, 4).forEach(([option, value]) => {
    cases.push({ args: ['solve', '--schedule', '1x5,0x5', option, value, '--json'], files: {} });
  });
  return cases;
}

describe('fuzz: a sample through the real bin', () => {
  afterAll(cleanUp);

  it('8 generated cases keep the rule as a user sees it (2 at a time)', async () => {
    const cases = sampleCases();
    for (let i = 0; i < cases.length; i += 2) {
      const pair = cases.slice(i, i + 2);
      const outcomes = await Promise.all(pair.map((c) => runBin(c.args)));
      pair.forEach((c, j) => expectRule(c.args, outcomes[j], c.files, BIN_BOUND_MS));
    }
  }, 8 * BIN_BOUND_MS);
});
