/**
 * Batches of points, the unit of work handed to a worker thread or a queue job. Batch k of a
 * shard covers the shard's positions [k·size, (k+1)·size), minus the points already done; the
 * numbering does not depend on what is done, so a queue job keeps its id across resumes.
 */
import type { Bitset } from './bitset.ts';
import { shardPointId, shardSize, type Shard } from './shard.ts';

export interface Batch {
  /** k: the batch's place in the shard. */
  readonly number: number;
  /** The pending point ids of the batch, ascending. */
  readonly ids: readonly number[];
}

/** The batches with pending points, in order; lazy, so a huge sweep is never listed at once. */
export function* pendingBatches(points: number, shard: Shard, size: number, done: Bitset): Generator<Batch> {
  const positions = shardSize(points, shard);
  for (let start = 0, number = 0; start < positions; start += size, number++) {
    const ids: number[] = [];
    for (let p = start; p < Math.min(start + size, positions); p++) {
      const id = shardPointId(shard, p);
      if (!done.has(id)) ids.push(id);
    }
    if (ids.length > 0) yield { number, ids };
  }
}

/**
 * A default batch size: about 16 batches per worker so the load balances and progress moves,
 * but at most 256 points so a kill loses little work, and a worker still gets tens of
 * milliseconds of solving per message.
 */
export function defaultBatchSize(pending: number, workers: number): number {
  return Math.max(1, Math.min(256, Math.ceil(pending / (workers * 16))));
}

/**
 * Runs `run` over the batches with up to `window` in flight and hands the results to `write`
 * in batch order, whatever order they finish in: the output is the same for any number of
 * workers. Memory holds at most `window` batches of results.
 */
export async function runInOrder<T>(
  batches: Iterator<Batch>,
  run: (batch: Batch) => Promise<T>,
  window: number,
  write: (result: T, batch: Batch) => void,
): Promise<void> {
  const inFlight: { batch: Batch; result: Promise<T> }[] = [];
  const refill = () => {
    while (inFlight.length < window) {
      const next = batches.next();
      if (next.done) return;
      const result = run(next.value);
      // Awaited in order below; this only stops a later failure from being reported as unhandled.
      result.catch(() => undefined);
      inFlight.push({ batch: next.value, result });
    }
  };
  refill();
  while (inFlight.length > 0) {
    const head = inFlight.shift()!;
    write(await head.result, head.batch);
    refill();
  }
}
