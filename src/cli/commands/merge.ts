import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors/inputError.ts';
import { readMeta, SHARD_FILE } from '../../sweep/outputDir.ts';
import type { Sweep } from '../../sweep/sweep.ts';
import { plot } from './sweep.ts';

// The sweep engine (schema, YAML) loads in the action.

interface MergeOptions {
  sweep?: string;
  out?: string;
  check?: boolean;
  plot?: boolean;
  json?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join the shard results of a sweep into one results.jsonl (and results.csv), checking every point is there exactly once')
    .argument('<dir>', 'the sweep output directory (holding sweep.json and results.shard-I-of-N.jsonl)')
    .argument('[files...]', 'results files to join (default: every results.shard-*.jsonl in <dir>)')
    .option('--sweep <file>', 'the sweep file or built-in name (default: <dir>/sweep.json)')
    .option('-o, --out <file>', 'the merged file (default: <dir>/results.jsonl; the CSV goes beside it)')
    .option('--check', 'only check that every point is present exactly once; write nothing')
    .option('--plot', 'also draw the figures of the merged results (as `mesalab sweep --plot` does)')
    .option('--json', 'print one JSON object on stdout: the sweep, its points, the inputs and the files written')
    .addHelpText('after', '\nExits 1 naming the missing or duplicated points (and their shards) when the results are incomplete.')
    .action(async (dir: string, files: string[], options: MergeOptions) => {
      const [{ writeResultsCsv }, { checkResults, describeProblems, mergeFiles, missingShards }] = await Promise.all([
        import('../../sweep/csv.ts'),
        import('../../sweep/merge.ts'),
      ]);
      const sweep = await sweepOf(dir, options.sweep);
      const inputs = files.length > 0 ? files : shardFiles(dir);
      const out = options.out ?? join(dir, 'results.jsonl');
      if (!options.check && inputs.some((f) => resolve(f) === resolve(out))) {
        throw new InputError('--out', `${out} is one of the inputs; choose another output file`);
      }
      const report = checkResults(sweep, inputs);
      if (report.missingCount > 0 || report.duplicateCount > 0) {
        const shardCount = commonShardCount(inputs);
        const shards = shardCount === undefined ? ['i/n'] : missingShards(report, shardCount);
        const rerun = shards.map((s) => `--shard ${s}`).join(', ');
        const hint = report.missingCount > 0 ? `; to finish, run \`mesalab sweep FILE --out ${dir} --resume\` with ${rerun}` : '';
        throw new InputError('merge', `${describeProblems(report, shardCount)}${hint}`);
      }
      process.stderr.write(`${sweep.name}: all ${sweep.points} points present exactly once in ${inputs.length} files\n`);
      const summary = { sweep: sweep.name, points: sweep.points, complete: true, inputs };
      if (options.check) {
        if (options.json) process.stdout.write(JSON.stringify(summary) + '\n');
        return;
      }
      mergeFiles(sweep, inputs, out, report.sorted);
      const csv = out.replace(/\.jsonl$/, '') + '.csv';
      writeResultsCsv(out, csv, sweep);
      process.stderr.write(`wrote ${out} and ${csv}\n`);
      const figures = options.plot ? await plot(sweep, out, dirname(out)) : [];
      if (options.json) process.stdout.write(JSON.stringify({ ...summary, results: out, csv, figures }) + '\n');
    });
}

async function sweepOf(dir: string, sweepOption: string | undefined): Promise<Sweep> {
  const [{ loadSweep }, { compileSweep }] = await Promise.all([import('../../sweep/load.ts'), import('../../sweep/sweep.ts')]);
  const meta = readMeta(dir);
  if (sweepOption !== undefined) {
    const sweep = loadSweep(sweepOption);
    if (meta !== undefined && meta.fingerprint !== sweep.fingerprint) {
      throw new InputError('--sweep', `is not the sweep recorded in ${join(dir, 'sweep.json')} ("${meta.name}")`);
    }
    return sweep;
  }
  if (meta === undefined) throw new InputError(dir, 'has no sweep.json; pass --sweep FILE');
  return compileSweep(meta.spec, meta.name);
}

function shardFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(dir, 'does not exist');
  const files = readdirSync(dir)
    .filter((f) => SHARD_FILE.test(f))
    .sort((a, b) => Number(SHARD_FILE.exec(a)![1]) - Number(SHARD_FILE.exec(b)![1]));
  if (files.length === 0) throw new InputError(dir, 'holds no results.shard-I-of-N.jsonl files; name the files to merge');
  return files.map((f) => join(dir, f));
}

/** N when every input is a shard file of the same N (so missing points can be traced to shards). */
function commonShardCount(files: readonly string[]): number | undefined {
  const counts = new Set(files.map((f) => SHARD_FILE.exec(f.split('/').pop() ?? '')?.[2]));
  const [only] = counts;
  return counts.size === 1 && only !== undefined ? Number(only) : undefined;
}
