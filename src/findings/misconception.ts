/**
 * Finding: with a misconception about the base objective, does training correct the belief before
 * it aligns the goal? The belief game of DESIGN §3.3, solved exactly by the LQ solver.
 */
import type { GameResult } from '../experiment/gameExperiment.ts';
import { misconceptionScenario } from '../scenarios/findingScenarios.ts';
import { reproduceCommand, runScenario } from './runScenario.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import type { Finding, FindingReport } from './finding.ts';

export const MISCONCEPTION_SCHEDULES = [
  { label: 'seed-1: 1x20,0x80', spec: '1x20,0x80' },
  { label: 'seed-2: 1x100', spec: '1x100' },
  { label: 'slow: 0.1x100', spec: '0.1x100' },
  { label: 'slow, then deployment: 0.1x50,0x50', spec: '0.1x50,0x50' },
];
export const INITIAL_BELIEFS = [0.5, -0.5];

/** The settings of one run: `mesalab run misconception --set schedule=… --set parameters.beta.initial=…`. */
export const misconceptionSettings = (schedule: string, beta0: number) => ({ schedule, 'parameters.beta.initial': beta0 });

/** First episode at which |x_n − x_0| ≥ 10% of |x_0| (null if never). */
export function firstMove(column: Float64Array, upTo: number): number | null {
  const threshold = 0.1 * Math.abs(column[0]);
  for (let n = 1; n <= upTo; n++) if (Math.abs(column[n] - column[0]) >= threshold) return n;
  return null;
}

export interface MisconceptionRow {
  schedule: string;
  beta0: number;
  result: GameResult;
  /** Parameter values after the last training episode. */
  thetaAfter: number;
  betaAfter: number;
  thetaMoves: number | null;
  betaMoves: number | null;
}

export function misconceptionRuns(): MisconceptionRow[] {
  return MISCONCEPTION_SCHEDULES.flatMap(({ label, spec }) =>
    INITIAL_BELIEFS.map((beta0) => {
      const result = runScenario(misconceptionScenario, misconceptionSettings(spec, beta0)).game!;
      const t = result.trajectory;
      const trained = result.metrics.trainingEpisodes;
      return {
        schedule: label,
        beta0,
        result,
        thetaAfter: t.parameters.theta[trained],
        betaAfter: t.parameters.beta[trained],
        thetaMoves: firstMove(t.parameters.theta, trained),
        betaMoves: firstMove(t.parameters.beta, trained),
      };
    }),
  );
}

const describeMove = (n: number | null) => (n === null ? 'never' : `episode ${n}`);

/** Which parameter first moved by 10%, in words. */
function order(run: MisconceptionRow): string {
  const [t, b] = [run.thetaMoves ?? Infinity, run.betaMoves ?? Infinity];
  if (t === Infinity && b === Infinity) return 'neither parameter moves by 10%';
  if (t === b) return `both move by 10% at episode ${t}`;
  const at = (n: number | null) => (n === null ? 'never' : `at episode ${n}`);
  return b < t
    ? `the belief moves first (10% by episode ${b}; the goal ${at(run.thetaMoves)})`
    : `the goal moves first (10% by episode ${t}; the belief ${at(run.betaMoves)})`;
}

/** Which parameter changed more over training, relatively and absolutely, in words. */
function extent(run: MisconceptionRow, rel: (after: number, before: number) => number): string {
  const relTheta = rel(run.thetaAfter, 0.8);
  const relBeta = rel(run.betaAfter, run.beta0);
  const absTheta = run.thetaAfter - 0.8;
  const absBeta = run.betaAfter - run.beta0;
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const relWinner = Math.abs(relTheta) > Math.abs(relBeta) ? 'goal' : 'belief';
  const absWinner = Math.abs(absTheta) > Math.abs(absBeta) ? 'goal' : 'belief';
  const agree = relWinner === absWinner ? `the ${relWinner} changes more both relatively and absolutely` : `the ${relWinner} changes more relatively but the ${absWinner} more absolutely`;
  const first = (run.betaMoves ?? Infinity) < (run.thetaMoves ?? Infinity) ? 'belief' : 'goal';
  return `${first === relWinner ? 'and' : 'but'} by the end of training ${agree}: θ by ${percent(relTheta)} (${formatNumber(absTheta)}), β by ${percent(relBeta)} (${formatNumber(absBeta)})`;
}

export const misconceptionFinding: Finding = {
  name: 'misconception',
  title: 'A misconception about the base objective',
  question: 'If the mesa-optimizer misunderstands the base objective, does training correct its belief (β → 0) before it aligns its goal (θ → 0)?',
  model: `
Parameters θ (goal, θ₀ = 0.8) and β (belief, β₀ = ±0.5); policy y = k_θ·θ + k_β·β, the action
being (k_θ, k_β). The true base loss is y², so θ′ = θ − 2ℓy·k_θ and β′ = β − 2ℓy·k_β. Agent n
believes the base loss is (y − b)² with b = β_n held fixed over its horizon, so it predicts
θ′ = θ − 2ℓ(y − b)k_θ and β′ = β − 2ℓ(y − b)k_β, and minimises Σ_k (y_k − θ_n)² averaged over the
prior: θ and β independent, each uniform on linspace(−1, 1, 5) (only the second moments matter:
E[θ²] = E[β²] = 0.5, E[θβ] = 0). Solved exactly by the LQ solver (state (θ, β, b)). "Moves" is the
first episode at which a parameter has changed by 10% of its initial value.`,
  compute(): FindingReport {
    const runs = misconceptionRuns();
    const slow = runs.find((r) => r.schedule.startsWith('slow: ') && r.beta0 === 0.5)!;
    const seed2 = runs.find((r) => r.schedule.startsWith('seed-2') && r.beta0 === 0.5)!;
    const seed1 = runs.find((r) => r.schedule.startsWith('seed-1') && r.beta0 === 0.5)!;
    const trajectory = (run: MisconceptionRow, title: string) => {
      const t = run.result.trajectory;
      const episodes = run.result.metrics.trainingEpisodes;
      return linePlotSpec({
        rows: Array.from({ length: episodes + 1 }, (_, n) => ({ episode: n, 'goal θ': t.parameters.theta[n], 'belief β': t.parameters.beta[n], 'k_θ': n < episodes ? t.actions.k_theta[n] : null, 'k_β': n < episodes ? t.actions.k_beta[n] : null })),
        x: 'episode',
        series: ['goal θ', 'belief β', 'k_θ', 'k_β'],
        title,
        xLabel: 'Episode',
        yLabel: 'Value',
      });
    };
    const rel = (after: number, before: number) => after / before - 1;
    const answer = [
      `Short training does neither: on seed-1's schedule the agents output almost nothing (first action k_θ = ${formatNumber(seed1.result.metrics.firstAction.k_theta)}, k_β = ${formatNumber(seed1.result.metrics.firstAction.k_beta)}), so θ ends at ${formatNumber(seed1.thetaAfter)} and β at ${formatNumber(seed1.betaAfter)}.`,
      `Under slow, long training (ℓ = 0.1 for 100 episodes, β₀ = 0.5) ${order(slow)}, ${extent(slow, rel)}.`,
      `On seed-2's schedule (ℓ = 1) ${order(seed2)}; θ ends at ${formatNumber(seed2.thetaAfter)} (ℓ = 1 flips an honest agent's goal) and β at ${formatNumber(seed2.betaAfter)}.`,
    ].join(' ');
    return {
      table: {
        columns: ['schedule', 'β₀', 'θ after training', 'β after training', 'θ relative change', 'β relative change', 'θ moves at', 'β moves at'],
        rows: runs.map((r) => [r.schedule, r.beta0, r.thetaAfter, r.betaAfter, rel(r.thetaAfter, 0.8), rel(r.betaAfter, r.beta0), describeMove(r.thetaMoves), describeMove(r.betaMoves)]),
      },
      figures: [
        { id: 'slow', caption: 'Goal θ, belief β and the actions under slow training (ℓ = 0.1, 100 episodes, β₀ = 0.5)', spec: trajectory(slow, 'Slow training: goal and belief') },
        { id: 'seed-2', caption: "Goal θ, belief β and the actions on seed-2's schedule (ℓ = 1, 100 episodes, β₀ = 0.5)", spec: trajectory(seed2, 'Seed-2 schedule: goal and belief') },
      ],
      answer,
      reproduce: [
        { what: 'slow training from β₀ = 0.5', command: reproduceCommand(misconceptionScenario) },
        { what: 'seed-2’s schedule from β₀ = −0.5', command: reproduceCommand(misconceptionScenario, misconceptionSettings('1x100', -0.5)) },
      ],
    };
  },
};
