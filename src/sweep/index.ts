// `mesalab/sweep`: parameter sweeps from the library — load or compile a sweep, run it on this
// machine's cores, check and merge shard results. (The Redis queue stays with the CLI's --queue,
// so importing this entry never loads bullmq.) Figures of a sweep are in `mesalab/report`.

export { compileSweep, MAX_POINTS, type Sweep, type SweepSpec } from './sweep.ts';
export { loadSweep, builtInSweepNames, builtInSweepFile } from './load.ts';
export { runSweep, type SweepRunOptions, type SweepRunSummary } from './run.ts';
export { parseShard, shardLabel, WHOLE, type Shard } from './shard.ts';
export { checkResults, describeProblems, mergeFiles, missingShards, type CoverageReport } from './merge.ts';
export { writeResultsCsv } from './csv.ts';
export { readMeta, META_FILE, type SweepMeta } from './outputDir.ts';
export { defaultWorkers } from './workers.ts';
