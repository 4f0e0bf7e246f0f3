import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonDocument } from '../../src/report/jsonChunks.ts';
import { trajectoryCsvChunks, trajectoryToCsv } from '../../src/report/trajectoryCsv.ts';
import { seedAsGameTrajectory } from '../../src/rollout/gameTrajectory.ts';
import { emptyTrajectory } from '../../src/rollout/trajectory.ts';

describe('jsonChunks(value, indent)', () => {
  it('joins to exactly JSON.stringify(value, null, indent) on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect([...jsonChunks(value, indent)].join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('writes typed arrays as arrays and long numeric arrays in blocks, non-finite as null like JSON.stringify', () => {
    const column = Float64Array.from({ length: 100_000 }, (_, i) => i / 7);
    const value = { a: column, b: [1, NaN, Infinity, -0], c: undefined };
    const pieces = [...jsonChunks(value, 2)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(JSON.stringify({ a: Array.from(column), b: [1, null, null, 0] }, null, 2));
    expect([...jsonDocument(value)].join('')).toBe(JSON.stringify({ a: Array.from(column), b: [1, null, null, 0] }) + '\n');
  });
});

describe('trajectoryCsvChunks(t)', () => {
  it('joins to the same text as before streaming, across piece boundaries', () => {
    const n = 20_000;
    const t = emptyTrajectory(new Float64Array(n).fill(0.5), Float64Array.from({ length: n }, (_, i) => i / n));
    t.theta.fill(0.25);
    const table = seedAsGameTrajectory(t, 'theta', 'coefficient');
    const pieces = [...trajectoryCsvChunks(table)];
    expect(pieces.length).toBe(3);
    const text = pieces.join('');
    expect(text).toBe(trajectoryToCsv(table));
    expect(text.slice(0, text.indexOf('\n'))).toBe('episode,theta,coefficient,learningRate,output,baseLoss,mesaLoss');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(n + 2);
    expect(lines[1]).toBe('0,0.25,0,0.5,0,0,0');
    expect(lines[n + 1]).toBe(`${n},0.25,,,,,`);
  });
});
