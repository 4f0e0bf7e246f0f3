/**
 * The queue backend against a real Redis server (Debian's redis-server, started here on a free
 * loopback port): the collector (`mesalab sweep --queue`) and two `mesalab worker` processes,
 * the first killed with SIGKILL in the middle of a job. The killed job must be retried by the
 * other worker and every point recorded exactly once, equal to a local run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { exited, killStarted, PROCESS_TEST_TIMEOUT, start, tmp, waitFor, writeSweep } from './helpers.ts';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
// CI installs redis-server (.ci/run), so there the test must run; elsewhere it may be skipped.
const skip = !haveRedis && !process.env.CI;
if (skip) console.warn('queue.test.ts: skipped, redis-server is not installed (apt-get install redis-server); CI never skips it');

// 4 × 3 = 12 points of 25,000–40,000 episodes on the grid solver: a job of 3 points takes about
// 0.3 s on an idle core, so a worker can be killed in the middle of one.
const POINTS = 12;
const QUEUE_SWEEP = {
  name: 'queued',
  base: { schedule: { training: 10000, deployment: 20000 } },
  sweep: { 'schedule.training': { from: 5000, to: 20000, step: 5000 }, discount: [0.98, 0.99, 1] },
  metrics: ['firstCoefficient', 'goalRetained'],
};

let referenceText: Promise<string> | undefined;

/** The results of a local run of QUEUE_SWEEP (computed once). */
function reference(): Promise<string> {
  referenceText ??= (async () => {
    const out = tmp();
    await runSweep(compileSweep(QUEUE_SWEEP), { out, workers: 2 });
    return readFileSync(join(out, 'results.jsonl'), 'utf8');
  })();
  return referenceText;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(skip)('mesalab sweep --queue with mesalab worker (BullMQ on a real Redis)', () => {
  let redis: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let log = '';
    redis.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(() => /Ready to accept connections/.test(log), 'redis-server to start', 10_000);
    url = `redis://127.0.0.1:${port}`;
  });

  afterEach(killStarted);

  afterAll(async () => {
    redis?.kill('SIGKILL');
    if (redis) await exited(redis);
  });

  it('retries the job of a worker killed mid-job and records every point exactly once', async () => {
    const dir = tmp();
    const file = writeSweep(dir, QUEUE_SWEEP);
    const out = join(dir, 'out');
    const queue = ['--queue', url, '--queue-name', `test-${process.pid}`];
    const workerArgs = ['worker', ...queue, '--workers', '1', '--lock-duration', '1000', '--stalled-interval', '500'];

    const collector = start(['sweep', file, ...queue, '--out', out, '--batch', '3', '--quiet']);
    const doomed = start(workerArgs);
    await waitFor(() => / started: /.test(doomed.stderrText()), 'the first worker to start a job');
    doomed.kill('SIGKILL');
    expect(await exited(doomed)).toBe('SIGKILL');
    const started = [...doomed.stderrText().matchAll(/job (\S+) started/g)].map((m) => m[1]);
    const finished = new Set([...doomed.stderrText().matchAll(/job (\S+) finished/g)].map((m) => m[1]));
    const interrupted = started.filter((id) => !finished.has(id));
    expect(interrupted).toHaveLength(1);

    const survivor = start([...workerArgs, '--idle-exit', '30']);
    expect(await exited(collector)).toBe(0);
    survivor.kill('SIGTERM');
    expect(await exited(survivor)).toBe(0);
    // The survivor ran the killed worker's job again (its second attempt).
    expect(survivor.stderrText()).toContain(`job ${interrupted[0]} started`);

    const text = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const ids = text.trim().split('\n').map((line) => JSON.parse(line).id as number);
    expect(ids).toEqual(Array.from({ length: POINTS }, (_, i) => i));
    expect(text).toBe(await reference());
  }, PROCESS_TEST_TIMEOUT);

  it('finishes with --resume after the collector itself is killed, each point still exactly once', async () => {
    const dir = tmp();
    const file = writeSweep(dir, QUEUE_SWEEP);
    const out = join(dir, 'out');
    const results = join(out, 'results.jsonl');
    const queue = ['--queue', url, '--queue-name', `test-resume-${process.pid}`];
    const worker = start(['worker', ...queue, '--workers', '2']);
    const first = start(['sweep', file, ...queue, '--out', out, '--batch', '3', '--quiet']);
    await waitFor(() => existsSync(results) && readFileSync(results, 'utf8').split('\n').length > 3, 'the first batch to be written');
    first.kill('SIGKILL');
    expect(await exited(first)).toBe('SIGKILL');
    const second = start(['sweep', file, ...queue, '--out', out, '--batch', '3', '--resume', '--quiet']);
    expect(await exited(second)).toBe(0);
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
    const text = readFileSync(results, 'utf8');
    expect(text.trim().split('\n').map((line) => JSON.parse(line).id as number)).toEqual(Array.from({ length: POINTS }, (_, i) => i));
    expect(text).toBe(await reference());
  }, PROCESS_TEST_TIMEOUT);

  it('reports a server that refuses the connection at once, as one line', async () => {
    const dir = tmp();
    const port = await freePort();
    const collector = start(['sweep', writeSweep(dir, QUEUE_SWEEP), '--queue', `redis://127.0.0.1:${port}`, '--out', join(dir, 'out')]);
    expect(await exited(collector)).toBe(1);
    expect(collector.stderrText()).toMatch(/^mesalab: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(connect ECONNREFUSED .*\)\n$/);
  });
});
