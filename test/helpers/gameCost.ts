/**
 * Agent n's prior-averaged mesa cost in a game with a linear policy, by direct simulation with
 * mathjs's own parse, symbolic gradient and evaluation of the objectives' source texts —
 * independent of the LQ solver's quadratic forms and of src/model/expression/ (mathjs is a
 * devDependency, for tests only).
 */
import { derivative, parse } from 'mathjs';
import type { Game } from '../../src/model/game.ts';

/** An expression's text compiled by mathjs. */
function mathjs(source: string, variable?: string): { evaluate(scope: Record<string, number>): number } {
  const compiled = (variable === undefined ? parse(source) : derivative(parse(source), variable)).compile();
  return { evaluate: (scope) => Number(compiled.evaluate({ ...scope })) };
}

export function simulatedAgentCost(game: Game, plan: ArrayLike<number>[], n: number): number {
  if (game.policy.type !== 'linear') throw new Error('linear policies only');
  const inputs = game.policy.inputs;
  const names = game.parameters.map((p) => p.name);
  const gradients = names.map((name) => mathjs(game.believedObjective.source, name));
  const dy = mathjs(game.believedObjective.source, 'y');
  const mesaCost = mathjs(game.mesaCost.source);
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
      cost += game.discount ** (k - n) * mesaCost.evaluate({ y, goal });
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
