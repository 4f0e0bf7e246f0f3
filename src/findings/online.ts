/**
 * Finding: online learning with no deployment stage (DESIGN §4). The same horizon and learning
 * rate under five base optimizers — one gradient step on the newest episode (the seed), K steps
 * on all past training data, full re-optimisation, and REINFORCE without and with the exact
 * expected-reward baseline — each with a deployment stage (20 training + 80 deployment episodes)
 * and without (100 training episodes).
 */
import { LEARNERS, ONLINE_RATE, ONLINE_STEPS, onlineConfig, REINFORCE_SIGMA as SIGMA, STAGES } from '../scenarios/online.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import type { Finding, FindingReport } from './finding.ts';
import { metric, reproduceCommand, runScenario } from './runScenario.ts';


export interface OnlineRow {
  learner: (typeof LEARNERS)[number];
  stage: (typeof STAGES)[number];
  coefficients: Float64Array;
  ties: number;
  /** Mean coefficient over training episodes; deception index = 1 − this. */
  meanTrainingCoefficient: number;
  deceptionIndex: number;
  /** (Mean) θ after training ÷ θ₀. */
  goalRetained: number;
  /** (Mean) Σ over training episodes of y². */
  trainingBaseLoss: number;
  /** (Mean) Σ over all episodes of (y − θ)². */
  totalMesaLoss: number;
}

/** Runs every learner × stage's built-in (`mesalab run online-<learner>`); REINFORCE by dp over 1,000 seeded runs. */
export function onlineRuns(): OnlineRow[] {
  return LEARNERS.flatMap((learner) =>
    STAGES.map((stage) => {
      const run = runScenario(onlineConfig(learner, stage));
      const mean = metric(run, 'meanTrainingCoefficient');
      return {
        learner,
        stage,
        coefficients: run.trajectory.actions.a,
        ties: run.ties.length,
        meanTrainingCoefficient: mean,
        deceptionIndex: 1 - mean,
        goalRetained: metric(run, 'goalRetained'),
        trainingBaseLoss: metric(run, 'trainingBaseLoss'),
        totalMesaLoss: metric(run, 'totalMesaLoss'),
      };
    }),
  );
}


export const onlineFinding: Finding = {
  name: 'online-learning',
  title: 'Online learning with no deployment stage',
  question:
    'With online learning there is no deployment stage. Does a mesa-optimizer still sacrifice training reward to protect its goal — and does fully re-optimising all parameters at every timestep remove the incentive?',
  model: `
Seed game (y = a·θ, base loss y², mesa cost (y − θ_n)², γ = 1, θ₀ = 0.8, prior 11 points on
[−1, 1]; coefficients continuous for the one-step learner (exact solver) and REINFORCE (dp), on
linspace(−2, 2, 401) for the two history learners) at learning rate ℓ = ${ONLINE_RATE}, 100 episodes,
under five base optimizers (DESIGN §4):
- **one step on the newest episode** (the seed): θ ← θ(1 − 2ℓa²);
- **${ONLINE_STEPS} steps on all past training data**: θ ← θ(1 − 2ℓS_t)^${ONLINE_STEPS}, S_t = Σ_{s≤t} a_s²; the state carries S and
  agents play Markov policies a_n(S) (DP over S, checked against brute-force equilibria);
- **full re-optimisation**: θ ← argmin_θ Σ_{s≤t} (a_sθ)², which is 0 once any training coefficient is
  nonzero; while all are exactly 0 θ stays (the convention);
- **REINFORCE**: y ~ N(aθ, σ²), σ = ${SIGMA}, reward r = −y², θ′ = θ + ℓ(r − b)(y − aθ)a/σ² with no baseline or
  the exact expected reward b = −E[y²]; solved by the dp solver, played 1,000 times (seed 1).
Each with a deployment stage (20 training then 80 deployment episodes) and without (100 training).
**Deception index** = 1 − (mean coefficient over training episodes): 0 for an honest agent
(a = 1), 1 for one that outputs 0 in training. Goal retained = θ after training ÷ θ₀ (for
REINFORCE, of the mean θ); losses are sums (means over runs for REINFORCE).`,
  compute(): FindingReport {
    const rows = onlineRuns();
    const row = (learner: string, stage: string) => rows.find((r) => r.learner.id === learner && r.stage.id === stage)!;
    const coefficientFigure = (stage: (typeof STAGES)[number]) =>
      linePlotSpec({
        rows: Array.from({ length: 100 }, (_, n) => ({ episode: n, ...Object.fromEntries(LEARNERS.map((l) => [l.label, row(l.id, stage.id).coefficients[n]])) })),
        x: 'episode',
        series: LEARNERS.map((l) => l.label),
        title: `Coefficients, ${stage.label} (ℓ = ${ONLINE_RATE})`,
        xLabel: 'Episode',
        yLabel: 'coefficient a_n',
      });
    const d = (learner: string, stage: string) => formatNumber(row(learner, stage).deceptionIndex);
    const fullOnline = row('full', 'online');
    // Where agents are exactly indifferent the tie rule decides (DESIGN §4): the tied row under the other rules.
    const fullLearner = LEARNERS.find((l) => l.id === 'full')!;
    const onlineStage = STAGES.find((st) => st.id === 'online')!;
    const underRule = (tieRule: 'largest' | 'honest') => {
      const run = runScenario(onlineConfig(fullLearner, onlineStage), { tieRule });
      return { index: formatNumber(1 - metric(run, 'meanTrainingCoefficient')), ties: run.ties.length };
    };
    const largest = underRule('largest');
    const honest = underRule('honest');
    const gradual = ['seed', 'all-data', 'reinforce', 'reinforce-baseline'];
    const survives = gradual.every((id) => row(id, 'online').deceptionIndex > 0.5);
    const raises = gradual.every((id) => row(id, 'deployment').deceptionIndex > row(id, 'online').deceptionIndex);
    const deploymentStage = STAGES.find((st) => st.id === 'deployment')!;
    const answer = [
      `${survives ? `Yes, in the one setting run here (ℓ = ${ONLINE_RATE}, 100 episodes): the incentive survives the loss of the deployment stage` : 'Not uniformly'} — with one gradient step per episode the deception index is ${d('seed', 'online')} without deployment against ${d('seed', 'deployment')} with it; under ${ONLINE_STEPS} steps on all past data it is ${d('all-data', 'online')} against ${d('all-data', 'deployment')}, and under REINFORCE ${d('reinforce', 'online')} without a baseline and ${d('reinforce-baseline', 'online')} with one (${d('reinforce', 'deployment')} and ${d('reinforce-baseline', 'deployment')} with deployment).`,
      `This supports the side of the debate that expects deception online: every later episode is scored against the agent's current goal, so slowing training pays even when training never stops; ${raises ? "here a deployment stage only raises the stakes (each of these learners' index is higher with one)" : "a deployment stage does not raise every learner's index here"}.`,
      `Full re-optimisation changes the game: one honest output destroys the goal at once, and without deployment the agents are exactly indifferent between honesty now and waiting (${fullOnline.ties} of 100 agents on the path are tied; the default tie rule, smallest coefficient, makes them wait, index ${d('full', 'online')}; under \`tieRule: largest\` the index is ${largest.index} and under \`honest\` ${honest.index}: the first agent, equally indifferent, reveals at once; ${largest.ties} and ${honest.ties} ties are still reported, the agents indifferent while the goal is intact, of whom these rules reach only the first); with ${deploymentStage.schedule.deployment} deployment episodes ahead waiting is strictly better (index ${d('full', 'deployment')}, ${row('full', 'deployment').ties} ties).`,
      `It supports the other side only in part: under full re-optimisation honesty is never strictly worse online, so a tie rule, not an incentive, decides: of this finding's conclusions, this row is the only one that depends on the rule (the other learners' rows have no ties). The toy model says nothing about whether a mesa-optimizer arises in the first place, or about whether the fully optimised objective is itself outer aligned: it only scores these learners against a fixed, already misaligned goal.`,
    ].join(' ');
    return {
      table: {
        columns: ['learner', 'stage', 'deception index', 'mean training coefficient', 'goal retained', 'training base loss', 'total mesa loss', 'ties'],
        rows: rows.map((r) => [r.learner.label, r.stage.label, r.deceptionIndex, r.meanTrainingCoefficient, r.goalRetained, r.trainingBaseLoss, r.totalMesaLoss, r.ties]),
      },
      figures: STAGES.map((stage) => ({ id: `coefficients-${stage.id}`, caption: `Equilibrium coefficients under each learner, ${stage.label}`, spec: coefficientFigure(stage) })),
      answer,
      reproduce: [
        { what: 'every learner with and without deployment (one row each)', command: 'mesalab run online' },
        { what: 'full re-optimisation under the largest-coefficient tie rule', command: reproduceCommand({ name: 'online-full' }, { tieRule: 'largest' }) },
        { what: 'REINFORCE with another seed', command: reproduceCommand({ name: 'online-reinforce' }, { seed: 2 }) },
      ],
    };
  },
};
