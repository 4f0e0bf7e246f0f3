import { describe, expect, it } from 'vitest';
import { heatmapSpec, type HeatmapOptions } from '../../../src/report/charts/heatmap.ts';
import { renderSvg } from '../../../src/report/charts/render.ts';

/** A 100 × 40 grid of integer parameters with an integer value and a few missing cells. */
function integerGrid(): HeatmapOptions['rows'] {
  const rows = [];
  for (let training = 1; training <= 100; training++) {
    for (let deployment = 1; deployment <= 40; deployment++) {
      rows.push({ training, deployment, deceptive: training === deployment ? null : (training * deployment) % 7 });
    }
  }
  return rows;
}

interface HeatmapShape {
  data: { values: Array<{ x: number; y: number; value: number | null }> };
  encoding: Record<'x' | 'y', { type: string; scale: { domain: number[] }; axis: { values: number[]; format: string } }> & {
    color: { type: string; title: string };
  };
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('heatmapSpec', () => {
  it('renders a 100 × 40 grid to SVG with axis titles, about ten labels per axis and a colour legend titled by the value', async () => {
    const spec = heatmapSpec({ rows: integerGrid(), x: 'training', y: 'deployment', value: 'deceptive', title: 'Deception', xLabel: 'Training episodes', yLabel: 'Deployment episodes', valueLabel: 'Deceptive episodes' });
    const svg = await renderSvg(spec);
    const labels = texts(svg);
    for (const label of ['Deception', 'Training episodes', 'Deployment episodes', 'Deceptive episodes', '1', '91', '37']) expect(labels).toContain(label);
    expect(svg).toContain('role-legend');
    expect(svg).toMatch(/role-legend-gradient[^>]*><path[^>]*fill="url\(#gradient/);
    // One cell per grid point with a value; the 40 missing ones let the grey view show through.
    expect((svg.match(/aria-roledescription="rect mark"/g) ?? []).length).toBe(100 * 40 - 40);
  });

  it('puts every grid point on an ordinal axis in numeric order, the largest y at the top', () => {
    const spec = heatmapSpec({ rows: integerGrid(), x: 'training', y: 'deployment', value: 'deceptive', title: 't' }) as unknown as HeatmapShape;
    expect(spec.encoding.x.type).toBe('ordinal');
    expect(spec.encoding.x.scale.domain).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(spec.encoding.y.scale.domain).toEqual(Array.from({ length: 40 }, (_, i) => 40 - i));
    expect(spec.encoding.x.axis.values).toEqual([1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
    expect(spec.encoding.x.axis.format).toBe('d');
    expect(spec.encoding.color).toMatchObject({ type: 'quantitative', title: 'deceptive' });
  });

  it('labels log-spaced values to three significant digits, never in e-notation', async () => {
    const rates = [0.001, 0.00316227766, 0.01, 0.0316227766, 0.1, 0.316227766, 1, 3.16227766, 10];
    const rows = rates.flatMap((rate) => [0.5, 1].map((discount) => ({ rate, discount, value: Math.log10(rate) * discount })));
    const svg = await renderSvg(heatmapSpec({ rows, x: 'rate', y: 'discount', value: 'value', title: 'log grid' }));
    const labels = texts(svg);
    for (const label of ['0.001', '0.00316', '0.0316', '3.16', '10', '0.5']) expect(labels).toContain(label);
    expect(labels.some((label) => /e[+-]/.test(label))).toBe(false);
  });

  it('keeps missing values (null, NaN, Infinity) as null cells and drops rows without a position', () => {
    const rows = [
      { a: 1, b: 1, v: 1 },
      { a: 2, b: 1, v: null },
      { a: 1, b: 2, v: Number.NaN },
      { a: 2, b: 2, v: Number.POSITIVE_INFINITY },
      { a: null, b: 2, v: 3 },
    ];
    const spec = heatmapSpec({ rows, x: 'a', y: 'b', value: 'v', title: 'gaps' }) as unknown as HeatmapShape;
    expect(spec.data.values).toEqual([
      { x: 1, y: 1, value: 1 },
      { x: 2, y: 1, value: null },
      { x: 1, y: 2, value: null },
      { x: 2, y: 2, value: null },
    ]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe('renderSvg(heatmapSpec(…)) twice in one process', () => {
  it('gives byte-identical SVGs (the gradient legend has the same id each time)', async () => {
    const rows = [{ a: 1, b: 1, v: 1 }, { a: 2, b: 1, v: 2 }, { a: 1, b: 2, v: 3 }, { a: 2, b: 2, v: 4 }];
    const spec = heatmapSpec({ rows, x: 'a', y: 'b', value: 'v', title: 't' });
    const first = await renderSvg(spec);
    const second = await renderSvg(spec);
    expect(first).toMatch(/<linearGradient id="gradient_0"/);
    expect(second).toBe(first);
  });
});
