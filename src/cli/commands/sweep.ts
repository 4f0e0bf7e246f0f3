import type { Command } from 'commander';
import { checkOutputDirectory } from '../../report/outputPath.ts';
import { stopOnInterrupt } from '../sweepInterrupt.ts';
import { join } from 'node:path';
import { InputError } from '../../errors/inputError.ts';
import { SOLVER_NAME_LIST as SOLVER_NAMES } from '../../solvers/solverNames.ts';
import { builtInSweepNames } from '../../sweep/builtIn.ts';
import type { Progress } from '../../sweep/progress.ts';
import { DEFAULT_QUEUE_NAME, parseRedisUrl } from '../../sweep/queueUrl.ts';
import type { SweepRunOptions, SweepRunSummary } from '../../sweep/run.ts';
import { parseShard, shardLabel, WHOLE } from '../../sweep/shard.ts';
import type { Sweep } from '../../sweep/sweep.ts';
import { defaultWorkers } from '../../sweep/workers.ts';
import { FIGURE_PACKAGES, needing, QUEUE_PACKAGES } from '../optionalPackages.ts';

// The sweep engine (schema, YAML, worker pool), the queue client and the figures load in the
// action, each only when used.

interface SweepOptions {
  out?: string;
  workers?: string;
  batch?: string;
  shard?: string;
  resume?: boolean;
  overwrite?: boolean;
  solver?: string;
  queue?: string;
  queueName?: string;
  plot?: boolean;
  json?: boolean;
  quiet?: boolean;
  progressInterval?: string;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run a parameter sweep (a YAML/JSON sweep file or a built-in sweep) and record each point\'s metrics')
    .argument('<sweep>', `a sweep file, or a built-in sweep: ${builtInSweepNames().join(', ')}`)
    .option('-o, --out <dir>', 'output directory (default: out/sweeps/<name>)')
    .option('-w, --workers <n>', `worker threads (default: one per core, here ${defaultWorkers()})`)
    .option('--batch <n>', 'points per task or queue job (default: automatic)')
    .option('--shard <i/n>', 'run only shard i of n (points with id ≡ i−1 mod n), e.g. for a job array')
    .option('--resume', 'keep the points already in the results file and run the rest')
    .option('--overwrite', 'discard earlier results in the output directory')
    .option('--queue <url>', 'run the points on `mesalab worker` processes through this Redis server, e.g. redis://10.0.0.5:6379')
    .option('--queue-name <name>', 'the queue to use with --queue', DEFAULT_QUEUE_NAME)
    .option('--solver <name>', `override the sweep's solver: ${SOLVER_NAMES.join('|')}`)
    .option('--plot', 'draw a heatmap (two swept parameters) or line plot (one) of each metric, as SVG and PNG, into the output directory')
    .option('--json', 'print one JSON object on stdout: the sweep, its point counts and the files written')
    .option('--quiet', 'no progress bar or progress lines')
    .option('--progress-interval <seconds>', 'seconds between progress lines when stderr is not a terminal', '5')
    .addHelpText(
      'after',
      '\nResults: <out>/results.jsonl (one JSON object per point, in point order), results.csv once complete,\n' +
        'sweep.json (what was swept). See docs/sweeps.md for the file format.',
    )
    .action(async (name: string, options: SweepOptions) => {
      const [{ loadSweep }, { checkSolverName }, { createProgress }, { runSweep }, { announceSweepCost }] = await Promise.all([
        import('../../sweep/load.ts'),
        import('../../solvers/registry.ts'),
        import('../../sweep/progress.ts'),
        import('../../sweep/run.ts'),
        import('../sweepCost.ts'),
      ]);
      const sweep = loadSweep(name, options.solver === undefined ? undefined : checkSolverName(options.solver, '--solver'));
      // Fail before the sweep runs, not after, when --plot cannot draw.
      if (options.plot) await needing(FIGURE_PACKAGES, '--plot', async () => (await import('../../report/charts/render.ts')).loadFigureStack());
      const out = options.out ?? join('out', 'sweeps', sweep.name);
      checkOutputDirectory(out);
      const shard = options.shard === undefined ? WHOLE : parseShard(options.shard);
      if (options.resume && options.overwrite) throw new InputError('--resume', 'cannot be combined with --overwrite');
      const workers = options.workers === undefined ? undefined : parseWholeNumber(options.workers, '--workers', 1);
      const batchSize = options.batch === undefined ? undefined : parseWholeNumber(options.batch, '--batch', 1);
      const interval = parseWholeNumber(options.progressInterval ?? '5', '--progress-interval', 1) * 1000;
      let progress: Progress | undefined;
      const label = `sweep ${sweep.name}${shard.count > 1 ? ` shard ${shardLabel(shard)}` : ''}`;
      const run = options.queue === undefined ? runSweep : queueRunner(parseRedisUrl(options.queue), options.queueName);
      let finished = 0;
      const removeInterrupt = stopOnInterrupt(() => {
        progress?.stop();
        return `${label}: interrupted; ${finished} points are saved in ${out}; run the same command with --resume to finish`;
      });
      const summary = await run(sweep, {
        out,
        shard,
        resume: options.resume,
        overwrite: options.overwrite,
        workers,
        batchSize,
        onStart: (total, done) => {
          finished = done;
          // Announced even with --quiet: a run of hours should never start silently.
          announceSweepCost(label, sweep, total, done, workers ?? defaultWorkers());
          if (options.quiet) return;
          progress = createProgress({ label, total, initial: done, stream: process.stderr, interval });
        },
        onProgress: (done) => {
          finished = done;
          progress?.update(done);
        },
      });
      removeInterrupt();
      progress?.stop();
      report(sweep, summary);
      const figures = options.plot ? await plot(sweep, summary.file, out, shard.count > 1 ? `figures need the whole sweep: run \`mesalab merge ${out} --plot\` once every shard is done` : undefined) : [];
      if (options.json) {
        const { file, csv, ...counts } = summary;
        process.stdout.write(JSON.stringify({ sweep: sweep.name, points: sweep.points, shard: shard.count > 1 ? shardLabel(shard) : null, ...counts, results: file, csv: csv ?? null, figures }) + '\n');
      }
    });
}

// BullMQ loads only with --queue, the chart renderer only with --plot.
function queueRunner(url: string, queueName: string | undefined) {
  return async (sweep: Sweep, options: SweepRunOptions) => {
    const { runSweepOnQueue } = await needing(QUEUE_PACKAGES, '--queue', () => import('../../sweep/queue.ts'));
    return runSweepOnQueue(sweep, { ...options, url, queueName, warn: (line) => process.stderr.write(`mesalab: ${line}\n`) });
  };
}

/** Draws the figures of a complete results file (returns the files written), or says why there are none. */
export async function plot(sweep: Sweep, file: string, out: string, notYet?: string): Promise<string[]> {
  const { whyNoFigures, writeSweepFigures } = await needing(FIGURE_PACKAGES, '--plot', () => import('../../sweep/figures.ts'));
  const why = notYet ?? whyNoFigures(sweep);
  if (why !== undefined) {
    process.stderr.write(`${sweep.name}: no figures: ${why}\n`);
    return [];
  }
  const files = await needing(FIGURE_PACKAGES, '--plot', () => writeSweepFigures(sweep, file, out));
  const pngs = files.filter((f) => f.endsWith('.png'));
  process.stderr.write(`wrote ${pngs.length} figures: ${pngs.join(', ')} (and .svg, .vl.json)\n`);
  return files;
}

function report(sweep: Sweep, summary: SweepRunSummary): void {
  const resumed = summary.resumed > 0 ? `, ${summary.resumed} were already done` : '';
  const torn = summary.truncatedBytes > 0 ? ` (removed a torn last line of ${summary.truncatedBytes} bytes)` : '';
  process.stderr.write(`${sweep.name}: ${summary.computed} points computed${resumed}${torn}\n`);
  process.stderr.write(`wrote ${summary.file}${summary.csv ? ` and ${summary.csv}` : ''}\n`);
}

/** Parses a whole-number CLI option (at least `min`), naming the option on error. */
export function parseWholeNumber(text: string, option: string, min = 0): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new InputError(option, `expected a whole number of at least ${min}, got "${text}"`);
  return Number(text);
}
