import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.ts';
import { MAX_EPISODES, parseScheduleSpec } from '../../src/model/schedule.ts';

describe('parseScheduleSpec', () => {
  it('expands "value x count" runs and plain values in order', () => {
    expect(Array.from(parseScheduleSpec('1x2,0.5,0x3'))).toEqual([1, 1, 0.5, 0, 0, 0]);
    expect(Array.from(parseScheduleSpec('1e-2 x 2, 2'))).toEqual([0.01, 0.01, 2]);
    expect(parseScheduleSpec('1x20,0x80').length).toBe(100);
  });

  it('round-trips any list of rates written as a comma list', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }), (rates) => {
        expect(Array.from(parseScheduleSpec(rates.map(String).join(',')))).toEqual(rates.map((r) => r + 0));
      }),
    );
  });

  it.each([
    ['', /schedule: is empty/],
    ['1x', /expected a learning rate/],
    ['abc', /expected a number, got "abc"/],
    ['1x2.5', /count must be a whole number/],
    ['-1x3', /learning rate\): must be at least 0, got -1/],
    ['1,,2', /item 2/],
    ['1e999', /must be finite/],
    ['NaN', /expected a number/],
    [`1x${MAX_EPISODES + 1}`, /more than 20000000 episodes/],
  ])('rejects %j with a message naming the field', (spec, message) => {
    expect(() => parseScheduleSpec(spec)).toThrow(InputError);
    expect(() => parseScheduleSpec(spec)).toThrow(message);
  });
});
