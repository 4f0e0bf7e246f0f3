import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGameConfig, type GameConfig } from '../../../src/model/gameConfig.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { minimiseFromStarts, solveLq } from '../../../src/solvers/lq/lq.ts';
import { lqForms, type LqForms } from '../../../src/solvers/lq/lqForms.ts';
import { LqStage, type LqFuture } from '../../../src/solvers/lq/lqStage.ts';
import { prefersVector, TIE_RULES, type TieRuleName } from '../../../src/solvers/tieRule.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

const prior = (half: number) => ({ initial: 0.5, prior: { min: -half, max: half, count: 5 } });

/** Goal θ, and a policy that reads only parameters the goal is independent of: y = Σ kᵢ·zᵢ. */
function blindGame(inputs: string[]): LqForms {
  const config: GameConfig = { schedule: [1], parameters: { theta: prior(1), beta: prior(1), delta: prior(2) }, goal: 'theta', policy: { type: 'linear', inputs } };
  const forms = lqForms(parseGameConfig(config).game);
  if (typeof forms === 'string') throw new Error(forms);
  return forms;
}

/**
 * A future that pays γP·E[β′²] (P = 3 on the policy's inputs, ℓ = ½, γ = 1): with y = a·β the
 * agent's cost is σa² + 3σ(1 − a²)² + const, even in a, least at a² = 1 − 1/(4ℓγP) = 5/6: the two
 * coefficients ±√(5/6) tie exactly (a made-up future: a game's own later agents would play 0).
 */
const future = (d: number): LqFuture => ({ P: Float64Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 && i > 0 ? 3 : 0)), q: new Float64Array(d), L: 0 });
const EXPECTED: Record<TieRuleName, number> = { smallest: -Math.sqrt(5 / 6), largest: Math.sqrt(5 / 6), honest: -Math.sqrt(5 / 6) };

describe('solveLq under each tie rule', () => {
  it('equals solveExact on seed, discount and regularizer games, and reports the rule', () => {
    const options = fc.record({
      schedule: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 10 }),
      discount: fc.double({ min: 0, max: 1, noNaN: true }),
      regularizer: fc.constantFrom(0, 0.1, 1),
      tieRule: fc.constantFrom(...TIE_RULES),
    });
    fc.assert(
      fc.property(options, (o) => {
        const lq = solveLq(parseGameConfig(o).game);
        const exact = solveExact(linearScenario(o));
        assertInDelta(lq.actions, exact.coefficients, 1e-9);
        expect(lq.ties).toEqual(exact.ties);
        expect(lq.tieRule).toBe(o.tieRule);
      }),
      { numRuns: 150 },
    );
  });

  it('breaks an exact tie between the two roots of a one-component policy as each rule says', () => {
    const forms = blindGame(['beta']);
    for (const tieRule of TIE_RULES) {
      const stage = new LqStage(forms, 1, tieRule);
      stage.prepare(0.5, future(forms.d));
      const choice = stage.minimiseAlongLine({ action: new Float64Array(1), cost: NaN, tied: false });
      expect(choice.tied).toBe(true);
      // The honest action is 0 here (the policy does not read the goal): ±√(5/6) are equally far.
      assertInDelta(choice.action[0], EXPECTED[tieRule], 1e-12);
    }
  });

  it('breaks an exact tie between two minima of a two-component policy as each rule says, at the least cost on a fine grid', () => {
    // y = aβ + cδ with δ's prior wider: the least cost uses δ alone, at c = ±√(5/6), a = 0.
    const forms = blindGame(['beta', 'delta']);
    for (const tieRule of TIE_RULES) {
      const stage = new LqStage(forms, 1, tieRule);
      stage.prepare(0.5, future(forms.d));
      const choice = { action: new Float64Array(2), cost: NaN, tied: false };
      minimiseFromStarts(stage, forms, null, choice, tieRule);
      expect(choice.tied).toBe(true);
      assertInDelta(choice.action, [0, EXPECTED[tieRule]], 1e-9);
      // J from its definition (LqStage.cost) on a grid never beats the minimum.
      for (let a = -2; a <= 2; a += 0.05) {
        for (let c = -2; c <= 2; c += 0.05) expect(stage.cost(stage.stateVector([a, c], new Float64Array(forms.d)))).toBeGreaterThanOrEqual(choice.cost - 1e-12);
      }
    }
  });
});

describe('prefersVector(rule, x, y, honest)', () => {
  it('orders tied actions lexicographically, or by the distance to the honest action', () => {
    const honest = [1, 0];
    expect(prefersVector('smallest', [0, 2], [1, -1], honest)).toBe(true);
    expect(prefersVector('largest', [0, 2], [1, -1], honest)).toBe(false);
    expect(prefersVector('honest', [1, 0.5], [0.9, 0], honest)).toBe(false);
    expect(prefersVector('honest', [0.95, 0], [1, 0.5], honest)).toBe(true);
    // Equally far from honest: the lexicographically smaller.
    expect(prefersVector('honest', [1, -0.5], [1, 0.5], honest)).toBe(true);
    expect(prefersVector('honest', [1, 0.5], [1, -0.5], honest)).toBe(false);
  });
});
