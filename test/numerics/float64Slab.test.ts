import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFloat64Array, ownsBuffer } from '../../src/numerics/float64Slab.ts';

describe('newFloat64Array', () => {
  it('gives zeroed arrays of the asked length that never overlap, whatever was written before', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }), (lengths) => {
        const arrays = lengths.map((length) => {
          const array = newFloat64Array(length);
          expect(array.length).toBe(length);
          expect(array.every((x) => x === 0)).toBe(true);
          array.fill(length + 1); // dirty it: a later array must still start at 0
          return array;
        });
        arrays.forEach((array, i) => expect(array.every((x) => x === lengths[i] + 1)).toBe(true));
      }),
    );
  });

  it('shares buffers only for short arrays; a long one owns its buffer', () => {
    expect(ownsBuffer(newFloat64Array(100))).toBe(false);
    expect(ownsBuffer(newFloat64Array(513))).toBe(true);
    expect(ownsBuffer(new Float64Array(100))).toBe(true);
  });

  it('recovers when its current buffer is transferred away (detached)', () => {
    const shared = newFloat64Array(10);
    structuredClone(shared.buffer, { transfer: [shared.buffer] });
    const next = newFloat64Array(10);
    expect(next.length).toBe(10);
    expect(next.buffer).not.toBe(shared.buffer);
  });
});
