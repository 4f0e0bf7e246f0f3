import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../../src/model/gameConfig.ts';
import { agentCost, buildDpModel, DpScratch, emptyFuture, prependEpisode, type DpOptions } from '../../../src/solvers/dp/dpModel.ts';
import { CoarseTable } from '../../../src/solvers/dp/dpCoarseTable.ts';
import { coarseAxis, writeAction } from '../../../src/solvers/dp/dpSearch.ts';
import { beliefGame } from '../../helpers/games.ts';

const games: [string, object, DpOptions][] = [
  ['seed game, gradient', { schedule: '1x3', discount: 0.9 }, { points: 41 }],
  ['seed game, REINFORCE with the expected baseline, linear tables', { schedule: '1x3', update: { type: 'reinforce', sigma: 0.3, baseline: 'expected' } }, { points: 41, interpolation: 'linear' }],
  ['belief game (two components, a frozen copy)', beliefGame([0.5, 0.5, 0.5], 0.8), { points: 11, coarse: 9 }],
];

describe('CoarseTable.costs', () => {
  for (const [label, config, options] of games) {
    it(`equals agentCost exactly at every coarse action, empty and later futures (${label})`, () => {
      const game = parseGameConfig(config).game;
      const model = buildDpModel(game, options);
      const m = game.policy.type === 'linear' ? game.policy.inputs.length : 0;
      const axis = m === 1 ? model.actionAxis : coarseAxis(model.actionAxis, model.options.coarse);
      const scratch = new DpScratch(model);
      const table = CoarseTable.build(model, axis, m, 0.5, scratch);
      expect(table).not.toBeNull();
      const played = new Float64Array(m).fill(0.7);
      let future = emptyFuture(model);
      for (let step = 0; step < 3; step++) {
        const fast = new Float64Array(axis.length ** m);
        table!.costs(future, fast);
        const k = new Float64Array(m);
        const direct = Array.from(fast, (_, a) => agentCost(model, future, writeAction(a, axis, m, k), 0.5, model.prior, model.goals, scratch));
        expect(Array.from(fast)).toEqual(direct);
        future = prependEpisode(model, future, played, 0.5, emptyFuture(model), scratch);
      }
    });
  }
});
