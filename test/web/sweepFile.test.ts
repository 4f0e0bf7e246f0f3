import { describe, expect, it } from 'vitest';
import { cellMeans, chooseAxes, defaultAxes, flatten, parseSweepLines, pointParams } from '../../web/src/sweepFile.ts';

const lines = [
  { params: { discount: 0.5, 'schedule.training': 10 }, metrics: { firstCoefficient: 0.1, goalRetained: null }, solver: 'grid', ties: [] },
  { params: { discount: 0.5, 'schedule.training': 20 }, metrics: { firstCoefficient: 0.2, goalRetained: 0.9 }, solver: 'grid', ties: [3] },
  { params: { discount: 1, 'schedule.training': 10 }, metrics: { firstCoefficient: 0.3, goalRetained: 0.8 }, solver: 'grid', ties: [] },
];

describe('parseSweepLines()', () => {
  it('flattens nested objects and keeps the keys that are numbers (or null) everywhere', () => {
    const table = parseSweepLines(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(table.numericKeys).toEqual(['params.discount', 'params.schedule.training', 'metrics.firstCoefficient', 'metrics.goalRetained']);
    expect(table.rows[0]).toEqual({ 'params.discount': 0.5, 'params.schedule.training': 10, 'metrics.firstCoefficient': 0.1, 'metrics.goalRetained': null });
    expect(table.skippedLines).toEqual([]);
  });

  it('skips and reports lines that are not JSON objects', () => {
    const table = parseSweepLines(`${JSON.stringify(lines[0])}\nnot json\n[1, 2]\n\r\n${JSON.stringify(lines[1])}`);
    expect(table.rows).toHaveLength(2);
    expect(table.skippedLines).toEqual([2, 3]);
  });

  it('drops a key that is text in some line', () => {
    const table = parseSweepLines('{"a": 1, "b": 2}\n{"a": "x", "b": 3}');
    expect(table.numericKeys).toEqual(['b']);
  });
});

describe('flatten()', () => {
  it('joins nested keys with dots', () => {
    expect(flatten({ a: { b: { c: 1 } }, d: [1], e: null })).toEqual({ 'a.b.c': 1, d: [1], e: null });
  });
});

describe('defaultAxes()', () => {
  it('puts the first swept parameter on y and the second on x, as mesalab sweep does, and colours by a₀', () => {
    const table = parseSweepLines(lines.map((l, id) => JSON.stringify({ id, ...l })).join('\n'));
    expect(defaultAxes(table)).toEqual({ x: 'params.schedule.training', y: 'params.discount', value: 'metrics.firstCoefficient' });
  });

  it('takes the first varying keys, never the id, from files of another shape', () => {
    const table = parseSweepLines(['{"id": 0, "a": 1, "b": 1, "c": 5}', '{"id": 1, "a": 2, "b": 1, "c": 6}', '{"id": 2, "a": 2, "b": 3, "c": 7}'].join('\n'));
    expect(defaultAxes(table)).toEqual({ x: 'b', y: 'a', value: 'c' });
  });
});

describe('cellMeans()', () => {
  it('averages the rows that share a cell and counts them', () => {
    const rows = [
      { x: 1, y: 1, v: 1, other: 0 },
      { x: 1, y: 1, v: 3, other: 1 },
      { x: 2, y: 1, v: null, other: 0 },
    ];
    const { cells, maxPerCell } = cellMeans(rows, 'x', 'y', 'v');
    expect(cells).toEqual([{ x: 1, y: 1, value: 2, row: 0 }, { x: 2, y: 1, value: null, row: 2 }]);
    expect(maxPerCell).toBe(2);
  });
});

describe('pointParams()', () => {
  it('gives the swept config paths of a results row', () => {
    expect(pointParams({ id: 3, 'params.schedule.training': 20, 'params.discount': 0.9, 'metrics.firstCoefficient': 0.03 })).toEqual({ 'schedule.training': 20, discount: 0.9 });
  });
});

describe('chooseAxes()', () => {
  const table = parseSweepLines(lines.map((l) => JSON.stringify(l)).join('\n'));

  it('takes the preferred keys the file has, and the defaults for the rest', () => {
    expect(chooseAxes(table, { value: 'metrics.goalRetained', x: 'params.nonexistent' })).toEqual({ ...defaultAxes(table), value: 'metrics.goalRetained' });
    expect(chooseAxes(table, {})).toEqual(defaultAxes(table));
  });
});
