/**
 * `npm run bench:startup`: whole-process start-up of the `mesalab` command, measured in one run
 * against bare Node (`node -e ''`) so the figures compare as ratios. Each command runs `--runs`
 * times (default 9), the commands interleaved round by round so that drift of the machine hits all
 * alike; the table gives the median wall time, its ratio to bare Node's median, and the number of
 * module files the command loads (one more run each, traced by scripts/moduleTrace.mjs).
 *   tsx scripts/benchStartup.ts [--runs N] [--bin path/to/bin/mesalab.js]
 * (--bin times another checkout, e.g. an older version, against the same anchor.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, bin: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, got "${values.runs}"`);
const bin = values.bin ?? fileURLToPath(new URL('../bin/mesalab.js', import.meta.url));
const TRACE = fileURLToPath(new URL('./moduleTrace.mjs', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'mesalab-startup-'));

const CASES: ReadonlyArray<{ label: string; args: string[] }> = [
  { label: "node -e ''", args: ['-e', ''] },
  { label: 'mesalab --help', args: [bin, '--help'] },
  { label: 'mesalab --version', args: [bin, '--version'] },
  { label: 'mesalab list', args: [bin, 'list'] },
  { label: 'mesalab solve --schedule 1x100', args: [bin, 'solve', '--schedule', '1x100'] },
  { label: 'mesalab run seed --out <tmp>', args: [bin, 'run', 'seed', '--out', out] },
];

/** Commands that exited non-zero (an older --bin may lack one), marked in the table. */
const failed = new Set<string>();

/** Wall time of one process in ms. */
function time(label: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) failed.add(label);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const times = CASES.map(() => [] as number[]);
for (const { label, args } of CASES) time(label, args); // warm-up: file cache
for (let round = 0; round < runs; round++) for (const [i, { label, args }] of CASES.entries()) times[i].push(time(label, args));

/** The distinct module files one run of `args` loads (0 for bare Node's `-e ''`). */
function modulesLoaded(args: string[]): number {
  if (args[0] === '-e') return 0;
  const { stderr } = spawnSync(process.execPath, ['--import', TRACE, ...args], { encoding: 'utf8' });
  return new Set(stderr.split('\n').filter((line) => line.startsWith('\0'))).size;
}
const modules = CASES.map(({ args }) => modulesLoaded(args));
rmSync(out, { recursive: true, force: true });

const medians = times.map(median);
const width = Math.max(...CASES.map((c) => c.label.length));
process.stdout.write(`${'command'.padEnd(width)}  median ms  × bare node  modules   (${runs} runs each, Node ${process.version})\n`);
for (const [i, { label }] of CASES.entries()) {
  process.stdout.write(`${label.padEnd(width)}  ${medians[i].toFixed(0).padStart(9)}  ${(medians[i] / medians[0]).toFixed(2).padStart(11)}  ${String(modules[i]).padStart(7)}${failed.has(label) ? '  (exits non-zero)' : ''}\n`);
}
