// The built package (dist/, through package.json's `exports`) against the sources it is built from.
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/built.ts';
import * as source from '../../src/index.ts';
import * as sourceSweep from '../../src/sweep/index.ts';
import * as sourceReport from '../../src/report/index.ts';

assertBuilt();

const entries = [
  ['mesalab', source],
  ['mesalab/sweep', sourceSweep],
  ['mesalab/report', sourceReport],
] as const;

describe('the built package', () => {
  it.each(entries)('`%s` exports the same names as its source entry', async (name, sourceModule) => {
    const built = (await import(name)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(Object.keys(sourceModule).sort());
  });

  it('`mesalab` solves both seed experiments to the same coefficients as the sources', async () => {
    const built = (await import('mesalab')) as unknown as typeof source;
    for (const spec of ['1x20,0x80', '1x100']) {
      const fromDist = built.solveGrid(built.linearScenario({ schedule: spec })).coefficients;
      const fromSource = source.solveGrid(source.linearScenario({ schedule: spec })).coefficients;
      expect(Array.from(fromDist)).toEqual(Array.from(fromSource));
    }
  });
});
