import { describe, expect, it } from 'vitest';
import { normalObservationFromEdges, phaseObserved, shiftedNormalObservation, signalOf } from '../../../src/model/deployment/observation.ts';
import { InputError } from '../../../src/errors/inputError.ts';

const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);

describe('shiftedNormalObservation', () => {
  it('gives each phase a distribution over bins on one x grid (whole multiples of w) for every δ', () => {
    for (const shift of [0, 0.5, 2, -1.3]) {
      const model = shiftedNormalObservation(shift, { binWidth: 0.1 });
      expect(Math.abs(sum(model.training) - 1)).toBeLessThan(1e-14);
      expect(Math.abs(sum(model.deployment) - 1)).toBeLessThan(1e-14);
      expect(model.edges[0]).toBeLessThanOrEqual(Math.min(0, shift) - 6);
      expect(model.edges.at(-1)).toBeGreaterThanOrEqual(Math.max(0, shift) + 6);
      for (const e of model.edges) expect(Math.abs(e * 10 - Math.round(e * 10))).toBeLessThan(1e-9);
    }
  });

  it("a bin's likelihood ratio is the density ratio e^(δx − δ²/2) at its midpoint, to second order in w", () => {
    const shift = 3;
    const model = shiftedNormalObservation(shift, { binWidth: 0.01 });
    for (const x of [-4, -1, 0, 1.5, 3, 7]) {
      const b = signalOf(model, x);
      const ratio = model.deployment[b] / model.training[b];
      const expected = Math.exp(shift * model.x[b] - (shift * shift) / 2);
      // Each bin's mass is w·φ(midpoint)·(1 + (z² − 1)w²/24 + O(w⁴)), so the ratio is off by about (2δx − δ²)w²/24.
      const x0 = model.x[b];
      expect(Math.abs(ratio / expected - 1)).toBeLessThan((2 * (Math.abs(2 * shift * x0 - shift * shift) + 1) * 1e-4) / 24);
    }
  });

  it('δ = 0: both phases give every signal the same probability', () => {
    const model = shiftedNormalObservation(0);
    expect(Array.from(model.training)).toEqual(Array.from(model.deployment));
  });

  it('rejects a non-positive bin width and a NaN shift', () => {
    expect(() => shiftedNormalObservation(1, { binWidth: 0 })).toThrow(InputError);
    expect(() => shiftedNormalObservation(NaN)).toThrow(InputError);
    expect(() => normalObservationFromEdges([1, 0], 1)).toThrow(InputError);
  });
});

describe('signalOf', () => {
  it('finds the bin [edges[b−1], edges[b]) containing x, the tails included', () => {
    const model = normalObservationFromEdges([-1, 0, 2], 1);
    expect([-5, -1, -0.5, 0, 1.9, 2, 50].map((x) => signalOf(model, x))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(signalOf(model, NaN)).toBe(-1);
  });

  it('phaseObserved: every finite x is the training signal, x = +∞ the deployment signal', () => {
    const model = phaseObserved();
    expect(signalOf(model, 123)).toBe(0);
    expect(signalOf(model, Infinity)).toBe(1);
  });
});
