import { describe, expect, it } from 'vitest';
import { renderSvg, svgToPng } from '../../../src/report/charts/render.ts';
import { SEED_FIGURE_SERIES, seedFigureSpec } from '../../../src/report/charts/seedFigure.ts';
import { countPixelsNear, decodePng, PNG_SIGNATURE } from '../png.ts';
import { smallTrajectory } from './trajectoryFixture.ts';

const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

/** The text content of every <text> element of an SVG. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('renderSvg', () => {
  it('renderSvg(seedFigureSpec(...)) has the title, axis titles and the four series in its legend', async () => {
    const svg = await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'A small run' }));
    const texts = svgTexts(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['A small run', 'Episode', 'Value', ...SEED_FIGURE_SERIES]) expect(texts).toContain(label);
  });

  it('draws one line <path> per series, in its colour, through every episode shown', async () => {
    const svg = await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'lines' }));
    const lines = [...svg.matchAll(/<path[^>]*aria-roledescription="line mark"[^>]*>/g)].map((m) => m[0]);
    expect(lines.map((line) => /stroke="([^"]+)"/.exec(line)?.[1])).toEqual(SERIES_COLOURS);
    // Three episodes: a move to the first point, then two segments.
    for (const line of lines) expect(/ d="M[^L"]+L[^L"]+L[^L"]+"/.test(line)).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('measures text with the DejaVu metrics, so no legend label is truncated', async () => {
    const svg = await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'no ellipsis' }));
    expect(svg).not.toContain('…');
  });

  it('gives a spec without a font the DejaVu Sans the PNG renderer has', async () => {
    const svg = await renderSvg({ title: 'bare', data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } });
    expect(svg).toContain('font-family="DejaVu Sans"');
  });
});

describe('svgToPng', () => {
  it('writes a PNG of the requested width whose pixels show all four series colours', async () => {
    const svg = await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'pixels' }));
    const bytes = svgToPng(svg, { width: 800 });
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const png = decodePng(bytes);
    expect(png.width).toBe(800);
    expect(png.height).toBeGreaterThan(300);
    for (const colour of SERIES_COLOURS) expect(countPixelsNear(png, colour)).toBeGreaterThan(100);
    // Text is drawn: the title and labels leave near-black pixels.
    expect(countPixelsNear(png, '#000000', 60)).toBeGreaterThan(500);
  });

  it('fills the background with white by default (no transparent pixels)', async () => {
    const png = decodePng(svgToPng(await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'white' })), { width: 400 }));
    let transparent = 0;
    for (let i = 3; i < png.pixels.length; i += 4) if (png.pixels[i] < 255) transparent++;
    expect(transparent).toBe(0);
    expect(png.pixels.subarray(0, 4)).toEqual(Uint8Array.from([255, 255, 255, 255]));
  });

  it('defaults to a 1100 px wide figure and rejects a width that is not a positive integer', async () => {
    const svg = await renderSvg(seedFigureSpec(smallTrajectory(), { title: 'width' }));
    expect(decodePng(svgToPng(svg)).width).toBe(1100);
    expect(() => svgToPng(svg, { width: 0 })).toThrow(/width/);
    expect(() => svgToPng(svg, { width: 10.5 })).toThrow(/width/);
  });
});
