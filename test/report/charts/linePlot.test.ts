import { describe, expect, it } from 'vitest';
import { linePlotSpec } from '../../../src/report/charts/linePlot.ts';
import { renderSvg } from '../../../src/report/charts/render.ts';

const rows = [0.001, 0.01, 0.1, 1, 10].map((rate, i) => ({ rate, deceptive: 10 * i, honest: i === 2 ? null : 40 - i }));

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const linePaths = (svg: string) => [...svg.matchAll(/<path[^>]*aria-roledescription="line mark"[^>]*>/g)].map((m) => m[0]);

interface LineShape {
  data: { values: Array<{ x: number; series: string; value: number | null }> };
  encoding: { x: { scale: { type: string } }; y: { title: string } };
}

describe('linePlotSpec', () => {
  it('renders one line per series with the axis titles and a legend of the series names', async () => {
    const svg = await renderSvg(linePlotSpec({ rows, x: 'rate', series: ['deceptive', 'honest'], title: 'Against ℓ', xLabel: 'Learning rate', yLabel: 'Episodes', logX: true }));
    const labels = texts(svg);
    for (const label of ['Against ℓ', 'Learning rate', 'Episodes', 'deceptive', 'honest']) expect(labels).toContain(label);
    expect(svg).toContain('role-legend');
    expect(new Set(linePaths(svg).map((path) => /stroke="([^"]+)"/.exec(path)?.[1])).size).toBe(2);
  });

  it('uses a log x scale when asked and labels it by decades', async () => {
    const spec = linePlotSpec({ rows, x: 'rate', y: 'deceptive', title: 'log', logX: true });
    expect((spec as unknown as LineShape).encoding.x.scale.type).toBe('log');
    expect(texts(await renderSvg(spec))).toEqual(expect.arrayContaining(['0.001', '0.01', '0.1', '1', '10']));
  });

  it('draws a single field titled by its name, with no legend', async () => {
    const spec = linePlotSpec({ rows, x: 'rate', y: 'deceptive', title: 'one' });
    expect((spec as unknown as LineShape).encoding.y.title).toBe('deceptive');
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('role-legend');
    expect(linePaths(svg)).toHaveLength(1);
  });

  it('breaks the line at a missing value instead of bridging it, and drops x ≤ 0 on a log axis', async () => {
    const spec = linePlotSpec({ rows: [{ rate: 0, deceptive: 1, honest: 1 }, ...rows], x: 'rate', series: ['honest'], title: 'gap', logX: true });
    const { data } = spec as unknown as LineShape;
    expect(data.values.map((p) => p.x)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(data.values[2].value).toBeNull();
    const [path] = linePaths(await renderSvg(spec));
    // Two pieces: two moves in one path.
    expect((/ d="([^"]+)"/.exec(path)?.[1].match(/M/g) ?? []).length).toBe(2);
  });
});
