// Figures render with vega's and vega-lite's single-file builds (vegaBuilds.ts): they must be the
// installed versions, draw what the packages' ES module entries draw, and leave the globals alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vegaModule from 'vega';
import * as vegaLiteModule from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { loadVegaBuilds } from '../../../src/report/charts/vegaBuilds.ts';

const installed = (name: string) => (JSON.parse(readFileSync(fileURLToPath(new URL(`../../../node_modules/${name}/package.json`, import.meta.url)), 'utf8')) as { version: string }).version;

/** An SVG with no text, whose drawing does not depend on text measurement. */
async function svgOf(vega: typeof vegaModule, vegaLite: typeof vegaLiteModule, spec: vegaLiteModule.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  vega.resetSVGDefIds();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe('loadVegaBuilds', () => {
  it('loads the installed versions once and puts the globals back as they were', async () => {
    const host = { own: true };
    const scope = globalThis as Record<string, unknown>;
    scope.vega = host;
    try {
      const builds = await loadVegaBuilds();
      expect(builds.vega.version).toBe(installed('vega'));
      expect(builds.vegaLite.version).toBe(installed('vega-lite'));
      expect(scope.vega).toBe(host);
      expect('vegaLite' in scope).toBe(false);
      expect(await loadVegaBuilds()).toBe(builds);
    } finally {
      delete scope.vega;
    }
  });

  it('compiles and draws a figure as the ES module entries do', async () => {
    const { vega, vegaLite } = await loadVegaBuilds();
    // No text, whose widths are DejaVu's in the builds once a figure is rendered: a log and a
    // linear scale, a band scale, monotone lines, rects and colour schemes.
    const values = Array.from({ length: 40 }, (_, i) => ({ x: i + 1, y: Math.sin(i / 4) * Math.exp(-i / 20), series: i % 3 === 0 ? 'a' : 'b' }));
    const spec: vegaLiteModule.TopLevelSpec = {
      data: { values },
      layer: [
        { mark: { type: 'line', interpolate: 'monotone' }, encoding: { x: { field: 'x', type: 'quantitative', scale: { type: 'log' }, axis: null }, y: { field: 'y', type: 'quantitative', axis: null }, color: { field: 'series', type: 'nominal', legend: null } } },
        { mark: 'rect', encoding: { x: { field: 'x', type: 'ordinal', axis: null }, color: { field: 'y', type: 'quantitative', legend: null } } },
      ],
    };
    expect(vegaLite.compile(spec).spec).toEqual(vegaLiteModule.compile(spec).spec);
    const svg = await svgOf(vega, vegaLite, spec);
    expect(svg).toMatch(/<path/);
    expect(svg).not.toMatch(/<text/);
    expect(svg).toBe(await svgOf(vegaModule, vegaLiteModule, spec));
  });
});
