// A progress display for a solve that blocks the main thread: this worker thread draws it by
// writing straight to file descriptor 2 (a worker's process.stderr goes through the main thread,
// which is busy solving). The bar follows the elapsed time against the estimate: solvers report
// no progress of their own, so it says "estimated". Plain JavaScript: it needs no TypeScript.
import { writeSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { workerData } from 'node:worker_threads';

const { label, estimate, tty, interval } = workerData;
const started = Date.now();
const width = 30;

function format(seconds) {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function draw() {
  const elapsed = (Date.now() - started) / 1000;
  const fraction = Math.min(0.99, elapsed / estimate);
  const left = estimate - elapsed;
  const remaining = left > 0 ? `about ${format(left)} left (estimated)` : 'taking longer than estimated';
  if (tty) {
    const filled = Math.round(fraction * width);
    writeSync(2, `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(fraction * 100)}% | ${format(elapsed)} elapsed | ${remaining}\x1b[K`);
  } else {
    writeSync(2, `${label}: ${format(elapsed)} elapsed, ${remaining}\n`);
  }
}

setInterval(draw, interval);
