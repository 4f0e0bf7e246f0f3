import { describe, expect, it } from 'vitest';
import { InputError, parseAnyConfig, runConfigs } from '../../src/index.ts';
import { ownMessage, plainMessage, solverRefusal } from '../../web/src/messages.ts';
import { readNumber, readWholeNumber } from '../../web/src/numberText.ts';

/** The library's message for a config, as the worker reports it. */
function libraryMessage(config: unknown): string {
  try {
    parseAnyConfig(config);
    runConfigs([{ config, defaultName: 'x' }]);
  } catch (error) {
    if (error instanceof InputError) return ownMessage(error);
    throw error;
  }
  throw new Error('the config ran');
}

const base = { schedule: '1x20,0x80' };

describe('plainMessage()', () => {
  it('says the validator\'s phrases plainly', () => {
    expect(plainMessage('Invalid input: expected number, received undefined')).toBe('needs a value: a number');
    expect(plainMessage('Invalid input: expected record, received string')).toBe('must be a map such as {name: value}, not text');
    expect(plainMessage('Too small: expected number to be >=0')).toBe('must be at least 0');
    expect(plainMessage('Too small: expected number to be >0')).toBe('must be more than 0');
    expect(plainMessage('Too big: expected number to be <=64')).toBe('must be at most 64');
    expect(plainMessage('Too small: expected array to have >=1 items')).toBe('needs at least 1 entry');
    expect(plainMessage('is missing (expected number)')).toBe('needs a value: a number');
    expect(plainMessage('must be between 0 and 1, got 1.5')).toBe('must be between 0 and 1, got 1.5');
  });

  it('leaves no validator phrase in the library\'s messages for the page\'s usual mistakes', () => {
    const configs = [
      { ...base, parameters: 'abc' },
      { ...base, plotWindow: 0 },
      { ...base, update: { type: 'reinforce', sigma: 0 } },
      { ...base, update: { type: 'gradient-all' } },
      { ...base, policy: { type: 'mlp', hidden: [100] } },
      { ...base, policy: { type: 'discrete' } },
    ];
    for (const config of configs) expect(plainMessage(libraryMessage(config)), JSON.stringify(config)).not.toMatch(/Invalid input|Too (small|big)|received|expected \w+ to/);
  });
});

describe('solverRefusal()', () => {
  it('turns every solver\'s refusal into its distinct reasons, the commonest first', () => {
    const message = libraryMessage({ ...base, mesaCost: '(y - goal)^4' });
    expect(message).toMatch(/^no solver supports this game/);
    const plain = solverRefusal(message) ?? '';
    expect(plain).toMatch(/^no solver can play this scenario: the mesa cost is not a homogeneous quadratic in y and goal \(exact, lq\)/);
    expect(plain.length).toBeLessThan(message.length);
  });
});

describe('readNumber() and readWholeNumber()', () => {
  it('read what people type', () => {
    for (const [text, value] of [['1e7', 1e7], ['10000', 1e4], ['10 000', 1e4], ['10,000', 1e4], ['1_000', 1e3], ['.5', 0.5], ['−0.8', -0.8], ['1E-3', 1e-3]] as const) {
      expect(readNumber(text), text).toEqual({ ok: true, value });
    }
  });

  it('refuse what they cannot mean, saying how to write it', () => {
    expect(readNumber('0,5')).toEqual({ ok: false, reason: 'is not a number; for a decimal write 0.5' });
    expect(readNumber('1/3')).toEqual({ ok: false, reason: 'is not a number; write a decimal such as 0.25, not a fraction' });
    expect(readNumber('5%')).toEqual({ ok: false, reason: 'is not a number; write 0.05 for 5%' });
    expect(readNumber('10^7')).toEqual({ ok: false, reason: 'is not a number; write 1e7 for 10^7' });
    expect(readNumber('NaN').ok).toBe(false);
    expect(readNumber('Infinity')).toEqual({ ok: false, reason: 'must be a finite number' });
    expect(readNumber('1e999')).toEqual({ ok: false, reason: 'is too large to compute with (1e999)' });
    expect(readNumber('1 2').ok).toBe(false);
    expect(readWholeNumber('2.5')).toEqual({ ok: false, reason: 'must be a whole number, not 2.5' });
    expect(readWholeNumber('1e3')).toEqual({ ok: true, value: 1000 });
  });
});
