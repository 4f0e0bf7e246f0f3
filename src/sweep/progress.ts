/**
 * Progress of a sweep: a cli-progress bar (points done, rate, ETA) on a terminal, and plain
 * periodic lines otherwise (logs of batch jobs, CI), both on the given stream (stderr in the CLI),
 * so the results on stdout or in files are never mixed with progress.
 */
import { createRequire } from 'node:module';

export interface Progress {
  /** `done` points of the total are finished (including those skipped by a resume). */
  update(done: number): void;
  /** Ends the bar and prints a one-line summary. */
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  /** Points already done before this run started (resume); the rate counts only new ones. */
  initial: number;
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Milliseconds between plain lines. Default 5000. */
  interval?: number;
  /** Draw a bar (default: when the stream is a terminal). */
  bar?: boolean;
}

// The slice of cli-progress that this file uses (the package ships no types).
interface SingleBar {
  start(total: number, start: number, payload: Record<string, string>): void;
  update(value: number, payload: Record<string, string>): void;
  stop(): void;
}
type SingleBarClass = new (options: Record<string, unknown>) => SingleBar;
const cliProgress = createRequire(import.meta.url)('cli-progress') as { SingleBar: SingleBarClass };

export function createProgress(options: ProgressOptions): Progress {
  const started = performance.now();
  const rate = (done: number) => (done - options.initial) / Math.max(1e-3, (performance.now() - started) / 1000);
  const summary = (done: number) =>
    `${options.label}: ${done - options.initial} points in ${formatSeconds((performance.now() - started) / 1000)} ` +
    `(${formatRate(rate(done))} points/s); ${done}/${options.total} done\n`;
  let last = options.initial;
  if (options.bar ?? options.stream.isTTY === true) {
    const bar = new cliProgress.SingleBar({
      stream: options.stream,
      format: `${options.label} [{bar}] {value}/{total} points | {rate} points/s | ETA {eta}`,
      hideCursor: true,
      // Draw even when the stream does not say it is a terminal: `bar` has decided already.
      noTTYOutput: true,
      etaBuffer: 50,
    });
    const payload = (done: number) => ({ rate: formatRate(rate(done)), eta: eta(done, options.total, rate(done)) });
    bar.start(options.total, options.initial, payload(options.initial));
    return {
      update: (done) => bar.update((last = done), payload(done)),
      stop: () => {
        bar.stop();
        options.stream.write(summary(last));
      },
    };
  }
  const timer = setInterval(() => {
    const r = rate(last);
    const percent = options.total === 0 ? 100 : (100 * last) / options.total;
    options.stream.write(`${options.label}: ${last}/${options.total} points (${percent.toFixed(1)}%), ${formatRate(r)} points/s, ETA ${eta(last, options.total, r)}\n`);
  }, options.interval ?? 5000);
  timer.unref();
  return {
    update: (done) => void (last = done),
    stop: () => {
      clearInterval(timer);
      options.stream.write(summary(last));
    },
  };
}

function eta(done: number, total: number, rate: number): string {
  if (done >= total) return '0 s';
  return rate > 0 ? formatSeconds((total - done) / rate) : '?';
}

function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate.toPrecision(3);
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
