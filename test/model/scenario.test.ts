import { describe, expect, it } from 'vitest';
import { defaultCoefficientGrid, defaultPrior, linearScenario } from '../../src/model/scenario.ts';
import { checkSchedule, parseScheduleSpec, trainThenDeploy } from '../../src/model/schedule.ts';
import { solveExact } from '../../src/solvers/exact/exact.ts';
import { solveGrid } from '../../src/solvers/grid/grid.ts';
import { solveReference } from '../../src/solvers/reference/reference.ts';

describe('linearScenario', () => {
  it('shares one default prior and grid, equal to the documented linspaces', () => {
    const a = linearScenario({ schedule: '1x3' });
    const b = linearScenario({ schedule: '1x2,0x2', discount: 0.5 });
    expect(a.prior).toBe(b.prior);
    expect(a.coefficientGrid).toBe(b.coefficientGrid);
    expect([...a.prior]).toEqual([...defaultPrior()]);
    expect([...a.coefficientGrid]).toEqual([...defaultCoefficientGrid()]);
  });

  it('solving leaves the shared defaults unchanged', () => {
    const scenario = linearScenario({ schedule: '1x5,0x5', discount: 0.9, regularizer: 0.1 });
    solveReference(scenario);
    solveGrid(scenario);
    solveGrid(scenario, { search: 'scan' });
    solveExact(scenario);
    expect([...scenario.prior]).toEqual([...defaultPrior()]);
    expect([...scenario.coefficientGrid]).toEqual([...defaultCoefficientGrid()]);
  });

  it("takes schedule.ts's validated schedules as they are and copies any other array", () => {
    for (const schedule of [trainThenDeploy(2, 3, 0.5), checkSchedule([1, 0]), parseScheduleSpec('1x2,0x1')]) {
      expect(linearScenario({ schedule }).schedule).toBe(schedule);
    }
    const raw = new Float64Array([1, 0, 0]);
    const scenario = linearScenario({ schedule: raw });
    expect(scenario.schedule).not.toBe(raw);
    expect([...scenario.schedule]).toEqual([1, 0, 0]);
    expect(() => linearScenario({ schedule: new Float64Array([1, -1]) })).toThrow('schedule[1] (learning rate)');
  });

  it('still checks a prior or grid it is given', () => {
    expect(() => linearScenario({ schedule: '1', coefficientGrid: [0, 0] })).toThrow('strictly increasing');
    expect(() => linearScenario({ schedule: '1', prior: [0] })).toThrow('nonzero');
    const grid = [-1, 0, 1];
    expect([...linearScenario({ schedule: '1', coefficientGrid: grid }).coefficientGrid]).toEqual(grid);
  });

  it('parseScheduleSpec and trainThenDeploy reject bad rates and lengths as before', () => {
    expect(() => parseScheduleSpec('1x2,-1x3')).toThrow('schedule[2] (learning rate)');
    expect(() => parseScheduleSpec('1x0')).toThrow('is empty');
    expect([...parseScheduleSpec('-1x0,2,0x2')]).toEqual([2, 0, 0]);
    expect(() => trainThenDeploy(0, 0)).toThrow('is empty');
    expect(() => trainThenDeploy(1, 0, Number.NaN)).toThrow('learning rate');
    expect([...trainThenDeploy(0, 2, Number.NaN)]).toEqual([0, 0]);
  });
});
