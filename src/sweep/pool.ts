/**
 * Where batches run: in this thread (one worker), or on a piscina pool of worker threads. The
 * threads load TypeScript through tsx, like the CLI, but by registering tsx inside each thread
 * (batchWorker.mjs) rather than with `execArgv: ['--import', 'tsx']`: see that file for why.
 */
import { availableParallelism } from 'node:os';
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

/** The default number of workers: one per core. */
export const defaultWorkers = (): number => availableParallelism();

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
  const pool = createPool(workers);
  return {
    workers,
    run: (batch) => pool.run({ spec: sweep.spec, ids: batch.ids }) as Promise<string>,
    close: () => pool.destroy(),
  };
}

/** A pool of `threads` threads running batchTask.ts's default export (through batchWorker.mjs). */
export function createPool(threads: number): Piscina {
  return new Piscina({
    filename: new URL('./batchWorker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // No inherited `--import tsx`: its CommonJS hook would load the TypeScript the slow way.
    execArgv: [],
  });
}
