import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCENARIOS,
  gameConfigSchema,
  parseAnyConfig,
  parseGameConfig,
  parseScenarioConfig,
  SEED_FAMILY_SCENARIOS,
  SOLVER_NAMES,
  type GameConfig,
  type ScenarioConfig,
} from '../../src/index.ts';
import { describeFields } from '../../web/src/fields.ts';
import { controlForError, isFieldActive, runLengthSpec, settingFromConfig, settingToConfig, withMode, withVariantStart, type Setting } from '../../web/src/setting.ts';

const runsOnSeedPipeline = (config: unknown) => parseAnyConfig(config).kind === 'seed';

const fields = describeFields();
const seed1Setting = () => settingFromConfig('seed-1', 0, SEED_FAMILY_SCENARIOS[0].configs[0], fields);
const edited = (s: Setting, values: Record<string, string>): Setting => ({ ...s, values: { ...s.values, ...values } });

describe('describeFields()', () => {
  it('has a control for every property of the game config schema but its name and description', () => {
    const keys = fields.map((f) => f.key);
    for (const key of Object.keys(gameConfigSchema.shape)) {
      if (key === 'name' || key === 'description') expect(keys).not.toContain(key);
      // A union of variants is chosen by its type.
      else if (key === 'update' || key === 'policy') expect(keys).toContain(`${key}.type`);
      else expect(keys).toContain(key);
    }
    expect(keys).toEqual(expect.arrayContaining(['schedule.training', 'schedule.deployment', 'schedule.learningRate']));
  });

  it('turns the update rule into a choice of its type and the fields of each variant', () => {
    const byKey = (key: string) => fields.find((f) => f.key === key);
    expect(byKey('update.type')).toMatchObject({ kind: 'choice', choices: ['gradient', 'gradient-all', 'full', 'reinforce'], defaultValue: 'gradient' });
    expect(byKey('update.steps')).toMatchObject({ kind: 'integer', when: { key: 'update.type', values: ['gradient-all'] } });
    expect(byKey('update.sigma')).toMatchObject({ kind: 'number', when: { key: 'update.type', values: ['reinforce'] } });
    expect(byKey('update.baseline')).toMatchObject({ kind: 'choice', defaultValue: 'none', when: { values: ['reinforce'] } });
    expect(byKey('policy.inputs')?.when?.values).toEqual(['linear', 'discrete']);
  });

  it('takes each control\'s kind from the schema', () => {
    const kind = (key: string) => fields.find((f) => f.key === key);
    expect(kind('schedule.training')?.kind).toBe('integer');
    expect(kind('theta0')?.kind).toBe('number');
    expect(kind('solver')).toMatchObject({ kind: 'choice', choices: SOLVER_NAMES });
    expect(kind('baseObjective')?.kind).toBe('text');
    expect(kind('parameters')?.kind).toBe('value');
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
    expect(setting.values).toMatchObject({ 'schedule.training': '20', 'schedule.deployment': '80', discount: '1', regularizer: '0', solver: '', prior: '' });
  });

  it('give back every built-in config as the same game after parseGameConfig (a seed config is a game config too)', () => {
    const games = BUILT_IN_SCENARIOS.flatMap((s) => s.configs.map((config, variant) => ({ name: s.name, variant, config })));
    for (const { name, variant, config } of games) {
      const setting = settingFromConfig(name, variant, config, fields);
      const { config: back, issues } = settingToConfig(setting, fields, config.name ?? name);
      expect(issues).toEqual([]);
      expect(gameSummary(back)).toEqual(gameSummary(config));
    }
  });

  it('pass on config fields that have no control, for the library to judge', () => {
    const config = { schedule: '1x3', colour: 'blue' } as unknown as ScenarioConfig;
    const setting = settingFromConfig('custom', 0, config, fields);
    expect(setting.extra).toEqual({ colour: 'blue' });
    const { config: back } = settingToConfig(setting, fields, 'custom');
    expect(back).toMatchObject({ schedule: '1x3', colour: 'blue' });
    expect(() => parseScenarioConfig(back)).toThrow(/colour/);
  });

  it('show a list schedule as a spec', () => {
    const config: ScenarioConfig = { schedule: [1, 1, 0.5, 0, 0] };
    const setting = settingFromConfig('custom', 0, config, fields);
    expect(setting.mode).toBe('spec');
    expect(setting.values.schedule).toBe('1x2,0.5,0x2');
    expect(setting.values['schedule.training']).toBe('3');
  });

  it('report text that is not a value of its field at the field, in plain words', () => {
    const setting = edited(seed1Setting(), { discount: 'abc', 'schedule.training': '1.5', prior: '{min: -1,', theta0: '2' });
    const { config, issues } = settingToConfig(setting, fields, 'x');
    expect(issues.map((i) => i.field).sort()).toEqual(['discount', 'prior', 'schedule.training']);
    expect(issues.find((i) => i.field === 'discount')?.message).toBe('is not a number: "abc"');
    expect(issues.find((i) => i.field === 'schedule.training')?.message).toBe('must be a whole number, not 1.5');
    expect(issues.find((i) => i.field === 'prior')?.message).toMatch(/^cannot be read: write a list such as \[-1, 0, 1\]/);
    // Ranges the schema does not state are the library's to check.
    expect(config.theta0).toBe(2);
  });

  it('check the schema\'s ranges and shapes before the library, and name an empty required field', () => {
    const base = edited(seed1Setting(), { plotWindow: '0', 'schedule.training': '' });
    const issues = settingToConfig(base, fields, 'x').issues;
    expect(issues).toContainEqual({ field: 'plotWindow', message: 'must be at least 1, not 0' });
    expect(issues).toContainEqual({ field: 'schedule.training', message: 'is empty; it needs a whole number' });
    const sigma = edited(seed1Setting(), { 'update.type': 'reinforce', 'update.sigma': '0' });
    expect(settingToConfig(sigma, fields, 'x').issues).toEqual([{ field: 'update.sigma', message: 'must be more than 0, not 0' }]);
    const parameters = edited(seed1Setting(), { parameters: 'abc' });
    expect(settingToConfig(parameters, fields, 'x').issues).toEqual([{ field: 'parameters', message: 'must be a map in braces, e.g. {theta: {initial: 0.8, prior: [-1, 1]}}' }]);
  });

  it('take numbers as people type them: 1e7, 10 000 and 10,000', () => {
    for (const text of ['1e7', '10000000', '10 000 000', '10,000,000', '1_0000000']) {
      const { config, issues } = settingToConfig(edited(seed1Setting(), { 'schedule.deployment': text }), fields, 'x');
      expect(issues, text).toEqual([]);
      expect((config.schedule as { deployment: number }).deployment, text).toBe(1e7);
    }
  });

  it('read the learning-rate box, refusing a lone count-like rate', () => {
    const spec = (schedule: string) => settingToConfig({ ...seed1Setting(), mode: 'spec', values: { ...seed1Setting().values, schedule } }, fields, 'x');
    expect(spec('1x1e7').config.schedule).toBe('1x10000000');
    expect(spec('1 x 20, 0x80').config.schedule).toBe('1x20,0x80');
    expect(spec('1e7').issues[0].message).toBe('item 1 ("1e7") is one episode at learning rate ℓ = 10000000. For 10000000 episodes at ℓ = 1 write 1x1e7; for that learning rate write 1e7x1');
    expect(spec('1e7x1').config.schedule).toBe('10000000x1');
    expect(spec('0.5').config.schedule).toBe('0.5');
    expect(spec('1x2.5').issues[0].message).toBe('item 1 ("1x2.5"): the episode count must be a whole number, not 2.5');
    expect(spec('').issues[0].message).toMatch(/^is empty/);
  });

  it('read YAML for list and object fields, and leave empty controls out', () => {
    const setting = edited(seed1Setting(), { prior: '{min: -1, max: 1, count: 5}', coefficientGrid: '[-1, 0, 1]', plotWindow: '' });
    const { config } = settingToConfig(setting, fields, 'x');
    expect(config.prior).toEqual({ min: -1, max: 1, count: 5 });
    expect(config.coefficientGrid).toEqual([-1, 0, 1]);
    expect('plotWindow' in config).toBe(false);
  });
});

describe('switching the update rule', () => {
  it('leaves update out while it is the default, so seed-1 stays on the seed pipeline', () => {
    const { config } = settingToConfig(edited(seed1Setting(), { 'update.steps': '10' }), fields, 'x');
    expect('update' in config).toBe(false);
    expect(runsOnSeedPipeline(config)).toBe(true);
  });

  it('writes the chosen variant with only its own fields, and the config runs as a game', () => {
    const setting = edited(seed1Setting(), { 'update.type': 'reinforce', 'update.sigma': '0.5', 'update.steps': '10' });
    const { config, issues } = settingToConfig(setting, fields, 'x');
    expect(issues).toEqual([]);
    expect(config.update).toEqual({ type: 'reinforce', sigma: 0.5 });
    expect(runsOnSeedPipeline(config)).toBe(false);
    expect(parseGameConfig(config).game.update).toEqual({ type: 'reinforce', sigma: 0.5, baseline: 'none' });
  });

  it('shows a variant\'s fields only while that variant is chosen', () => {
    const steps = fields.find((f) => f.key === 'update.steps');
    if (!steps) throw new Error('no update.steps control');
    expect(isFieldActive(steps, seed1Setting())).toBe(false);
    expect(isFieldActive(steps, edited(seed1Setting(), { 'update.type': 'gradient-all' }))).toBe(true);
  });

  it('fills in a chosen variant\'s start values, so nothing is missing before anything is typed', () => {
    const cases = [
      ['update.type', 'gradient-all', { 'update.steps': '10' }],
      ['update.type', 'reinforce', { 'update.sigma': '0.5' }],
      ['policy.type', 'discrete', { 'policy.actions': '[0, 0.25, 0.5, 0.75, 1]' }],
      ['policy.type', 'mlp', { 'policy.hidden': '[16, 16]' }],
    ] as const;
    for (const [key, variant, filled] of cases) {
      const setting = withVariantStart(edited(seed1Setting(), { [key]: variant }), key, fields);
      expect(setting.values, variant).toMatchObject(filled);
      const { config, issues } = settingToConfig(setting, fields, 'x');
      expect(issues).toEqual([]);
      expect(() => parseGameConfig(config), variant).not.toThrow();
    }
    // A value already typed stays.
    const typed = withVariantStart(edited(seed1Setting(), { 'update.type': 'reinforce', 'update.sigma': '2' }), 'update.type', fields);
    expect(typed.values['update.sigma']).toBe('2');
  });

  it('leaves θ₀ and its prior out while Parameters is set, so the Parameters hint\'s example runs', () => {
    const hint = fields.find((f) => f.key === 'parameters')?.hint ?? '';
    const example = /e\.g\. (\{.*\}\})/.exec(hint)?.[1] ?? '';
    const { config, issues } = settingToConfig(edited(seed1Setting(), { parameters: example }), fields, 'x');
    expect(issues).toEqual([]);
    expect(config.theta0).toBeUndefined();
    expect(() => parseGameConfig(config)).not.toThrow();
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

/** A game config's parsed game as plain data (expressions by their text), for comparing two configs. */
function gameSummary(config: GameConfig): unknown {
  const { solver, plotWindow, game } = parseGameConfig(config);
  const { baseObjective, believedObjective, mesaCost, ...rest } = game;
  return { solver, plotWindow, ...rest, objectives: [baseObjective.source, believedObjective.source, mesaCost.source] };
}
