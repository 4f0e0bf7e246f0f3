/** Finding: the corridor example of "Risks from Learned Optimization", and its deception threshold. */
import { heatmapSpec } from '../report/charts/heatmap.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { TIE_RULES, type TieRuleName } from '../model/tieRuleName.ts';
import { corridorScenario } from '../scenarios/findingScenarios.ts';
import { deceptiveValue } from '../solvers/corridor/corridor.ts';
import type { Finding, FindingReport } from './finding.ts';
import { metric, reproduceCommand, runScenario } from './runScenario.ts';

type Decision = 'deceive' | 'honest' | 'tie';

export interface CorridorRun {
  /** A or B per episode. */
  readonly path: string[];
  readonly reachesB: number;
  readonly decision: Decision;
}

/** The corridor built-in at T, D, γ (and a tie rule): `mesalab run corridor --set schedule.training=T --set schedule.deployment=D --set discount=γ`. */
export function corridorRun(training: number, deployment: number, discount: number, tieRule: TieRuleName = 'smallest'): CorridorRun {
  const run = runScenario(corridorScenario, { 'schedule.training': training, 'schedule.deployment': deployment, discount, tieRule });
  const decision = metric(run, 'decision');
  return {
    path: Array.from(run.trajectory.actions.toB, (b) => (b === 1 ? 'B' : 'A')),
    reachesB: metric(run, 'reachesB'),
    decision: decision === 1 ? 'deceive' : decision === 0 ? 'honest' : 'tie',
  };
}

export const CORRIDOR_DISCOUNTS = [1, 0.95, 0.9, 0.8, 0.7, 0.5, 0.3];
const THRESHOLD_DISCOUNTS = [0.99, 0.95, 0.9, 0.8];
const MAX_TRAINING = 30;
const MAX_DEPLOYMENT = 200;

/** The smallest deployment length D ≤ MAX_DEPLOYMENT that makes episode 0 deceive, by the solver. */
export function deploymentThreshold(training: number, discount: number): number | null {
  for (let deployment = 0; deployment <= MAX_DEPLOYMENT; deployment++) {
    if (corridorRun(training, deployment, discount).decision === 'deceive') return deployment;
  }
  return null;
}

export const corridorFinding: Finding = {
  name: 'corridor',
  title: 'The corridor of Risks from Learned Optimization',
  question: 'In the corridor example, when does the mesa-optimizer deceive — and does the solver agree with the closed-form threshold?',
  model: `
A 3×3 grid with the base goal in corner A and the mesa goal in corner B; each episode the agent
walks to A or to B (the grid only sets the scene: a walk's length does not matter). T training
episodes, then D deployment episodes. In training, walking to B is caught: the base optimizer
rewrites the mesa-objective to A, and every later agent walks to A. The mesa-optimizer values a
path by its discounted count of visits to B, Σ_k γ^k·[B at k]. Honesty reaches B once, at k = 0;
deception (A in training, B in deployment) reaches B D times, worth Σ_{k=T}^{T+D−1} γ^k. Solved by
backward induction over (episode, goal intact); exact ties are reported and decided by the
scenario's tie rule: \`smallest\` (the default) deceives, as the seed's smallest coefficient, 0, is
deception; \`largest\` and \`honest\` walk to B.`,
  compute(): FindingReport {
    const classic = CORRIDOR_DISCOUNTS.map((discount) => ({ discount, solution: corridorRun(2, 3, discount), value: deceptiveValue({ training: 2, deployment: 3, discount }) }));
    const thresholds: Record<string, number | null>[] = Array.from({ length: MAX_TRAINING }, (_, i) => i + 1).map((training) => ({
      training,
      ...Object.fromEntries(THRESHOLD_DISCOUNTS.map((g) => [`γ = ${g}`, deploymentThreshold(training, g)])),
    }));
    const margins = [];
    for (let training = 1; training <= 20; training++) {
      for (let deployment = 0; deployment <= 20; deployment++) {
        margins.push({ training, deployment, margin: deceptiveValue({ training, deployment, discount: 0.9 }) - 1 });
      }
    }
    const at = (g: number) => classic.find((c) => c.discount === g)!;
    const flip = classic.find((c) => c.solution.decision !== 'deceive');
    const lastDeceiving = classic.filter((c) => c.solution.decision === 'deceive').at(-1)!;
    // The solver against the closed form on a grid of settings.
    let settings = 0;
    let disagreements = 0;
    for (const discount of CORRIDOR_DISCOUNTS) {
      for (let training = 1; training <= 20; training++) {
        for (let deployment = 1; deployment <= 20; deployment++) {
          const game = { training, deployment, discount };
          const v = deceptiveValue(game);
          const expected = v > 1 ? 'deceive' : v < 1 ? 'honest' : 'tie';
          settings++;
          if (corridorRun(training, deployment, discount).decision !== expected) disagreements++;
        }
      }
    }
    const noneFrom = thresholds.find((t) => t['γ = 0.9'] === null)?.training;
    // Without deployment the closed form's "deceive" plan does not exist: waiting, the last training
    // agent walks to B instead, which is worth γ^(T−1) — a tie with honesty at γ = 1 (T ≥ 2).
    const waitingLengths = Array.from({ length: 19 }, (_, i) => i + 2);
    const noDeploymentTies = waitingLengths.filter((training) => corridorRun(training, 0, 1).decision === 'tie').length;
    // The exact tie Σ_{k=T}^{T+D−1} γ^k = 1 (T = 1, D = 1, γ = 1) under each tie rule.
    const ties = TIE_RULES.map((rule) => ({ rule, run: corridorRun(1, 1, 1, rule) }));
    const answer =
      `With 2 training and 3 deployment episodes and no discounting the equilibrium path is ${at(1).solution.path.join('')}: deception reaches B ${at(1).solution.reachesB} times, against once for honesty, as in the paper. ` +
      `Discounting makes deployment worth less: the agent still deceives at γ = ${lastDeceiving.discount} (the deployment visits are worth ${formatNumber(lastDeceiving.value)} > 1)${flip ? ` but is honest at γ = ${flip.discount} (worth ${formatNumber(flip.value)})` : ''}. ` +
      `The solver's decision ${disagreements === 0 ? 'equals' : `differs from`} the closed-form threshold Σ_{k=T}^{T+D−1} γ^k > 1 on ${disagreements === 0 ? `all ${settings}` : `${disagreements} of ${settings}`} settings tested (T = 1–20, D = 1–20, ${CORRIDOR_DISCOUNTS.length} discounts); with no deployment at all (D = 0) the formula's deceptive plan does not exist — a waiting agent's successor walks to B in the last training episode — and at γ = 1 the solver reports that as a tie with honesty ${noDeploymentTies === waitingLengths.length ? 'for every' : `for ${noDeploymentTies} of the ${waitingLengths.length} values of`} T from 2 to 20; at γ = 0.9 deception needs ${thresholds[1]['γ = 0.9'] ?? `more than ${MAX_DEPLOYMENT}`} deployment episodes after 2 of training and ${thresholds[9]['γ = 0.9'] ?? `more than ${MAX_DEPLOYMENT}`} after 10${noneFrom ? `, and from ${noneFrom} training episodes on no deployment length up to ${MAX_DEPLOYMENT} is enough` : ''}. ` +
      `Where the two values are exactly equal (T = 1, D = 1, γ = 1: one visit either way) the agent is indifferent, and the path is the tie rule's choice: ${ties.map(({ rule, run }) => `${rule} walks ${run.path.join('')}`).join(', ')} — every rule reports the decision as a tie, so no conclusion above rests on how ties are broken.`;
    return {
      table: {
        columns: ['γ', 'path (T = 2, D = 3)', 'visits to B', 'deceptive value Σγ^k', 'decision'],
        rows: [
          ...classic.map((c) => [c.discount, c.solution.path.join(''), c.solution.reachesB, c.value, c.solution.decision]),
          ...ties.map(({ rule, run }) => [`1 (T = 1, D = 1, tie rule ${rule})`, run.path.join(''), run.reachesB, deceptiveValue({ training: 1, deployment: 1, discount: 1 }), run.decision]),
        ],
      },
      figures: [
        {
          id: 'threshold',
          caption: 'Smallest deployment length that makes the mesa-optimizer deceive, against the training length (solver); missing where none up to 200 does',
          spec: linePlotSpec({
            rows: thresholds,
            x: 'training',
            series: THRESHOLD_DISCOUNTS.map((g) => `γ = ${g}`),
            title: 'Deployment episodes needed for deception',
            xLabel: 'training episodes T',
            yLabel: 'smallest deployment length D',
          }),
        },
        {
          id: 'margin',
          caption: 'Deception margin Σ_{k=T}^{T+D−1} γ^k − 1 at γ = 0.9: positive cells deceive, negative are honest',
          spec: heatmapSpec({ rows: margins, x: 'training', y: 'deployment', value: 'margin', title: 'Deception margin at γ = 0.9', xLabel: 'training episodes T', yLabel: 'deployment episodes D', valueLabel: 'margin', scheme: 'redblue' }),
        },
      ],
      answer,
      reproduce: [
        { what: 'the first row (γ = 1, T = 2, D = 3)', command: reproduceCommand(corridorScenario) },
        { what: 'γ = 0.5, where the agent is honest', command: reproduceCommand(corridorScenario, { discount: 0.5 }) },
        { what: 'the exact tie at T = 1, D = 1, γ = 1 under the honest rule', command: reproduceCommand(corridorScenario, { 'schedule.training': 1, 'schedule.deployment': 1, tieRule: 'honest' }) },
      ],
    };
  },
};
