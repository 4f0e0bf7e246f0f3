import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChartRows, sweepFigures, whyNoFigures, writeSweepFigures } from '../../src/sweep/figures.ts';
import { runSweep } from '../../src/sweep/run.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';
import { SMALL_SWEEP, tmp } from './helpers.ts';

const json = (value: unknown) => JSON.stringify(value);

describe('sweepFigures(sweep, rows)', () => {
  it('draws a heatmap per metric for two parameters: the last across, the first up, with the labels', () => {
    const sweep = compileSweep({ ...SMALL_SWEEP, labels: { 'schedule.training': 'training episodes', goalRetained: 'goal retained' } });
    const rows = [{ 'schedule.training': 1, 'schedule.deployment': 0, firstCoefficient: 1, goalRetained: -1 }];
    const figures = sweepFigures(sweep, rows);
    expect(figures.map((f) => f.name)).toEqual(['firstCoefficient', 'goalRetained']);
    const spec = json(figures[1].spec);
    expect(spec).toContain('"mark":{"type":"rect"');
    expect(spec).toContain('"title":"small: goal retained"');
    expect(spec).toContain('"title":"training episodes"');
    expect(spec).toContain('"title":"schedule.deployment"');
  });

  it('draws a line plot per metric for one parameter, with a log x axis for a log range and log y when asked', () => {
    const sweep = compileSweep({
      ...SMALL_SWEEP,
      sweep: { 'schedule.learningRate': { from: 0.01, to: 1, steps: 3, log: true } },
      logMetrics: ['firstCoefficient'],
    });
    const [first, second] = sweepFigures(sweep, [{ 'schedule.learningRate': 0.01, firstCoefficient: 0.5, goalRetained: 0.9 }]);
    expect(json(first.spec)).toContain('"mark":{"type":"line"');
    expect((first.spec as { encoding: { x: { scale: { type: string } }; y: { scale: { type: string } } } }).encoding.x.scale.type).toBe('log');
    expect((first.spec as { encoding: { y: { scale: { type: string } } } }).encoding.y.scale.type).toBe('log');
    expect((second.spec as { encoding: { y: { scale: { type: string } } } }).encoding.y.scale.type).toBe('linear');
  });

  it('puts a log colour scale on heatmaps of metrics listed in logMetrics', () => {
    const sweep = compileSweep({ ...SMALL_SWEEP, logMetrics: ['firstCoefficient'] });
    const [first, second] = sweepFigures(sweep, []);
    expect((first.spec as { encoding: { color: { scale: { type?: string } } } }).encoding.color.scale.type).toBe('log');
    expect((second.spec as { encoding: { color: { scale: { type?: string } } } }).encoding.color.scale.type).toBeUndefined();
  });

  it('makes none for three parameters or text values, and says why', () => {
    const three = compileSweep({ ...SMALL_SWEEP, sweep: { ...SMALL_SWEEP.sweep, discount: [0.9, 1] } });
    expect(whyNoFigures(three)).toMatch(/one or two swept parameters; small has 3/);
    expect(sweepFigures(three, [])).toEqual([]);
    const text = compileSweep({ ...SMALL_SWEEP, sweep: { solver: ['grid', 'exact'] } });
    expect(whyNoFigures(text)).toMatch(/solver takes text values/);
  });
});

describe('writeSweepFigures(sweep, results, dir)', () => {
  it('writes SVG, PNG and the Vega-Lite spec per metric, with axis titles and a colour scale', async () => {
    const sweep = compileSweep({ ...SMALL_SWEEP, labels: { 'schedule.deployment': 'deployment episodes' } });
    const out = tmp();
    const { file } = await runSweep(sweep, { out, workers: 1 });
    expect(readChartRows(sweep, file)).toHaveLength(20);
    const files = await writeSweepFigures(sweep, file, out);
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['firstCoefficient.svg', 'firstCoefficient.png', 'firstCoefficient.vl.json', 'goalRetained.svg', 'goalRetained.png', 'goalRetained.vl.json']);
    const { usermeta, ...spec } = JSON.parse(readFileSync(join(out, 'goalRetained.vl.json'), 'utf8'));
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(usermeta.mesalab.runs).toBe(sweep.points);
    const svg = readFileSync(join(out, 'goalRetained.svg'), 'utf8');
    expect(svg).toContain('deployment episodes');
    expect(svg).toContain('schedule.training');
    expect(svg).toContain('linearGradient'); // the colour legend
    expect(readFileSync(join(out, 'goalRetained.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(join(out, 'firstCoefficient.png'))).toBe(true);
  });
});
