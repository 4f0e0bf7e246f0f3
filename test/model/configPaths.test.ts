import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSetting, withOverrides, withSettings, type JsonObject } from '../../src/model/configPaths.ts';

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

describe('withOverrides(base, paths, values)', () => {
  // The plain meaning, written without sharing: clone everything, then write each value.
  function clonedOverrides(base: JsonObject, paths: readonly string[], values: readonly unknown[]): JsonObject {
    const config = structuredClone(base);
    paths.forEach((path, i) => {
      const segments = path.split('.');
      let node = config;
      for (const segment of segments.slice(0, -1)) {
        const child = node[segment];
        if (typeof child !== 'object' || child === null || Array.isArray(child)) node[segment] = {};
        node = node[segment] as JsonObject;
      }
      node[segments[segments.length - 1]] = values[i];
    });
    return config;
  }
  const key = fc.constantFrom('a', 'b', 'c');
  const tree: fc.Arbitrary<JsonObject> = fc.letrec((tie) => ({
    node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), tie('node')), { maxKeys: 3 }),
  })).node as fc.Arbitrary<JsonObject>;
  const paths = fc.array(fc.array(key, { minLength: 1, maxLength: 3 }).map((s) => s.join('.')), { maxLength: 4 });

  it('equals cloning the base and writing each value, and leaves the base as it was', () => {
    fc.assert(
      fc.property(tree, paths, (base, ps) => {
        const values = ps.map((_, i) => i);
        const before = structuredClone(base);
        expect(withOverrides(base, ps, values)).toEqual(clonedOverrides(base, ps, values));
        expect(base).toEqual(before);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('copies only the maps along the paths and shares the rest with the base', () => {
    const base = { schedule: { training: 20, deployment: 80 }, prior: { min: -1, max: 1, count: 11 } };
    const config = withOverrides(base, ['schedule.training', 'schedule.deployment'], [5, 6]);
    expect(config).toEqual({ schedule: { training: 5, deployment: 6 }, prior: base.prior });
    expect(config.prior).toBe(base.prior);
    expect(config.schedule).not.toBe(base.schedule);
    expect(base.schedule).toEqual({ training: 20, deployment: 80 });
  });
});
