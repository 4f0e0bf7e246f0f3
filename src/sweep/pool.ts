/**
 * Where batches run: in this thread (one worker), or in this thread and a piscina pool of
 * workers − 1 worker threads. Run from the sources (tests, scripts), the threads load TypeScript
 * through tsx by registering it inside each thread (batchWorker.mjs) rather than with
 * `execArgv: ['--import', 'tsx']`: see that file for why. Run from dist/, they import the
 * compiled batchTask.js.
 *
 * Why this thread works too. A thread needs about half a second of CPU to start (tsx and the
 * module graph), longer than a 10⁴-point sweep of 1000-episode points takes to solve on one core;
 * a pool that waited for its threads was slower on 2 workers than on 1. So this thread runs
 * batches from the start, and a pool thread takes batches only once it has answered an empty
 * warm-up task: no batch waits on a thread that is still starting.
 */
import { Piscina } from 'piscina';
import type { Batch } from './batches.ts';
import { runBatchTask } from './batchTask.ts';
import type { Sweep } from './sweep.ts';

/** Runs batches of one sweep; `close` frees the threads. */
export interface BatchRunner {
  readonly workers: number;
  run(batch: Batch): Promise<string>;
  close(): Promise<void>;
}

export { defaultWorkers } from './workers.ts';

export function createRunner(sweep: Sweep, workers: number): BatchRunner {
  if (workers <= 1) {
    return {
      workers: 1,
      // A macrotask between batches lets timers (progress lines) and signals through.
      run: (batch) => new Promise((resolve, reject) => setImmediate(() => {
        try {
          resolve(runBatchTask({ spec: sweep.spec, ids: batch.ids }));
        } catch (error) {
          reject(error);
        }
      })),
      close: async () => undefined,
    };
  }
  return sharedRunner(sweep, workers);
}

interface Job {
  readonly batch: Batch;
  resolve(text: string): void;
  reject(error: unknown): void;
}

/** This thread and workers − 1 pool threads, taking batches from one queue (see the top). */
function sharedRunner(sweep: Sweep, workers: number): BatchRunner {
  const threads = workers - 1;
  const pool = createPool(threads);
  const queue: Job[] = [];
  let ready = 0; // pool threads that answered their warm-up
  let busy = 0; // batches on the pool
  let hereScheduled = false;
  let failure: { error: unknown } | undefined;
  const pump = () => {
    if (failure) {
      for (const job of queue.splice(0)) job.reject(failure.error);
      return;
    }
    while (busy < ready && queue.length > 0) {
      const job = queue.shift()!;
      busy++;
      (pool.run({ spec: sweep.spec, ids: job.batch.ids }) as Promise<string>)
        .then(job.resolve, job.reject)
        .finally(() => {
          busy--;
          pump();
        });
    }
    if (queue.length > 0 && !hereScheduled) {
      hereScheduled = true;
      // A macrotask per batch, as for one worker: pool results, timers and signals get through.
      setImmediate(runHere);
    }
  };
  const runHere = () => {
    hereScheduled = false;
    const job = queue.shift();
    if (job) {
      try {
        job.resolve(runBatchTask({ spec: sweep.spec, ids: job.batch.ids }));
      } catch (error) {
        job.reject(error);
      }
    }
    pump();
  };
  for (let i = 0; i < threads; i++) {
    // A thread that cannot start fails the sweep, rather than leaving this thread to do it all.
    (pool.run({ spec: sweep.spec, ids: [] }) as Promise<string>).then(
      () => {
        ready++;
        pump();
      },
      (error: unknown) => {
        failure ??= { error };
        pump();
      },
    );
  }
  return {
    workers,
    run: (batch) =>
      new Promise<string>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        pump();
      }),
    close: () => pool.destroy(),
  };
}

/**
 * A pool of `threads` threads running batchTask's default export: compiled (dist/, this module is
 * `.js`) the threads import batchTask.js directly; from the sources, through batchWorker.mjs.
 */
export function createPool(threads: number): Piscina {
  const compiled = import.meta.url.endsWith('.js');
  return new Piscina({
    filename: new URL(compiled ? './batchTask.js' : './batchWorker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // No inherited `--import tsx`: its CommonJS hook would load the TypeScript the slow way.
    execArgv: [],
  });
}
