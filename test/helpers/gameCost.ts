/**
 * Agent n's prior-averaged mesa cost in a game with a linear policy, by direct simulation with
 * mathjs's own evaluation of the believed objective's symbolic gradient — independent of the
 * LQ solver's quadratic forms and of the compiled closures.
 */
import { differentiate } from '../../src/model/expression.ts';
import type { Game } from '../../src/model/game.ts';

export function simulatedAgentCost(game: Game, plan: ArrayLike<number>[], n: number): number {
  if (game.policy.type !== 'linear') throw new Error('linear policies only');
  const inputs = game.policy.inputs;
  const names = game.parameters.map((p) => p.name);
  const gradients = names.map((name) => differentiate(game.believedObjective, name));
  const dy = differentiate(game.believedObjective, 'y');
  let total = 0;
  let count = 0;
  for (const point of priorPoints(game)) {
    const goal = point[game.goal];
    const frozen = Object.fromEntries(game.frozen.map((f) => [f.name, point[f.source]]));
    let state = [...point];
    let cost = 0;
    for (let k = n; k < game.schedule.length; k++) {
      const action = plan[k];
      const y = inputs.reduce((sum, input, i) => sum + action[i] * state[input], 0);
      cost += game.discount ** (k - n) * game.mesaCost.evaluate({ y, goal });
      const scope = { y, ...frozen, ...Object.fromEntries(names.map((name, j) => [name, state[j]])) };
      const slope = dy.evaluate(scope);
      state = state.map((s, j) => {
        const dyds = inputs.reduce((sum, input, i) => sum + (input === j ? action[i] : 0), 0);
        return s - game.schedule[k] * (slope * dyds + gradients[j].evaluate(scope));
      });
    }
    total += cost;
    count++;
  }
  return total / count;
}

function* priorPoints(game: Game): Generator<number[]> {
  const priors = game.parameters.map((p) => Array.from(p.prior));
  const indices = priors.map(() => 0);
  for (;;) {
    yield indices.map((i, j) => priors[j][i]);
    let j = 0;
    while (j < indices.length && ++indices[j] === priors[j].length) indices[j++] = 0;
    if (j === indices.length) return;
  }
}
