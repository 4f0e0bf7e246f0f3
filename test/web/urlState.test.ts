import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../src/index.ts';
import { describeFields } from '../../web/src/fields.ts';
import { Scenarios } from '../../web/src/scenarios.ts';
import { stateFromQuery, stateToQuery, type ExplorerState } from '../../web/src/urlState.ts';

const scenarios = new Scenarios(BUILT_IN_SCENARIOS, describeFields());
const seed1 = scenarios.setting('seed-1', 0);

describe('stateToQuery() and stateFromQuery()', () => {
  it('round-trip a comparison of two edited settings', () => {
    const state: ExplorerState = {
      a: { ...seed1, values: { ...seed1.values, 'schedule.training': '40', prior: '' } },
      b: { ...scenarios.setting('seed', 1), mode: 'spec', values: { ...scenarios.setting('seed', 1).values, schedule: '1x10,0x5', discount: '0.9' } },
      editing: 'b',
      view: 'sweep',
      sweep: { x: 'params.discount', y: 'params.schedule.training', value: 'metrics.goalRetained' },
    };
    const query = stateToQuery(state, scenarios.defaults);
    expect(stateFromQuery(query, scenarios.defaults, scenarios.first)).toEqual(state);
  });

  it('round-trip a game built-in with its update rule switched', () => {
    const online = scenarios.setting('online-all-data', 1);
    expect(online.values['update.type']).toBe('gradient-all');
    const state: ExplorerState = {
      a: { ...online, values: { ...online.values, 'update.steps': '3' } },
      b: { ...seed1, values: { ...seed1.values, 'update.type': 'reinforce', 'update.sigma': '0.25' } },
      editing: 'a',
      view: 'trajectory',
      sweep: {},
    };
    const query = stateToQuery(state, scenarios.defaults);
    expect(new URLSearchParams(query).get('b.update.type')).toBe('reinforce');
    expect(stateFromQuery(query, scenarios.defaults, scenarios.first)).toEqual(state);
  });

  it('write only the controls of the schedule mode in use', () => {
    const query = new URLSearchParams(stateToQuery({ a: seed1, b: null, editing: 'a', view: 'trajectory', sweep: {} }, scenarios.defaults));
    expect(query.get('schedule.training')).toBe('20');
    expect(query.has('schedule')).toBe(false);
    expect(query.has('b.scenario')).toBe(false);
  });

  it('take missing controls from the scenario, and ignore unknown keys', () => {
    const state = stateFromQuery('scenario=seed-2&theta0=0.5&nonsense=1', scenarios.defaults, scenarios.first);
    expect(state.a.scenario).toBe('seed-2');
    expect(state.a.values).toEqual({ ...scenarios.setting('seed-2', 0).values, theta0: '0.5' });
    expect(state.b).toBeNull();
  });

  it('fall back to the first scenario for an unknown one', () => {
    const state = stateFromQuery('scenario=no-such-thing', scenarios.defaults, scenarios.first);
    expect(state.a.scenario).toBe(scenarios.first);
    expect(stateFromQuery('', scenarios.defaults, scenarios.first).a).toEqual(scenarios.setting(scenarios.first, 0));
  });
});

describe('Scenarios.configName()', () => {
  it('is the config\'s name until a control differs from it', () => {
    expect(scenarios.configName(seed1)).toBe('seed-1');
    expect(scenarios.configName({ ...seed1, values: { ...seed1.values, theta0: '0.5' } })).toBe('seed-1 (modified)');
    expect(scenarios.configName(scenarios.setting('seed', 1))).toBe('seed-2');
  });
});
