import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { assertBuilt } from '../helpers/built.ts';

assertBuilt();

export const BIN = fileURLToPath(new URL('../../bin/mesalab.js', import.meta.url));

/**
 * For tests that start several `mesalab` processes (each a fraction of a second alone, far more
 * on a machine busy with other work): these tests get twice vitest's default limit.
 */
export const PROCESS_TEST_TIMEOUT = 120_000;

export const tmp = (): string => mkdtempSync(join(tmpdir(), 'mesalab-sweep-'));

/** Writes a sweep file (YAML) into `dir` and returns its path. */
export function writeSweep(dir: string, sweep: object, name = 'test-sweep.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, stringify(sweep));
  return file;
}

/** A small, quick sweep: 5 training lengths × 4 deployment lengths, the two headline metrics. */
export const SMALL_SWEEP = {
  name: 'small',
  base: { schedule: { training: 20, deployment: 80 } },
  sweep: { 'schedule.training': { from: 1, to: 41, step: 10 }, 'schedule.deployment': [0, 10, 50, 100] },
  metrics: ['firstCoefficient', 'goalRetained'],
};

const started = new Set<ChildProcess>();

/** Kills every child that `start` started and that is still running (for afterEach: a failed test leaves none behind). */
export function killStarted(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

/** Starts the real bin as a child process, collecting its stderr. */
export function start(args: string[]): ChildProcess & { stderrText: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  return Object.assign(child, { stderrText: () => stderr });
}

/** Resolves with the exit code (or the signal's name) when the child exits. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Polls `check` every 10 ms until it returns true, failing after `timeout` ms. */
export async function waitFor(check: () => boolean, what: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
