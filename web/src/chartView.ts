/**
 * A Vega-Lite chart in the page that redraws fast. Compiling a spec and building a vega view costs
 * tens of milliseconds, so a spec is compiled once; when a later spec differs only in its inline
 * data and the values of its top-level variables (params such as a title's text), the new rows go
 * into the running view as a changeset, the values are set as signals, and vega re-runs only the
 * dataflow behind them.
 *
 * vega and vega-lite (most of the page's JavaScript) are a chunk of their own, loaded on first
 * use: the page asks for them at start (loadChartEngine) and parses them while the worker
 * solves the first setting, instead of before the worker even starts.
 */
import type { parse as vegaParse, TooltipHandler, View } from 'vega';
import type { compile as vegaLiteCompile, TopLevelSpec } from 'vega-lite';

interface ChartEngine {
  readonly View: typeof View;
  readonly parse: typeof vegaParse;
  readonly compile: typeof vegaLiteCompile;
}

let engine: Promise<ChartEngine> | null = null;

/** Loads vega and vega-lite once; every chart waits for the same load. */
export function loadChartEngine(): Promise<ChartEngine> {
  engine ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ View: vega.View, parse: vega.parse, compile: vegaLite.compile }));
  return engine;
}

/** A spec whose inline datasets were replaced by named ones, and those datasets. */
export interface LiftedSpec {
  readonly spec: TopLevelSpec;
  readonly datasets: ReadonlyMap<string, readonly object[]>;
  /** The values of the spec's top-level variables (params with a value, not selections). */
  readonly signals: ReadonlyMap<string, unknown>;
  /** The spec without its data and variables' values, as text: equal keys compile to the same dataflow. */
  readonly key: string;
}

/**
 * Replaces every `data: {values: [...]}` in the spec by `data: {name: "inline_i"}`, and empties
 * its top-level `datasets`, and returns the rows by name, so the compiled view can be fed new rows
 * without recompiling; likewise the values of its top-level variables.
 */
export function liftInlineData(spec: TopLevelSpec): LiftedSpec {
  const datasets = new Map<string, readonly object[]>();
  const lift = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(lift);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && isInlineData(value)) {
        const name = `inline_${datasets.size}`;
        datasets.set(name, value.values);
        copy[key] = { name };
      } else {
        copy[key] = lift(value);
      }
    }
    return copy;
  };
  const lifted = lift(spec) as TopLevelSpec;
  // Top-level named datasets, shared by several layers, are fed the same way.
  const named = (lifted as { datasets?: Record<string, object[]> }).datasets ?? {};
  for (const [name, rows] of Object.entries(named)) datasets.set(name, rows);
  if (Object.keys(named).length > 0) (lifted as { datasets?: Record<string, object[]> }).datasets = Object.fromEntries(Object.keys(named).map((name) => [name, []]));
  const params = ((lifted as { params?: unknown }).params ?? []) as { name: string; value?: unknown; select?: unknown }[];
  const variables = params.filter((p) => p.select === undefined && 'value' in p);
  const signals = new Map(variables.map((p) => [p.name, p.value]));
  const keyed = { ...lifted, params: params.map((p) => (variables.includes(p) ? { ...p, value: null } : p)) };
  return { spec: lifted, datasets, signals, key: JSON.stringify(keyed) };
}

function isInlineData(value: unknown): value is { values: object[] } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'values' && Array.isArray((value as { values: unknown }).values);
}

export class ChartView {
  private view: View | null = null;
  private key = '';
  private clickHandler: ((datum: Record<string, unknown> | undefined) => void) | null = null;
  /** The last queued change: a change waits for the one before, so two never run on one view at once. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly container: HTMLElement,
    private readonly tooltip?: TooltipHandler,
  ) {}

  /** Draws the spec, reusing the running view when only the data changed. */
  show(spec: TopLevelSpec): Promise<void> {
    return this.enqueue(() => this.draw(spec));
  }

  private enqueue(change: () => Promise<void>): Promise<void> {
    const next = this.queue.then(change);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async draw(spec: TopLevelSpec): Promise<void> {
    const lifted = liftInlineData(spec);
    if (!this.view || lifted.key !== this.key) {
      const { View, parse, compile } = await loadChartEngine();
      this.view?.finalize();
      this.view = null;
      this.container.replaceChildren();
      const view = new View(parse(compile(lifted.spec).spec), { renderer: 'canvas', hover: true });
      if (this.tooltip) view.tooltip(this.tooltip);
      if (this.clickHandler) {
        const handler = this.clickHandler;
        view.addEventListener('click', (_event, item) => handler((item as { datum?: Record<string, unknown> } | null | undefined)?.datum));
      }
      await view.initialize(this.container).runAsync();
      this.view = view;
      this.key = lifted.key;
    }
    for (const [name, rows] of lifted.datasets) this.view.data(name, rows as object[]);
    for (const [name, value] of lifted.signals) this.view.signal(name, value);
    // New data can change the size of axes and legends; vega only lays the view out again when asked.
    await this.view.resize().runAsync();
  }

  /** Calls `handler` with the datum of the mark item clicked (undefined off the marks). */
  onClick(handler: (datum: Record<string, unknown> | undefined) => void): void {
    this.clickHandler = handler;
  }

  /** Replaces the rows of one named dataset of the running view (e.g. the scrubbed episode) and redraws. */
  data(name: string, rows: readonly object[]): Promise<void> {
    return this.enqueue(async () => {
      if (this.view) await this.view.data(name, rows as object[]).runAsync();
    });
  }

  /** The chart as a standalone SVG document. */
  async toSvg(): Promise<string> {
    return this.current().toSVG();
  }

  /** The chart as a PNG, drawn at `scale` times its size on screen. */
  async toPng(scale = 2): Promise<Blob> {
    const url = await this.current().toImageURL('png', scale);
    return (await fetch(url)).blob();
  }

  clear(): void {
    this.view?.finalize();
    this.view = null;
    this.key = '';
    this.container.replaceChildren();
  }

  private current(): View {
    if (!this.view) throw new Error('no chart has been drawn yet');
    return this.view;
  }
}
