/**
 * docs/sweeps.md quotes numbers from the built-in sweeps and error messages of the sweep file
 * checks: recompute the quoted points (a few solves, not the whole sweeps) and the messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePoint } from '../../src/sweep/evaluate.ts';
import { loadSweep } from '../../src/sweep/load.ts';
import { pointValues } from '../../src/sweep/points.ts';
import { compileSweep, type Sweep } from '../../src/sweep/sweep.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const page = readFileSync(root('docs/sweeps.md'), 'utf8');

/** The metrics of the point whose parameters are `values` (in axis order). */
function at(sweep: Sweep, ...values: number[]): Record<string, number | null> {
  for (let id = 0; id < sweep.points; id++) {
    if (JSON.stringify(pointValues(sweep.axes, id)) === JSON.stringify(values)) return evaluatePoint(sweep, id).metrics!;
  }
  throw new Error(`no point ${values.join(', ')} in ${sweep.name}`);
}

const round = (x: number | null, digits: number) => Number(x!.toFixed(digits));

describe('docs/sweeps.md', () => {
  it('shows each built-in sweep\'s figures with the command that regenerates them', () => {
    for (const name of ['training-x-deployment', 'learning-rate-x-training']) {
      expect(page).toContain(`npx mesalab sweep ${name} --out docs/sweeps/${name} --plot --overwrite`);
      for (const metric of ['firstCoefficient', 'goalRetained']) {
        expect(page).toContain(`(sweeps/${name}/${metric}.png)`);
        expect(existsSync(root(`docs/sweeps/${name}/${metric}.png`))).toBe(true);
      }
    }
  });

  it('quotes training-x-deployment correctly', () => {
    const sweep = loadSweep('training-x-deployment');
    expect(round(at(sweep, 1, 10).firstCoefficient, 2)).toBe(0.21);
    expect(round(at(sweep, 20, 80).firstCoefficient, 2)).toBe(0.03);
    expect(round(at(sweep, 20, 80).goalRetained, 3)).toBe(0.905);
    expect(round(at(sweep, 100, 0).firstCoefficient, 2)).toBe(0.05);
    expect(round(at(sweep, 100, 0).goalRetained, 3)).toBe(-0.103);
    expect(at(sweep, 1, 0)).toMatchObject({ firstCoefficient: 1, goalRetained: -1 });
    expect(round(at(sweep, 100, 10).goalRetained, 3)).toBe(0.475);
    expect(round(at(sweep, 100, 400).goalRetained, 3)).toBe(0.946);
    // Where a₀ first reaches 0.01 along three rows, and that T = 30 never does.
    for (const [training, deployment] of [[100, 130], [60, 200], [40, 310]]) {
      expect(round(at(sweep, training, deployment).firstCoefficient, 2)).toBe(0.01);
      expect(round(at(sweep, training, deployment - 10).firstCoefficient, 2)).toBeGreaterThan(0.01);
    }
    expect(round(at(sweep, 30, 400).firstCoefficient, 2)).toBeGreaterThan(0.01);
    expect(page).toContain(JSON.stringify(evaluatePoint(sweep, 5)));
  });

  it('quotes learning-rate-x-training correctly', () => {
    const sweep = loadSweep('learning-rate-x-training');
    const table: [number, number[], number[]][] = [
      [0.01, [0.93, 0.57, 0.35], [0.983, 0.82, 0.614]],
      [0.1, [0.42, 0.13, 0.08], [0.965, 0.843, 0.724]],
      [1, [0.1, 0.03, 0.02], [0.98, 0.919, 0.854]],
    ];
    for (const [rate, coefficients, retained] of table) {
      [1, 20, 100].forEach((training, i) => {
        expect(round(at(sweep, rate, training).firstCoefficient, 2)).toBe(coefficients[i]);
        expect(round(at(sweep, rate, training).goalRetained, 3)).toBe(retained[i]);
      });
    }
    const rates = sweep.axes[0].values as number[];
    expect(rates[6]).toBeCloseTo(0.02, 3);
    expect(round(at(sweep, rates[6], 20).goalRetained, 3)).toBe(0.806);
  });

  it('quotes the error messages as the checks write them', () => {
    const base = { base: { schedule: { training: 20, deployment: 80 } }, sweep: { discount: [1] } };
    const message = (input: object) => {
      try {
        compileSweep(input);
      } catch (error) {
        return `mesalab: ${(error as Error).message}`;
      }
      throw new Error('accepted');
    };
    expect(page).toContain(message({ ...base, sweep: { discount: [0.5, 1.5] } }));
    expect(page).toContain(message({ ...base, metrics: ['firstCoefficient', 'gaolRetained'] }).split('goalRetained, ')[0]);
    expect(page).toContain(message({ base: { schedule: '1x20,0x80' }, sweep: { 'schedule.training': [1] } }));
  });
});
