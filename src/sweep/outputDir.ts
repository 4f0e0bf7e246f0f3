/**
 * A sweep's output directory:
 *   sweep.json                    what was swept (the spec, fingerprint, number of points)
 *   results.jsonl                 the rows of a whole run, in point order
 *   results.shard-I-of-N.jsonl    the rows of shard I/N (joined by `mesalab merge`)
 *   results.csv                   the same rows as CSV, written once the run is complete
 *   <metric>.svg, <metric>.png    figures (`--plot`)
 * sweep.json ties the results to the sweep: resuming or merging into a directory that holds
 * another sweep's results is refused rather than mixed.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/inputError.ts';
import { provenance, type Provenance } from '../report/provenance.ts';
import type { Shard } from './shard.ts';
import type { Sweep, SweepSpec } from './sweep.ts';

export const META_FILE = 'sweep.json';

/** The contents of sweep.json. */
export interface SweepMeta {
  name: string;
  fingerprint: string;
  points: number;
  axes: { path: string; size: number; log: boolean }[];
  metrics: string[];
  /** The spec the sweep was compiled from: `compileSweep(meta.spec)` rebuilds it. */
  spec: SweepSpec;
  /** The run that created the directory (report/provenance.ts); absent in older files. */
  provenance?: Provenance;
}

export function resultsFileName(shard: Shard): string {
  return shard.count === 1 ? 'results.jsonl' : `results.shard-${shard.index}-of-${shard.count}.jsonl`;
}

/** Matches shard results files; groups: index, count. */
export const SHARD_FILE = /^results\.shard-(\d+)-of-(\d+)\.jsonl$/;

export function metaOf(sweep: Sweep): SweepMeta {
  return {
    name: sweep.name,
    fingerprint: sweep.fingerprint,
    points: sweep.points,
    axes: sweep.axes.map((a) => ({ path: a.path, size: a.values.length, log: a.log })),
    metrics: [...sweep.metrics],
    spec: sweep.spec,
    provenance: provenance({ runs: sweep.points }),
  };
}

export function readMeta(dir: string): SweepMeta | undefined {
  const file = join(dir, META_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SweepMeta;
  } catch {
    throw new InputError(file, 'is not valid JSON; delete it to start over');
  }
}

/**
 * Records `sweep` in `dir` (atomically: shards of a job array may write it at the same time),
 * or checks that the sweep already recorded there is the same one.
 */
export function claimDir(dir: string, sweep: Sweep): void {
  const existing = readMeta(dir);
  if (existing !== undefined && existing.fingerprint !== sweep.fingerprint) {
    throw new InputError(
      dir,
      `holds the results of another sweep ("${existing.name}", fingerprint ${existing.fingerprint}); choose another --out or delete it`,
    );
  }
  if (existing === undefined) writeFileAtomically(join(dir, META_FILE), `${JSON.stringify(metaOf(sweep), null, 2)}\n`);
}

/** Writes a whole file by writing a temporary file beside it, syncing it and renaming it over. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
