/**
 * Progress of a slow solve: which solver runs on how many episodes, the time so far against the
 * library's estimate (experiment/cost.ts, the same the CLI announces), and a button that cancels
 * it. The solvers report no progress of their own, so the bar is time against the estimate, and
 * without an estimate it only says how long the solve has taken.
 */
import { formatDuration } from '../../src/index.ts';
import type { SolveStart } from './protocol.ts';

/** A solve shows its progress once it has taken this long (shorter ones would only flicker). */
const SHOW_AFTER_MS = 300;

export interface ProgressElements {
  readonly box: HTMLElement;
  readonly text: HTMLElement;
  readonly bar: HTMLProgressElement;
  readonly cancel: HTMLButtonElement;
}

export class SolveProgress {
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = 0;
  private current: SolveStart | null = null;

  constructor(
    private readonly el: ProgressElements,
    onCancel: () => void,
  ) {
    el.cancel.addEventListener('click', onCancel);
  }

  /** A solve started in the worker. */
  start(solve: SolveStart): void {
    this.current = solve;
    this.started = performance.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 200);
  }

  /** The solve ended (solved, failed or cancelled). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.current = null;
    this.el.box.hidden = true;
  }

  private tick(): void {
    const solve = this.current;
    if (!solve) return;
    const elapsed = performance.now() - this.started;
    if (elapsed < SHOW_AFTER_MS) return;
    const seconds = elapsed / 1000;
    const episodes = solve.episodes.toLocaleString('en');
    const estimate = solve.estimateSeconds;
    this.el.text.textContent =
      estimate === null
        ? `Solving ${solve.label} with the ${solve.solver} solver (${episodes} episodes): ${seconds.toFixed(1)} s so far; the library has no estimate for this solver`
        : `Solving ${solve.label} with the ${solve.solver} solver (${episodes} episodes): ${seconds.toFixed(1)} s of about ${formatDuration(estimate)}`;
    if (estimate === null) this.el.bar.removeAttribute('value');
    else {
      this.el.bar.max = 1;
      this.el.bar.value = Math.min(0.97, seconds / Math.max(estimate, 0.01));
    }
    this.el.box.hidden = false;
  }
}
