/**
 * The sweep across machines on a job queue: BullMQ over Redis. `runSweepOnQueue` (the
 * collector, `mesalab sweep FILE --queue redis://…`) enqueues the pending batches as jobs and
 * appends their results in batch order; `startQueueWorker` (`mesalab worker --queue …`, on any
 * number of machines) takes jobs and evaluates them on a local thread pool.
 *
 * Exactly once: a job's id is derived from the sweep's fingerprint, the shard and the batch
 * number, so enqueueing it again (a resumed collector) adds nothing; a worker killed mid-job
 * loses its lock, BullMQ's stalled-job check puts the job back in the queue and another worker
 * runs it; whatever ran it, the collector writes each batch once, when it reaches it in order,
 * and then deletes the job. Results wait in Redis, not in the collector's memory.
 */
import { Job, Queue, Worker } from 'bullmq';
import { InputError } from '../errors/inputError.ts';
import { pendingBatches, type Batch } from './batches.ts';
import type { BatchTask } from './batchTask.ts';
import { createPool } from './pool.ts';
import { DEFAULT_QUEUE_NAME } from './queueUrl.ts';
import { parseRow, ResultsAppender } from './resultsFile.ts';
import { finish, prepareResults, type SweepRunOptions, type SweepRunSummary } from './run.ts';
import type { Sweep } from './sweep.ts';

// Blocking commands must wait as long as they need (BullMQ requires maxRetriesPerRequest: null).
const connectionOf = (url: string) => ({ url, maxRetriesPerRequest: null });

interface RedisClientLike {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Waits for the client's connection: fails at once if Redis refuses it, after 10 s if nothing
 * answers. Afterwards, connection errors (ioredis reconnects by itself) go to `warn`, at most
 * one every 10 s, instead of BullMQ's default of printing each one.
 */
async function connected<T extends RedisClientLike>(client: T, url: string, warn: (line: string) => void = () => undefined): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let failed: ((error: Error) => void) | undefined;
  let lastWarning = 0;
  client.on('error', (error) => {
    if (failed) return failed(new InputError('--queue', `cannot reach Redis at ${url} (${error.message})`));
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    warn(`Redis at ${url}: ${error.message} (retrying)`);
  });
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
    timer = setTimeout(() => reject(new InputError('--queue', `cannot reach Redis at ${url} (no answer in 10 s)`)), 10_000);
  });
  try {
    await Promise.race([client.waitUntilReady(), failure]);
    return client;
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  } finally {
    failed = undefined;
    clearTimeout(timer);
  }
}

export interface QueueSweepOptions extends SweepRunOptions {
  /** redis://host:port */
  url: string;
  /** Default DEFAULT_QUEUE_NAME. */
  queueName?: string;
  /** Jobs enqueued ahead of the first unwritten one. Default 200. */
  window?: number;
  /** Attempts per job before it fails (a throwing job; stalls are counted separately). Default 3. */
  attempts?: number;
  /** Notes about the connection (Redis went away, retrying). */
  warn?: (line: string) => void;
}

/** Runs (or finishes) a sweep through the queue; resolves when every pending point is written. */
export async function runSweepOnQueue(sweep: Sweep, options: QueueSweepOptions): Promise<SweepRunSummary> {
  const prepared = prepareResults(sweep, options);
  const { file, shard, total, done } = prepared;
  const resumed = done.count;
  // Batch size is part of a job's id: a fixed default keeps ids stable across resumed collectors.
  const batchSize = options.batchSize ?? 64;
  options.onStart?.(total, resumed);
  let finished = resumed;
  const queue = await connected(new Queue<BatchTask, string>(options.queueName ?? DEFAULT_QUEUE_NAME, { connection: connectionOf(options.url) }), options.url, options.warn);
  const appender = new ResultsAppender(file);
  try {
    const batches = pendingBatches(sweep.points, shard, batchSize, done);
    const jobId = (batch: Batch) => `${sweep.fingerprint}-${shard.index}of${shard.count}-${batchSize}-${batch.number}`;
    const ahead: Batch[] = [];
    const refill = async () => {
      const added: Batch[] = [];
      while (ahead.length + added.length < (options.window ?? 200)) {
        const next = batches.next();
        if (next.done) break;
        added.push(next.value);
      }
      await enqueue(queue, sweep, added.map((batch) => ({ batch, id: jobId(batch) })), options.attempts ?? 3);
      ahead.push(...added);
    };
    await refill();
    while (ahead.length > 0) {
      const text = await waitForJob(queue, jobId(ahead[0]), ahead[0]);
      appender.append(keepRequested(text, ahead[0], sweep));
      finished += ahead[0].ids.length;
      options.onProgress?.(finished);
      await queue.remove(jobId(ahead[0]));
      ahead.shift();
      await refill();
    }
  } finally {
    appender.close();
    await queue.close();
  }
  return { ...finish(sweep, options.out, file, shard), total, resumed, computed: finished - resumed, truncatedBytes: prepared.truncatedBytes };
}

/** Adds jobs; a job left failed by an earlier collector is replaced rather than kept. */
async function enqueue(queue: Queue<BatchTask, string>, sweep: Sweep, jobs: { batch: Batch; id: string }[], attempts: number): Promise<void> {
  if (jobs.length === 0) return;
  for (const { id } of jobs) {
    const existing = await Job.fromId(queue, id);
    if (existing !== undefined && (await existing.isFailed())) await existing.remove();
  }
  await queue.addBulk(
    jobs.map(({ batch, id }) => ({
      name: 'batch',
      data: { spec: sweep.spec, ids: batch.ids },
      opts: { jobId: id, attempts, removeOnComplete: false, removeOnFail: false },
    })),
  );
}

/** Polls until job `id` has finished (backing off to 250 ms); its JSON Lines, or an error if it failed. */
async function waitForJob(queue: Queue<BatchTask, string>, id: string, batch: Batch): Promise<string> {
  for (let delay = 10; ; delay = Math.min(250, delay * 2)) {
    const job = await Job.fromId<BatchTask, string>(queue, id);
    if (job === undefined) throw new Error(`queue job ${id} disappeared from Redis (was the queue emptied?); rerun with --resume`);
    const state = await job.getState();
    if (state === 'completed') return job.returnvalue;
    if (state === 'failed') {
      throw new Error(`points ${batch.ids[0]}–${batch.ids[batch.ids.length - 1]} failed on a worker: ${job.failedReason}; rerun with --resume to retry them`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * The rows of a finished job that this batch asked for, checked against the sweep. A job made by
 * an earlier collector may hold more points (some since written); those are dropped here.
 */
function keepRequested(text: string, batch: Batch, sweep: Sweep): string {
  const wanted = new Set(batch.ids);
  let kept = '';
  let count = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const row = parseRow(line, sweep, `a result of points ${batch.ids[0]}–${batch.ids[batch.ids.length - 1]}`);
    if (wanted.delete(row.id)) {
      kept += `${line}\n`;
      count++;
    }
  }
  if (count !== batch.ids.length) throw new Error(`a queue job returned ${count} of its ${batch.ids.length} points`);
  return kept;
}

export interface QueueWorkerOptions {
  url: string;
  queueName?: string;
  /** Threads, and jobs run at once. Default: one per core. */
  workers: number;
  /** How long a job's lock lasts without renewal: a killed worker's job is retried after this. Default 30 000 ms. */
  lockDuration?: number;
  /** Milliseconds between checks for stalled jobs. Default: lockDuration. */
  stalledInterval?: number;
  /** Stop after this many milliseconds without work. Default: never. */
  idleExit?: number;
  /** Notes: job started, finished, failed. */
  log?: (line: string) => void;
}

export interface QueueWorkerHandle {
  /** Resolves when the worker has stopped (idle exit or close). */
  readonly stopped: Promise<void>;
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
}

/** Starts taking jobs from the queue. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const log = options.log ?? (() => undefined);
  const pool = createPool(options.workers);
  const lockDuration = options.lockDuration ?? 30_000;
  let active = 0;
  let lastActivity = Date.now();
  const worker = new Worker<BatchTask, string>(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      active++;
      const ids = job.data.ids;
      log(`job ${job.id} started: points ${ids[0]}–${ids[ids.length - 1]} (attempt ${job.attemptsStarted})`);
      const started = performance.now();
      try {
        const text = (await pool.run(job.data)) as string;
        log(`job ${job.id} finished: ${ids.length} points in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        return text;
      } finally {
        active--;
        lastActivity = Date.now();
      }
    },
    {
      connection: connectionOf(options.url),
      concurrency: options.workers,
      lockDuration,
      stalledInterval: options.stalledInterval ?? lockDuration,
      maxStalledCount: 3,
      autorun: false,
    },
  );
  worker.on('failed', (job, error) => log(`job ${job?.id ?? '?'} failed: ${error.message}`));
  await connected(worker, options.url, log);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(idleTimer);
      await worker.close();
      await pool.destroy();
    })());
  const idleTimer = setInterval(() => {
    if (options.idleExit !== undefined && active === 0 && Date.now() - lastActivity > options.idleExit) {
      log(`idle for ${Math.round(options.idleExit / 1000)} s; stopping`);
      void close();
    }
  }, 250);
  const running = worker.run();
  const stopped = (async () => {
    await running;
    await close();
  })();
  return { stopped, close };
}
