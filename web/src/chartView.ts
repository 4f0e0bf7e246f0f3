/**
 * A Vega-Lite chart in the page that redraws fast. Compiling a spec and building a vega view costs
 * tens of milliseconds, so a spec is compiled once; when a later spec differs only in its inline
 * data (a slider moved), the new rows go into the running view as a changeset and vega re-runs
 * only the dataflow behind them.
 */
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A spec whose inline datasets were replaced by named ones, and those datasets. */
export interface LiftedSpec {
  readonly spec: TopLevelSpec;
  readonly datasets: ReadonlyMap<string, readonly object[]>;
  /** The spec without its data, as text: equal keys compile to the same dataflow. */
  readonly key: string;
}

/**
 * Replaces every `data: {values: [...]}` in the spec by `data: {name: "inline_i"}` and returns the
 * rows by name, so the compiled view can be fed new rows without recompiling.
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
  return { spec: lifted, datasets, key: JSON.stringify(lifted) };
}

function isInlineData(value: unknown): value is { values: object[] } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'values' && Array.isArray((value as { values: unknown }).values);
}

export class ChartView {
  private view: View | null = null;
  private key = '';

  constructor(private readonly container: HTMLElement) {}

  /** Draws the spec, reusing the running view when only the data changed. */
  async show(spec: TopLevelSpec): Promise<void> {
    const lifted = liftInlineData(spec);
    if (!this.view || lifted.key !== this.key) {
      this.view?.finalize();
      this.view = null;
      this.container.replaceChildren();
      const view = new View(parse(compile(lifted.spec).spec), { renderer: 'canvas', hover: true });
      await view.initialize(this.container).runAsync();
      this.view = view;
      this.key = lifted.key;
    }
    for (const [name, rows] of lifted.datasets) this.view.data(name, rows as object[]);
    // New data can change the size of axes and legends; vega only lays the view out again when asked.
    await this.view.resize().runAsync();
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
