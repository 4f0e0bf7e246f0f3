import { describe, expect, it } from 'vitest';
import { parseScenarioConfig, type ScenarioConfig } from '../../src/model/config.ts';
import { scenarioConfigSchema } from '../../src/model/config.ts';
import { SEED_FAMILY_SCENARIOS } from '../../src/scenarios/registry.ts';
import { SOLVER_NAMES } from '../../src/solvers/registry.ts';
import { describeFields } from '../../web/src/fields.ts';
import { controlForError, runLengthSpec, settingFromConfig, settingToConfig, withMode, type Setting } from '../../web/src/setting.ts';

const fields = describeFields();
const seed1Setting = () => settingFromConfig('seed-1', 0, SEED_FAMILY_SCENARIOS[0].configs[0], fields);
const edited = (s: Setting, values: Record<string, string>): Setting => ({ ...s, values: { ...s.values, ...values } });

describe('describeFields()', () => {
  it('has a control for every property of the config schema but its name and description', () => {
    const keys = fields.map((f) => f.key);
    for (const key of Object.keys(scenarioConfigSchema.shape)) {
      if (key === 'name' || key === 'description') expect(keys).not.toContain(key);
      else expect(keys).toContain(key);
    }
    expect(keys).toEqual(expect.arrayContaining(['schedule.training', 'schedule.deployment', 'schedule.learningRate']));
  });

  it('takes each control\'s kind from the schema', () => {
    const kind = (key: string) => fields.find((f) => f.key === key);
    expect(kind('schedule.training')?.kind).toBe('integer');
    expect(kind('theta0')?.kind).toBe('number');
    expect(kind('solver')).toMatchObject({ kind: 'choice', choices: SOLVER_NAMES });
    expect(kind('prior')?.kind).toBe('value');
    expect(kind('schedule.learningRate')?.defaultValue).toBe(1);
  });
});

describe('settingFromConfig() and settingToConfig()', () => {
  it('give back every built-in config (same scenario after parseScenarioConfig)', () => {
    for (const builtIn of SEED_FAMILY_SCENARIOS) {
      builtIn.configs.forEach((config, variant) => {
        const setting = settingFromConfig(builtIn.name, variant, config, fields);
        const { config: back, issues } = settingToConfig(setting, fields, config.name ?? builtIn.name);
        expect(issues).toEqual([]);
        // The description is the built-in's text, not a control: results carry it empty.
        expect(parseScenarioConfig(back)).toEqual({ ...parseScenarioConfig(config), description: '' });
      });
    }
  });

  it('fill the library\'s defaults into controls the config leaves out', () => {
    const setting = seed1Setting();
    expect(setting.mode).toBe('phases');
    expect(setting.values).toMatchObject({ 'schedule.training': '20', 'schedule.deployment': '80', discount: '1', regularizer: '0', solver: 'grid', prior: '' });
  });

  it('pass on config fields that have no control, for the library to judge', () => {
    const config = { schedule: '1x3', parameters: { theta: { initial: 1, prior: [-1, 1] } } } as unknown as ScenarioConfig;
    const setting = settingFromConfig('game', 0, config, fields);
    expect(setting.extra).toEqual({ parameters: { theta: { initial: 1, prior: [-1, 1] } } });
    const { config: back } = settingToConfig(setting, fields, 'game');
    expect(back).toMatchObject({ schedule: '1x3', parameters: { theta: { initial: 1, prior: [-1, 1] } } });
    expect(() => parseScenarioConfig(back)).toThrow(/parameters/);
  });

  it('show a list schedule as a spec', () => {
    const config: ScenarioConfig = { schedule: [1, 1, 0.5, 0, 0] };
    const setting = settingFromConfig('custom', 0, config, fields);
    expect(setting.mode).toBe('spec');
    expect(setting.values.schedule).toBe('1x2,0.5,0x2');
    expect(setting.values['schedule.training']).toBe('3');
  });

  it('report text that is not a value at the field, and leave range checks to the schema', () => {
    const setting = edited(seed1Setting(), { discount: 'abc', 'schedule.training': '1.5', prior: '{min: -1,', theta0: '2' });
    const { config, issues } = settingToConfig(setting, fields, 'x');
    expect(issues.map((i) => i.field).sort()).toEqual(['discount', 'prior', 'schedule.training']);
    expect(issues.find((i) => i.field === 'discount')?.message).toBe('expected a number, got "abc"');
    expect(config.theta0).toBe(2);
  });

  it('read YAML for list and object fields, and leave empty controls out', () => {
    const setting = edited(seed1Setting(), { prior: '{min: -1, max: 1, count: 5}', coefficientGrid: '[-1, 0, 1]', plotWindow: '' });
    const { config } = settingToConfig(setting, fields, 'x');
    expect(config.prior).toEqual({ min: -1, max: 1, count: 5 });
    expect(config.coefficientGrid).toEqual([-1, 0, 1]);
    expect('plotWindow' in config).toBe(false);
  });
});

describe('withMode()', () => {
  it('writes the phases out as a spec, and keeps the phases when going back', () => {
    const spec = withMode(edited(seed1Setting(), { 'schedule.training': '30', 'schedule.deployment': '0' }), 'spec');
    expect(spec.values.schedule).toBe('1x30');
    const { config } = settingToConfig(spec, fields, 'x');
    expect(config.schedule).toBe('1x30');
    expect(withMode(spec, 'phases').values['schedule.training']).toBe('30');
  });
});

describe('controlForError()', () => {
  const keys = ['schedule', 'schedule.training', 'prior', 'discount'];
  it('finds the control of a config path, cutting at ., [ and spaces', () => {
    expect(controlForError('schedule.training', keys)).toBe('schedule.training');
    expect(controlForError('prior[2]', keys)).toBe('prior');
    expect(controlForError('prior.min', keys)).toBe('prior');
    expect(controlForError('schedule item 2 ("0 x q")', keys)).toBe('schedule');
    expect(controlForError('schedule[3] (learning rate)', keys)).toBe('schedule');
    expect(controlForError('config', keys)).toBeNull();
  });
});

describe('runLengthSpec()', () => {
  it('is the shortest spec of a schedule', () => {
    expect(runLengthSpec([1, 1, 0])).toBe('1x2,0');
    expect(runLengthSpec([])).toBe('');
    expect(runLengthSpec(new Float64Array([0.5]))).toBe('0.5');
  });
});
