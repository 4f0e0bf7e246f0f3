// One measurement of scripts/benchSweep.ts, in a fresh process running the compiled package
// (dist/), as `mesalab sweep` runs for a user: no TypeScript compiled at start-up, in this
// thread or in the pool's. Prints one JSON line: points, workers, wall and CPU seconds, peak RSS.
//   node scripts/benchSweepChild.mjs SWEEP_JSON WORKERS
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { compileSweep, runSweep } from '../dist/sweep/index.js';

const sweep = compileSweep(JSON.parse(process.argv[2]));
const workers = Number(process.argv[3]);
const out = mkdtempSync(join(tmpdir(), 'mesalab-bench-'));
const started = performance.now();
const cpu = process.cpuUsage();
await runSweep(sweep, { out, workers });
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
rmSync(out, { recursive: true, force: true });
const cpuSeconds = (used.user + used.system) / 1e6;
process.stdout.write(`${JSON.stringify({ points: sweep.points, workers, seconds, cpuSeconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
