/**
 * The episode scrubber under the trajectory: a slider over the plot window's episodes and a
 * play button that walks it, the chosen episode's exact values in a line of text, and its policy
 * against the goal (policyChartSpec.ts). The values and the policy come from the worker, which
 * keeps the whole run; while one is on its way newer choices wait, and only the newest is asked
 * for next, so dragging never queues up stale episodes.
 */
import { formatNumber } from '../../src/index.ts';
import { ChartView } from './chartView.ts';
import { policyChartSpec } from './policyChartSpec.ts';
import type { EpisodeView, RunView } from './protocol.ts';
import { LEARNING_RATE_LABEL, seriesLabel } from './seriesNames.ts';
import { tooltipHandler } from './tooltip.ts';

export interface ScrubberElements {
  readonly slider: HTMLInputElement;
  readonly play: HTMLButtonElement;
  readonly values: HTMLElement;
  readonly frame: HTMLElement;
  readonly chart: HTMLElement;
}

export interface ScrubberHooks {
  /** Episode n of the run on screen (rejects once that run is replaced). */
  fetch(episode: number): Promise<EpisodeView>;
  /** The chosen episode changed: mark it on the trajectory. */
  onEpisode(episode: number): void;
  /** The policy chart was drawn for an episode. */
  onDrawn(episode: number): void;
}

/** About this many frames take the play button from the first episode to the last. */
const PLAY_FRAMES = 120;
const FRAME_MS = 40;

export class EpisodeScrubber {
  private readonly chart: ChartView;
  private run: RunView | null = null;
  private label = '';
  /** The user's choice (kept across re-solves, clamped to the window); null: the default. */
  private chosen: number | null = null;
  private asking = false;
  private wanted: number | null = null;
  private playing = false;

  constructor(
    private readonly el: ScrubberElements,
    private readonly hooks: ScrubberHooks,
  ) {
    this.chart = new ChartView(el.chart, tooltipHandler(el.frame));
    el.slider.addEventListener('input', () => {
      this.chosen = Number(el.slider.value);
      this.choose(this.chosen);
    });
    el.play.addEventListener('click', () => (this.playing ? this.pause() : void this.play()));
  }

  /** The episode marked now. */
  get episode(): number {
    return this.run === null ? 0 : this.episodeFor(this.run);
  }

  /** The episode that will be marked once `run` is shown: the user's choice in its window, else its default. */
  episodeFor(run: Pick<RunView, 'training' | 'window'>): number {
    return Math.min(Math.max(0, run.window - 1), Math.max(0, Math.round(this.chosen ?? defaultEpisode(run))));
  }

  /** A new run is on screen (labelled `label`): show its chosen episode. */
  show(run: RunView, label: string): void {
    this.run = run;
    this.label = label;
    this.el.slider.max = String(Math.max(0, run.window - 1));
    this.el.slider.disabled = run.window < 2;
    this.el.play.disabled = run.window < 2;
    this.choose(this.episode);
  }

  /** Draws the policy chart again (a new width, or the font arrived). */
  redraw(): void {
    if (this.run) this.choose(this.episode);
  }

  private choose(episode: number): void {
    this.el.slider.value = String(episode);
    this.hooks.onEpisode(episode);
    this.wanted = episode;
    if (!this.asking) void this.askForWanted();
  }

  private async askForWanted(): Promise<void> {
    this.asking = true;
    try {
      while (this.wanted !== null) {
        const episode = this.wanted;
        this.wanted = null;
        const view = await this.hooks.fetch(episode).catch(() => null);
        // A replaced run: the next show() asks again.
        if (view === null || this.run === null) continue;
        this.el.values.textContent = valuesText(this.run, view);
        this.el.frame.hidden = view.curve === null;
        if (view.curve) await this.chart.show(policyChartSpec(view.curve, this.label, { width: Math.max(280, this.el.chart.clientWidth), averaged: this.run.note.includes('mean of') }));
        this.hooks.onDrawn(episode);
      }
    } finally {
      this.asking = false;
    }
  }

  /** Walks the slider from the chosen episode (the first, once at the end) to the last. */
  private async play(): Promise<void> {
    if (!this.run) return;
    const last = this.run.window - 1;
    const step = Math.max(1, Math.round(last / PLAY_FRAMES));
    this.setPlaying(true);
    let episode = this.episode >= last ? 0 : this.episode;
    while (this.playing && this.run) {
      this.chosen = episode;
      this.choose(episode);
      if (episode >= last) break;
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
      episode = Math.min(this.run.window - 1, episode + step);
    }
    this.setPlaying(false);
  }

  private pause(): void {
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.el.play.textContent = playing ? 'Pause' : 'Play';
    this.el.play.setAttribute('aria-pressed', String(playing));
  }
}

/** Where the story turns: the first deployment episode of the window, else the first episode. */
export function defaultEpisode(run: Pick<RunView, 'training' | 'window'>): number {
  const end = run.training[0]?.[1];
  return end !== undefined && end < run.window ? end : 0;
}

/** "episode 20 (deployment): goal θ 0.5000 · coefficient a 0.9000 · output y 0.4500 · learning rate ℓ 0". */
export function valuesText(run: Pick<RunView, 'series' | 'training'>, view: EpisodeView): string {
  const n = view.episode;
  const phase = run.training.some(([start, end]) => n >= start && n < end) ? 'training' : 'deployment';
  const values = new Map(view.values);
  const parts = run.series.map((s) => `${seriesLabel(s)} ${formatNumber(values.get(s.key) ?? null)}`);
  parts.push(`${LEARNING_RATE_LABEL} ${formatNumber(values.get('learningRate') ?? null)}`);
  return `episode ${n} (${phase}): ${parts.join(' · ')}`;
}
