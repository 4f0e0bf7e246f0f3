import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSetting, withSettings } from '../../src/model/configPaths.ts';

const yamlValue = (text: string) => parse(text) as unknown;

describe('parseSetting', () => {
  it('reads PATH=VALUE with the value as YAML', () => {
    expect(parseSetting('update.steps=10', '--set', yamlValue)).toEqual({ path: 'update.steps', value: 10 });
    expect(parseSetting('schedule=1x20,0x80', '--set', yamlValue)).toEqual({ path: 'schedule', value: '1x20,0x80' });
    expect(parseSetting('update={type: gradient-all, steps: 5}', '--set', yamlValue)).toEqual({ path: 'update', value: { type: 'gradient-all', steps: 5 } });
  });
  it('refuses text that is not PATH=VALUE, naming --set', () => {
    expect(() => parseSetting('discount', '--set', yamlValue)).toThrow(/--set: "discount" is not PATH=VALUE/);
    expect(() => parseSetting('a..b=1', '--set', yamlValue)).toThrow(/--set: "a..b" is not a dotted path/);
  });
});

describe('withSettings', () => {
  it('writes each value at its path and leaves the input untouched', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 100 }), (discount, steps) => {
        const base = { schedule: '1x3', update: { type: 'gradient-all', steps: 1 } };
        const out = withSettings(base, [
          { path: 'discount', value: discount },
          { path: 'update.steps', value: steps },
        ]) as Record<string, unknown>;
        expect(out).toEqual({ schedule: '1x3', discount, update: { type: 'gradient-all', steps } });
        expect(base.update.steps).toBe(1);
      }),
    );
  });
  it('refuses a path through a field that is not a map', () => {
    expect(() => withSettings({ schedule: '1x3' }, [{ path: 'schedule.training', value: 3 }])).toThrow(/--set: the scenario's schedule is "1x3", not a map/);
  });
});
