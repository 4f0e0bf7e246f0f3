import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointCount, pointKey, pointValues, type Axis } from '../../src/sweep/points.ts';

const axesArbitrary = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 })
  .map((sizes): Axis[] => sizes.map((size, a) => ({ path: `p${a}`, values: Array.from({ length: size }, (_, i) => a * 100 + i), log: false })));

describe('pointValues(axes, i) over i < pointCount(axes)', () => {
  it('has as many points as the product of the axis sizes', () => {
    fc.assert(fc.property(axesArbitrary, (axes) => pointCount(axes) === axes.reduce((n, a) => n * a.values.length, 1)));
  });

  it('visits every combination exactly once', () => {
    fc.assert(
      fc.property(axesArbitrary, (axes) => {
        const seen = new Set<string>();
        for (let i = 0; i < pointCount(axes); i++) seen.add(JSON.stringify(pointValues(axes, i)));
        const expected = axes.reduce<number[][]>((combos, axis) => combos.flatMap((c) => axis.values.map((v) => [...c, v as number])), [[]]);
        expect(seen.size).toBe(pointCount(axes));
        for (const combo of expected) expect(seen.has(JSON.stringify(combo))).toBe(true);
      }),
    );
  });

  it('is nested-loop order: the first axis varies slowest, the last fastest', () => {
    fc.assert(
      fc.property(axesArbitrary, (axes) => {
        const listed: string[] = [];
        const loop = (a: number, prefix: number[]) => {
          if (a === axes.length) return void listed.push(JSON.stringify(prefix));
          for (const v of axes[a].values) loop(a + 1, [...prefix, v as number]);
        };
        loop(0, []);
        expect(listed).toEqual(Array.from({ length: pointCount(axes) }, (_, i) => JSON.stringify(pointValues(axes, i))));
      }),
    );
  });
});

describe('pointKey(values)', () => {
  it('is stable and tells different points apart', () => {
    expect(pointKey([1, 0])).toBe(pointKey([1, 0]));
    expect(pointKey([1, 0])).toMatch(/^[0-9a-f]{16}$/);
    expect(pointKey([1, 0])).not.toBe(pointKey([0, 1]));
    expect(pointKey([1])).not.toBe(pointKey(['1']));
  });
});
