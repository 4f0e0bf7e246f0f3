import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../../src/model/gameConfig.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { lqSolver, solveLq } from '../../../src/solvers/lq/lq.ts';
import { lqForms } from '../../../src/solvers/lq/lqForms.ts';
import { LqStage } from '../../../src/solvers/lq/lqStage.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { beliefGame } from '../../helpers/games.ts';
import { simulatedAgentCost } from '../../helpers/gameCost.ts';

const rates = fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 15 });


describe('solveLq', () => {
  it('solveLq equals solveExact to 1e-9 on seed, discount and regularizer games', () => {
    const options = fc.record({ schedule: rates, discount: fc.double({ min: 0, max: 1, noNaN: true }), regularizer: fc.double({ min: 0, max: 0.5, noNaN: true }) });
    fc.assert(
      fc.property(options, (o) => {
        const lq = solveLq(parseGameConfig(o).game);
        assertInDelta(lq.actions, solveExact(linearScenario(o)).coefficients, 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('solveLq equals solveExact on the published schedules', () => {
    for (const schedule of ['1x20,0x80', '1x100']) {
      assertInDelta(solveLq(parseGameConfig({ schedule }).game).actions, solveExact(linearScenario({ schedule })).coefficients, 1e-9);
    }
  });

  it("the LQ stage's polynomial equals its cost's definition, and its gradient and Hessian match finite differences", () => {
    const game = parseGameConfig(beliefGame([1, 0.5, 0])).game;
    const forms = lqForms(game);
    if (typeof forms === 'string') throw new Error(forms);
    const plan = solveLq(game);
    const stage = new LqStage(forms, 1);
    // The future after episode 0, built by solving the two-episode tail.
    const tail = solveLq(parseGameConfig(beliefGame([0.5, 0])).game);
    expect(Array.from(tail.actions)).toEqual(Array.from(plan.actions.slice(2)));
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (a, c, rate) => {
        const P = new Float64Array([0.3, 0.1, -0.2, 0.1, 0.5, 0.05, -0.2, 0.05, 0.4]);
        stage.prepare(rate, { P, q: new Float64Array([0.7, -0.3, 0.2]), L: 2 });
        const k = (x: number, z: number) => stage.stateVector([x, z], new Float64Array(3));
        const gradient = new Float64Array(2);
        const hessian = new Float64Array(4);
        assertInDelta(stage.value([a, c]), stage.cost(k(a, c)), 1e-10 * (1 + Math.abs(stage.cost(k(a, c)))));
        stage.gradientAndHessian([a, c], gradient, hessian);
        const h = 1e-5;
        const scale = 1 + Math.abs(stage.cost(k(a, c)));
        assertInDelta(gradient[0], (stage.cost(k(a + h, c)) - stage.cost(k(a - h, c))) / (2 * h), 1e-5 * scale);
        assertInDelta(gradient[1], (stage.cost(k(a, c + h)) - stage.cost(k(a, c - h))) / (2 * h), 1e-5 * scale);
        const g = (x: number, z: number) => {
          const out = new Float64Array(2);
          stage.gradientAndHessian([x, z], out, new Float64Array(4));
          return out;
        };
        assertInDelta(hessian[0], (g(a + h, c)[0] - g(a - h, c)[0]) / (2 * h), 1e-4 * scale);
        assertInDelta(hessian[1], (g(a, c + h)[0] - g(a, c - h)[0]) / (2 * h), 1e-4 * scale);
        assertInDelta(hessian[3], (g(a, c + h)[1] - g(a, c - h)[1]) / (2 * h), 1e-4 * scale);
      }),
      { numRuns: 100 },
    );
  });

  it("solveLq's two-component action beats every action on a grid, by direct simulation of the believed game", () => {
    const schedules = fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 1.5), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(schedules, fc.double({ min: 0.5, max: 1, noNaN: true }), (schedule, discount) => {
        const game = parseGameConfig(beliefGame(schedule, discount)).game;
        const { actions } = solveLq(game);
        const plan = schedule.map((_, n) => [actions[2 * n], actions[2 * n + 1]]);
        const n = 0;
        const best = simulatedAgentCost(game, plan, n);
        for (let a = -2; a <= 2; a += 0.5) {
          for (let c = -2; c <= 2; c += 0.5) {
            const trial = plan.map((k, j) => (j === n ? [a, c] : k));
            expect(best).toBeLessThanOrEqual(simulatedAgentCost(game, trial, n) * (1 + 1e-9) + 1e-12);
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it('solveLq plays the honest action (1 on the goal, 0 elsewhere) without a learning rate', () => {
    const { actions } = solveLq(parseGameConfig(beliefGame('0x3')).game);
    assertInDelta(actions, [1, 0, 1, 0, 1, 0], 1e-9);
  });

  it('lq refuses games that are not linear-quadratic, saying why', () => {
    const nonQuadratic = parseGameConfig({ schedule: '1x3', baseObjective: 'y^4' }).game;
    expect(lqSolver.supports(nonQuadratic)).toMatch(/base objective is not a homogeneous quadratic/);
    const mlp = parseGameConfig({ schedule: '1x3', policy: { type: 'mlp', hidden: [4] } }).game;
    expect(lqSolver.supports(mlp)).toMatch(/linear policy/);
    expect(() => solveLq(mlp)).toThrow(/solver: the lq solver needs a linear policy/);
  });
});
