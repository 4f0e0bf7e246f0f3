/**
 * The corridor section's headline numbers against the closed form of DESIGN §3.7, written here
 * (not solvers/corridor's deceptiveValue): the deceptive plan is worth V = Σ_{k=T}^{T+D−1} γ^k,
 * summed term by term, against 1 for honesty; deceive iff V > 1, an exact tie at V = 1. With no
 * deployment (D = 0) the best waiting plan walks to B in the last training episode, worth γ^(T−1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CORRIDOR_DISCOUNTS, corridorFinding, corridorRun } from '../../../src/findings/corridor.ts';
import type { FindingReport } from '../../../src/findings/finding.ts';
import { TIE_RULES, type TieRuleName } from '../../../src/model/tieRuleName.ts';
import { formatNumber } from '../../../src/report/summaryTable.ts';
import { figurePoints } from '../../helpers/findingFigures.ts';

/** V = Σ_{k=T}^{T+D−1} γ^k, term by term. */
function deceptiveWorth(training: number, deployment: number, discount: number): number {
  let sum = 0;
  for (let k = training; k < training + deployment; k++) sum += discount ** k;
  return sum;
}

type Decision = 'deceive' | 'honest' | 'tie';

function decisionOf(training: number, deployment: number, discount: number): Decision {
  const waiting = deployment > 0 ? deceptiveWorth(training, deployment, discount) : training > 1 ? discount ** (training - 1) : 0;
  return waiting > 1 ? 'deceive' : waiting < 1 ? 'honest' : 'tie';
}

/** The path (D ≥ 1): deception walks A through training and B through deployment; honesty walks B once, then A for ever. */
function pathOf(training: number, deployment: number, discount: number, rule: TieRuleName = 'smallest'): string {
  const decision = decisionOf(training, deployment, discount);
  const deceives = decision === 'deceive' || (decision === 'tie' && rule === 'smallest');
  return deceives ? 'A'.repeat(training) + 'B'.repeat(deployment) : 'B' + 'A'.repeat(training + deployment - 1);
}

/** The smallest D ≤ 200 that makes episode 0 deceive, or null. */
function threshold(training: number, discount: number): number | null {
  for (let d = 0; d <= 200; d++) if (decisionOf(training, d, discount) === 'deceive') return d;
  return null;
}

describe('corridor headline numbers against the closed form Σγ^k', () => {
  let report: FindingReport;
  beforeAll(async () => {
    report = await corridorFinding.compute();
  });

  it('the table of T = 2, D = 3: path, visits to B, deceptive value and decision at each γ', () => {
    const rows = report.table.rows.slice(0, CORRIDOR_DISCOUNTS.length);
    rows.forEach((row, i) => {
      const g = CORRIDOR_DISCOUNTS[i];
      const path = pathOf(2, 3, g);
      expect(row[0]).toBe(g);
      expect(row[1]).toBe(path);
      expect(row[2]).toBe(path.split('').filter((m) => m === 'B').length);
      expect(row[3] as number).toBeCloseTo(deceptiveWorth(2, 3, g), 12);
      expect(row[4]).toBe(decisionOf(2, 3, g));
    });
  });

  it('the exact tie at T = 1, D = 1, γ = 1: a tie under every rule, the path the rule’s choice', () => {
    const rows = report.table.rows.slice(CORRIDOR_DISCOUNTS.length);
    expect(rows).toHaveLength(TIE_RULES.length);
    rows.forEach((row, i) => {
      expect(row[1]).toBe(pathOf(1, 1, 1, TIE_RULES[i]));
      expect(row[3]).toBe(deceptiveWorth(1, 1, 1));
      expect(row[4]).toBe('tie');
    });
  });

  it('the answer quotes the closed form: the path, the last deceiving and first honest γ with their worths', () => {
    const deceiving = CORRIDOR_DISCOUNTS.filter((g) => decisionOf(2, 3, g) === 'deceive');
    const honest = CORRIDOR_DISCOUNTS.find((g) => decisionOf(2, 3, g) !== 'deceive')!;
    const last = deceiving.at(-1)!;
    expect(report.answer).toContain(`the equilibrium path is ${pathOf(2, 3, 1)}: deception reaches B 3 times`);
    expect(report.answer).toContain(`deceives at γ = ${last} (the deployment visits are worth ${formatNumber(deceptiveWorth(2, 3, last))} > 1)`);
    expect(report.answer).toContain(`honest at γ = ${honest} (worth ${formatNumber(deceptiveWorth(2, 3, honest))})`);
  });

  it('the solver decides as the closed form on every setting the answer counts (T, D = 1–20, its 7 discounts), and with D = 0', () => {
    let settings = 0;
    for (const g of CORRIDOR_DISCOUNTS) {
      for (let t = 1; t <= 20; t++) {
        for (let d = 0; d <= 20; d++) {
          expect(corridorRun(t, d, g).decision, `T = ${t}, D = ${d}, γ = ${g}`).toBe(decisionOf(t, d, g));
          if (d > 0) settings++;
        }
      }
    }
    expect(report.answer).toContain(`equals the closed-form threshold Σ_{k=T}^{T+D−1} γ^k > 1 on all ${settings} settings`);
    // D = 0 at γ = 1: waiting is worth γ^(T−1) = 1, a tie, for every T ≥ 2.
    const waitingTies = Array.from({ length: 19 }, (_, i) => i + 2).every((t) => decisionOf(t, 0, 1) === 'tie');
    expect(waitingTies).toBe(true);
    expect(report.answer).toContain('reports that as a tie with honesty for every T from 2 to 20');
  });

  it('the deployment lengths the answer quotes at γ = 0.9, and the threshold figure, are the closed form’s', () => {
    expect(report.answer).toContain(`at γ = 0.9 deception needs ${threshold(2, 0.9)} deployment episodes after 2 of training and ${threshold(10, 0.9)} after 10`);
    const noneFrom = Array.from({ length: 30 }, (_, i) => i + 1).find((t) => threshold(t, 0.9) === null);
    expect(report.answer).toContain(`from ${noneFrom} training episodes on no deployment length up to 200 is enough`);
    for (const point of figurePoints(report, 'threshold')) {
      const discount = Number(String(point.series).replace('γ = ', ''));
      expect(point.value, `T = ${point.x}, ${point.series}`).toBe(threshold(point.x as number, discount));
    }
  });

  it('the margin figure is V − 1 at γ = 0.9', () => {
    const points = figurePoints(report, 'margin');
    expect(points).toHaveLength(20 * 21);
    for (const p of points) expect(p.value as number).toBeCloseTo(deceptiveWorth(p.x as number, p.y as number, 0.9) - 1, 12);
  });
});
