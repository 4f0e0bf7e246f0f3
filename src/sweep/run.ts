/**
 * Running a sweep on this machine: the pending points of the shard, in batches, on a pool of
 * worker threads, each batch's rows appended to the results file as soon as it and every batch
 * before it are done. The file therefore always holds a prefix of the shard's points in point
 * order: a killed run resumes where it stopped, and the finished file is the same, byte for byte,
 * for any number of workers and any number of interruptions.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/inputError.ts';
import { defaultBatchSize, pendingBatches, runInOrder } from './batches.ts';
import { Bitset } from './bitset.ts';
import { writeResultsCsv } from './csv.ts';
import { claimDir, metaOf, resultsFileName, writeFileAtomically, META_FILE } from './outputDir.ts';
import { createRunner, defaultWorkers } from './pool.ts';
import { readDone, ResultsAppender } from './resultsFile.ts';
import { shardLabel, shardOf, shardSize, WHOLE, type Shard } from './shard.ts';
import type { Sweep } from './sweep.ts';

export interface SweepRunOptions {
  /** The output directory (created if missing). */
  out: string;
  /** Run only this shard. Default: the whole sweep. */
  shard?: Shard;
  /** Keep the rows already in the results file and run only the missing points. */
  resume?: boolean;
  /** Discard the rows already in the results file. */
  overwrite?: boolean;
  /** Worker threads; 1 runs in this thread. Default: one per core. */
  workers?: number;
  /** Points per batch (task or queue job). Default: see defaultBatchSize. */
  batchSize?: number;
  /** Called once before the first batch with the shard's size and the points already done. */
  onStart?: (total: number, done: number) => void;
  /** Called after each batch is written with the number of the shard's points done. */
  onProgress?: (done: number) => void;
}

export interface SweepRunSummary {
  /** The results file (JSON Lines). */
  file: string;
  /** results.csv, written when the whole sweep (not a shard) is complete. */
  csv?: string;
  /** Points in the shard. */
  total: number;
  /** Points found done in the file (resume). */
  resumed: number;
  /** Points computed by this run. */
  computed: number;
  /** Bytes of a torn last line removed on resume (0 normally). */
  truncatedBytes: number;
}

/** The results file of a run, and the points it already holds. */
export interface PreparedResults {
  file: string;
  shard: Shard;
  total: number;
  done: Bitset;
  truncatedBytes: number;
}

/** Claims the output directory and reads (resume) or clears (overwrite) the results file. */
export function prepareResults(sweep: Sweep, options: Pick<SweepRunOptions, 'out' | 'shard' | 'resume' | 'overwrite'>): PreparedResults {
  const shard = options.shard ?? WHOLE;
  mkdirSync(options.out, { recursive: true });
  if (options.overwrite) writeFileAtomically(join(options.out, META_FILE), `${JSON.stringify(metaOf(sweep), null, 2)}\n`);
  else claimDir(options.out, sweep);
  const file = join(options.out, resultsFileName(shard));
  const done = new Bitset(sweep.points);
  let truncatedBytes = 0;
  if (!existsSync(file)) closeSync(openSync(file, 'a'));
  else if (statSync(file).size > 0) {
    if (options.overwrite) truncateSync(file, 0);
    else if (options.resume) {
      truncatedBytes = readDone(file, sweep, done).truncatedBytes;
      checkShardMembers(file, done, shard);
    } else {
      throw new InputError(file, 'already holds results; pass --resume to finish the sweep or --overwrite to start again');
    }
  }
  return { file, shard, total: shardSize(sweep.points, shard), done, truncatedBytes };
}

function checkShardMembers(file: string, done: Bitset, shard: Shard): void {
  if (shard.count === 1) return;
  for (let id = 0; id < done.size; id++) {
    if (done.has(id) && shardOf(id, shard.count) !== shard.index) {
      throw new InputError(file, `holds point ${id}, which belongs to shard ${shardOf(id, shard.count)}/${shard.count}, not ${shardLabel(shard)}`);
    }
  }
}

/** Runs (or finishes) a sweep on this machine. */
export async function runSweep(sweep: Sweep, options: SweepRunOptions): Promise<SweepRunSummary> {
  const prepared = prepareResults(sweep, options);
  const { file, shard, total, done } = prepared;
  const resumed = done.count;
  const pending = total - resumed;
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), pending));
  const batchSize = options.batchSize ?? defaultBatchSize(pending, workers);
  options.onStart?.(total, resumed);
  let finished = resumed;
  if (pending > 0) {
    const runner = createRunner(sweep, workers);
    const appender = new ResultsAppender(file);
    try {
      await runInOrder(pendingBatches(sweep.points, shard, batchSize, done), (b) => runner.run(b), workers * 4, (text, batch) => {
        appender.append(text);
        finished += batch.ids.length;
        options.onProgress?.(finished);
      });
    } finally {
      appender.close();
      await runner.close();
    }
  }
  return { ...finish(sweep, options.out, file, shard), total, resumed, computed: finished - resumed, truncatedBytes: prepared.truncatedBytes };
}

/** Writes results.csv beside a complete whole-sweep results file. */
export function finish(sweep: Sweep, out: string, file: string, shard: Shard): { file: string; csv?: string } {
  if (shard.count !== 1) return { file };
  const csv = join(out, 'results.csv');
  writeResultsCsv(file, csv, sweep);
  return { file, csv };
}
