/**
 * Sweep throughput and memory: points per second for 10⁴ points at N = 1000 episodes on one
 * worker and on every core, and the peak RSS of sweeps of two sizes (flat memory: the results
 * stream to disk, only a bitset of done points stays in memory).
 *
 *   npx tsx scripts/benchSweep.ts [--solver exact|grid] [--points 10000] [--repeat 3] [--memory 10000,100000]
 *
 * Each measurement runs in a fresh child process (so its peak RSS is its own) of the compiled
 * package (dist/, built first: `npm run build`), as `mesalab sweep` runs for a user, and times the
 * whole `runSweep`: thread start-up, solving, writing results.jsonl and results.csv. The
 * throughput runs are repeated and the fastest kept, as other work on the machine only slows
 * a run down. Each line also gives the process's CPU time (all threads), and the in-process
 * solver alone is timed on the same points (CPU time), the yardstick of a sweep's overhead.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenarioConfig } from '../src/model/config.ts';
import { getSolver } from '../src/solvers/registry.ts';
import { withOverrides } from '../src/model/configPaths.ts';
import { pointValues } from '../src/sweep/points.ts';
import { compileSweep } from '../src/sweep/sweep.ts';

interface Measurement {
  points: number;
  workers: number;
  seconds: number;
  /** CPU seconds of the whole process, every thread (user + system). */
  cpuSeconds: number;
  maxRssMiB: number;
}

/** A sweep of about `points` points, every one 1000 episodes: learning rate × discount (issue 14's workload). */
function benchSpec(points: number, solver: string) {
  const side = Math.round(Math.sqrt(points));
  return {
    name: 'bench',
    base: { schedule: { training: 200, deployment: 800 } },
    sweep: {
      'schedule.learningRate': { from: 0.01, to: 1, steps: Math.ceil(points / side), log: true },
      discount: { from: 0.9, to: 1, steps: side },
    },
    metrics: ['firstCoefficient', 'goalRetained'],
    solver,
  };
}

/** The child that measures one run: the compiled package, as `mesalab sweep` runs for a user. */
const CHILD = fileURLToPath(new URL('benchSweepChild.mjs', import.meta.url));

function measure(points: number, workers: number, solver: string): Measurement {
  const run = spawnSync(process.execPath, [CHILD, JSON.stringify(benchSpec(points, solver)), String(workers)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`benchmark child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measurement;
}

function line(label: string, m: Measurement): string {
  return `${label.padEnd(34)} ${String(m.points).padStart(7)} points  ${m.seconds.toFixed(2).padStart(6)} s  ${Math.round(m.points / m.seconds).toString().padStart(6)} points/s  CPU ${m.cpuSeconds.toFixed(2)} s  peak RSS ${m.maxRssMiB.toFixed(0)} MiB`;
}

/**
 * The in-process solver alone on the same points (scenarios built first, then timed: solve only),
 * in CPU seconds: what a sweep's throughput is compared with.
 */
function solverOnlyCpuSeconds(points: number, solver: string): number {
  const sweep = compileSweep(benchSpec(points, solver));
  const configs = Array.from({ length: sweep.points }, (_, id) => parseScenarioConfig(withOverrides(sweep.base, sweep.paths, pointValues(sweep.axes, id))));
  const solve = getSolver(configs[0].solver).solve;
  for (const c of configs.slice(0, 500)) solve(c.scenario); // warm-up
  const cpu = process.cpuUsage();
  for (const c of configs) solve(c.scenario);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6;
}

const { values } = parseArgs({
  options: {
    solver: { type: 'string', default: 'exact' },
    points: { type: 'string', default: '10000' },
    memory: { type: 'string', default: '10000,100000' },
    repeat: { type: 'string', default: '3' },
  },
});

{
  const cores = availableParallelism();
  const points = Number(values.points);
  console.log(`mesalab sweep benchmark: N = 1000 episodes per point, solver ${values.solver}, ${cores} cores, Node ${process.version}`);
  // Other processes competing for the cores skew every figure: say how busy the machine was.
  console.log(`load average before: ${loadavg()[0].toFixed(2)}`);
  const fastest = (workers: number) =>
    Array.from({ length: Number(values.repeat) }, () => measure(points, workers, values.solver)).reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const one = fastest(1);
  console.log(line('1 worker', one));
  const solverCpu = solverOnlyCpuSeconds(points, values.solver);
  console.log(`in-process solver alone on the same points: CPU ${solverCpu.toFixed(2)} s; 1 worker's throughput = ${((100 * solverCpu) / one.cpuSeconds).toFixed(0)}% of it (CPU time), ${((100 * solverCpu) / one.seconds).toFixed(0)}% (its wall time)`);
  const all = fastest(cores);
  console.log(line(`${cores} workers (all cores)`, all));
  console.log(`speed-up on ${cores} cores: ${(one.seconds / all.seconds).toFixed(2)}× wall; CPU ${(all.cpuSeconds / one.cpuSeconds).toFixed(2)}× one worker's`);
  // Larger sweeps, on one worker and on every core: the pool threads' start-up (about 0.3 s of
  // CPU each) weighs less the more points there are.
  for (const size of values.memory.split(',').map(Number)) {
    const single = measure(size, 1, values.solver);
    const every = measure(size, cores, values.solver);
    console.log(line(`${size} points, 1 worker`, single));
    console.log(line(`${size} points, ${cores} workers`, every));
    console.log(`speed-up at ${size} points: ${(single.seconds / every.seconds).toFixed(2)}× wall`);
  }
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
}
