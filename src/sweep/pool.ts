/**
 * Where batches run: in this thread (one worker), or on a piscina pool of worker threads. Run
 * from the sources (tests, scripts), the threads load TypeScript through tsx by registering it
 * inside each thread (batchWorker.mjs) rather than with `execArgv: ['--import', 'tsx']`: see that
 * file for why. Run from dist/, they import the compiled batchTask.js.
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
  const pool = createPool(workers);
  return {
    workers,
    run: (batch) => pool.run({ spec: sweep.spec, ids: batch.ids }) as Promise<string>,
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
