import { describe, expect, it } from 'vitest';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { linearScenario } from '../../src/model/scenario.ts';

describe('parseScenarioConfig', () => {
  it('accepts a schedule as spec, list or training/deployment object, with the seed defaults', () => {
    const fromObject = parseScenarioConfig({ schedule: { training: 2, deployment: 1 } }).scenario;
    expect(Array.from(fromObject.schedule)).toEqual([1, 1, 0]);
    expect(Array.from(parseScenarioConfig({ schedule: '1x2,0' }).scenario.schedule)).toEqual([1, 1, 0]);
    expect(Array.from(parseScenarioConfig({ schedule: [1, 1, 0] }).scenario.schedule)).toEqual([1, 1, 0]);
    expect(fromObject.theta0).toBe(0.8);
    expect(fromObject.discount).toBe(1);
    expect(fromObject.regularizer).toBe(0);
    expect(fromObject.prior.length).toBe(11);
    expect(fromObject.coefficientGrid.length).toBe(401);
  });

  it('builds evenly spaced priors and grids from {min, max, count}', () => {
    const s = parseScenarioConfig({ schedule: '1', prior: { min: -1, max: 1, count: 5 }, coefficientGrid: { min: 0, max: 1, count: 3 } });
    expect(Array.from(s.scenario.prior)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Array.from(s.scenario.coefficientGrid)).toEqual([0, 0.5, 1]);
  });

  it.each([
    [{ schedule: '1', discount: 1.5 }, 'discount', /between 0 and 1, got 1.5/],
    [{ schedule: '1', regularizer: -1 }, 'regularizer', /at least 0/],
    [{ schedule: 5 }, 'schedule', /expected a spec/],
    [{ schedule: { training: -1 } }, 'schedule.training', />=0/],
    [{ schedule: '1', theta0: 'x' }, 'theta0', /number/],
    [{ schedule: '1', prior: [0, 0] }, 'prior', /nonzero/],
    [{ schedule: '1', coefficientGrid: [1, 0] }, 'coefficientGrid', /strictly increasing/],
    [{ schedule: '1', colour: 'red' }, 'config', /colour/],
    [{ schedule: { training: 0, deployment: 0 } }, 'schedule', /empty/],
  ])('rejects %j naming the field', (input, field, message) => {
    try {
      parseScenarioConfig(input);
      expect.fail('expected an error');
    } catch (error) {
      expect((error as { field?: string }).field).toBe(field);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('linearScenario rejects NaN and infinite inputs', () => {
    expect(() => linearScenario({ schedule: [1, NaN] })).toThrow(/schedule\[1\] \(learning rate\): must be a finite number/);
    expect(() => linearScenario({ schedule: [1], theta0: Infinity })).toThrow(/theta0/);
  });
});
