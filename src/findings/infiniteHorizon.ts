/**
 * Finding: what happens to deception with an infinite horizon? Stationary equilibria for constant
 * ℓ and γ < 1, training followed by endless deployment, and the first coefficient of finite
 * horizons as N grows (exact solver throughout).
 */
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { endlessDeploymentScenario, stationaryScenario } from '../scenarios/findingScenarios.ts';
import { metric, reproduceCommand, runScenario } from './runScenario.ts';
import type { Finding, FindingReport } from './finding.ts';

export const HORIZONS = [10, 30, 100, 300, 1000, 3000, 10_000, 30_000, 100_000];
export const DISCOUNTS = [0.9, 0.99, 0.999, 1];
const RATES = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1];
/** Learning rates at which the undiscounted a₀ of the longest horizon is compared with 1/√(ℓN). */
export const SCALING_RATES = [0.1, 0.5, 1];

/** a₀ of N training episodes at ℓ = 1 (a finite horizon): `mesalab run infinite-horizon --set horizon=finite --set schedule=1xN`. */
export function finiteFirstCoefficient(schedule: string, discount: number): number {
  return metric(runScenario(stationaryScenario, { horizon: 'finite', schedule, discount }), 'firstCoefficient');
}

/** a_0 of N training episodes at ℓ = 1 for each discount and horizon. */
export function firstCoefficientByHorizon(): { horizon: number; discount: number; firstCoefficient: number }[] {
  return DISCOUNTS.flatMap((discount) => HORIZONS.map((horizon) => ({ horizon, discount, firstCoefficient: finiteFirstCoefficient(`1x${horizon}`, discount) })));
}

/** The stationary equilibrium a* (the tie rule's pick) and how many there are, for each ℓ and γ < 1. */
export function stationaryByRate(): { rate: number; discount: number; coefficient: number; count: number }[] {
  return DISCOUNTS.filter((g) => g < 1).flatMap((discount) =>
    RATES.map((rate) => {
      const run = runScenario(stationaryScenario, { schedule: `${rate}x100`, discount });
      return { rate, discount, coefficient: metric(run, 'firstCoefficient'), count: metric(run, 'stationaryEquilibria') };
    }),
  );
}

/** a₀ of 20 training episodes followed by endless deployment. */
const endlessFirst = (discount: number) => metric(runScenario(endlessDeploymentScenario, { discount }), 'firstCoefficient');

export const infiniteHorizonFinding: Finding = {
  name: 'infinite-horizon',
  title: 'Infinite horizons',
  question: 'Is deception an artefact of a finite game? What do the agents do when training — or deployment — never ends?',
  model: `
Seed family at learning rate ℓ (training) with discount γ. **Stationary equilibrium** (constant ℓ,
γ < 1): every agent plays the same a, so the suffix sums are geometric, A = a²/(1 − γf²),
B = a/(1 − γf), L = 1/(1 − γ), f = 1 − 2ℓa², and a is the best reply to them (a fixed point,
found by bracketing best(a) − a on a grid of 4,001 points and bisecting; needs γf² < 1).
**Training then endless deployment**: deployment agents play 1 and leave θ alone, so the last
training agent faces A = B = L = 1/(1 − γ). **Long finite horizons**: a₀ of N training episodes.`,
  compute(): FindingReport {
    const byHorizon = firstCoefficientByHorizon();
    const stationary = stationaryByRate();
    const starOf = (rate: number, discount: number) => stationary.find((s) => s.rate === rate && s.discount === discount)!.coefficient;
    const a0 = (horizon: number, discount: number) => byHorizon.find((p) => p.horizon === horizon && p.discount === discount)!.firstCoefficient;
    const endless = DISCOUNTS.filter((g) => g < 1).map((discount) => ({ discount, first: endlessFirst(discount) }));
    const big = HORIZONS.at(-1)!;
    const undiscountedScale = a0(big, 1) * Math.sqrt(big);
    const rateScales = SCALING_RATES.map((rate) => finiteFirstCoefficient(`${rate}x${big}`, 1) * Math.sqrt(rate * big));
    const leastStar = stationary.reduce((a, b) => (b.coefficient < a.coefficient ? b : a));
    const rows: (number | null)[][] = DISCOUNTS.filter((g) => g < 1).map((discount) => [
      discount,
      starOf(1, discount),
      a0(big, discount),
      endless.find((e) => e.discount === discount)!.first,
      finiteFirstCoefficient('1x20,0x80', discount),
    ]);
    rows.push([1, null, a0(big, 1), null, finiteFirstCoefficient('1x20,0x80', 1)]);
    const answer =
      `With discounting, deception survives an endless horizon but is bounded away from zero: for ℓ = 1 the stationary equilibrium plays ${formatNumber(starOf(1, 0.99))} at γ = 0.99 and ${formatNumber(starOf(1, 0.9))} at γ = 0.9, ` +
      `and finite horizons converge to it (a₀ = ${formatNumber(a0(big, 0.99))} at N = ${big} for γ = 0.99); over the second figure's ℓ = ${RATES[0]}–${RATES.at(-1)} and γ = ${DISCOUNTS.filter((g) => g < 1).join(', ')} the smallest a* is ${formatNumber(leastStar.coefficient)} (ℓ = ${leastStar.rate}, γ = ${leastStar.discount}). ` +
      `Without discounting (γ = 1) the first coefficient keeps falling as the horizon grows, at ℓ = 1 like ${formatNumber(undiscountedScale)}/√N (a₀ = ${formatNumber(a0(1000, 1))} at N = 1000, ${formatNumber(a0(big, 1))} at N = ${big}), and ${rateScales.every((c) => Math.abs(c - 0.5) < 0.005) ? 'at each rate tried like 1/(2√(ℓN))' : 'not as one law at every rate'}: a₀·√(ℓN) at N = ${big} is ${rateScales.map(formatNumber).join(', ')} for ℓ = ${SCALING_RATES.join(', ')}. The longer the future it protects, the more completely the agent hides. ` +
      `Endless deployment after 20 training episodes gives a₀ = ${formatNumber(endless.find((e) => e.discount === 0.99)!.first)} at γ = 0.99, against ${formatNumber(finiteFirstCoefficient('1x20,0x80', 0.99))} with 80 deployment episodes.`;
    return {
      table: { columns: ['γ', 'stationary a* (ℓ = 1)', `a₀, N = ${big} training`, 'a₀, 20 training + endless deployment', 'a₀, 20 training + 80 deployment'], rows },
      figures: [
        {
          id: 'first-coefficient-by-horizon',
          caption: 'First coefficient a₀ of N training episodes (ℓ = 1) against N, by discount γ (log–log)',
          spec: linePlotSpec({
            rows: HORIZONS.map((horizon) => ({ horizon, ...Object.fromEntries(DISCOUNTS.map((g) => [`γ = ${g}`, a0(horizon, g)])) })),
            x: 'horizon',
            series: DISCOUNTS.map((g) => `γ = ${g}`),
            title: 'First coefficient against the horizon N',
            xLabel: 'training episodes N (log scale)',
            yLabel: 'first coefficient a₀ (log scale)',
            logX: true,
            logY: true,
          }),
        },
        {
          id: 'stationary',
          caption: 'The stationary equilibrium coefficient a* against the learning rate ℓ, by discount γ',
          spec: linePlotSpec({
            rows: RATES.map((rate) => ({ rate, ...Object.fromEntries(DISCOUNTS.filter((g) => g < 1).map((g) => [`γ = ${g}`, starOf(rate, g)])) })),
            x: 'rate',
            series: DISCOUNTS.filter((g) => g < 1).map((g) => `γ = ${g}`),
            title: 'Stationary equilibrium against the learning rate',
            xLabel: 'learning rate ℓ',
            yLabel: 'stationary coefficient a*',
          }),
        },
      ],
      answer,
      reproduce: [
        { what: 'the stationary a* at ℓ = 1, γ = 0.9', command: reproduceCommand(stationaryScenario, { discount: 0.9 }) },
        { what: '20 training episodes then endless deployment at γ = 0.9', command: reproduceCommand(endlessDeploymentScenario, { discount: 0.9 }) },
        { what: `a₀ of N = ${HORIZONS.at(-1)} training episodes at γ = 1`, command: reproduceCommand(stationaryScenario, { horizon: 'finite', schedule: `1x${HORIZONS.at(-1)}`, discount: 1 }) },
      ],
    };
  },
};
