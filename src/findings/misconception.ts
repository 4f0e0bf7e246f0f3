/**
 * Finding: with a misconception about the base objective, does training correct the belief before
 * it aligns the goal? The belief game of DESIGN §3.3, solved exactly by the LQ solver, against a
 * correctly informed agent on the same schedules, over a sweep of learning rates and lengths
 * (misconceptionRuns.ts).
 */
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { misconceptionScenario } from '../scenarios/findingScenarios.ts';
import { INITIAL_BELIEFS, misconceptionRuns, misconceptionSettings, NO_MOVE, EQUAL, SWEEP, THETA0, type Comparison, type MisconceptionRun, type Parameter } from './misconceptionRuns.ts';
import { reproduceCommand } from './runScenario.ts';
import { signedHeatmapSpec } from './signedHeatmap.ts';
import type { Finding, FindingFigure, FindingReport, FindingTable } from './finding.ts';

export const misconceptionFinding: Finding = {
  name: 'misconception',
  title: 'A misconception about the base objective',
  question: 'If the mesa-optimizer misunderstands the base objective, does training correct its belief (β → 0) before it aligns its goal (θ → 0)?',
  model: `
Parameters θ (goal, θ₀ = ${THETA0}) and β (belief, β₀ = ±0.5); policy y = k_θ·θ + k_β·β, the action
being (k_θ, k_β). The true base loss is y², so θ′ = θ − 2ℓy·k_θ and β′ = β − 2ℓy·k_β. Agent n
believes the base loss is (y − b)² with b = β_n held fixed over its horizon, so it predicts
θ′ = θ − 2ℓ(y − b)k_θ and β′ = β − 2ℓ(y − b)k_β, and minimises Σ_k (y_k − θ_n)² averaged over the
prior: θ and β independent, each uniform on linspace(−1, 1, 5) (only the second moments matter:
E[θ²] = E[β²] = 0.5, E[θβ] = 0). Solved exactly by the LQ solver (state (θ, β, b)). The
**informed** agent is the same game with the believed loss set to the true one, y²
(\`--set believedObjective=y^2\`). Plans are chosen before θ and β are known, so the first action
does not depend on β₀. Schedules: seed-1's and seed-2's (ℓ = 1), slow training (ℓ = 0.1) with and
without deployment, and a sweep of ℓ ∈ {${SWEEP.rates.join(', ')}} × T ∈ {${SWEEP.trainings.join(', ')}} training
episodes with no deployment. Which parameter has moved more is compared in size by relative change
(x_n − x₀)/x₀ and by absolute change x_n − x₀, at two moments: the first episode at which either
has moved (by more than ${NO_MOVE}; the solver's rounding is about 1e−15) and the end of training.
Changes within a relative ${EQUAL} of each other count as equal.`,
  compute(): FindingReport {
    const runs = misconceptionRuns();
    return {
      table: table(runs),
      figures: figures(runs),
      answer: misconceptionAnswer(runs),
      reproduce: [
        { what: 'slow training from β₀ = 0.5, misconceived', command: reproduceCommand(misconceptionScenario) },
        { what: 'the same, informed', command: reproduceCommand(misconceptionScenario, misconceptionSettings('0.1x100', 0.5, true)) },
        { what: 'a sweep point, ℓ = 0.3 and T = 100, from β₀ = 0.5', command: reproduceCommand(misconceptionScenario, misconceptionSettings('0.3x100', 0.5)) },
        { what: 'seed-2’s schedule from β₀ = −0.5', command: reproduceCommand(misconceptionScenario, misconceptionSettings('1x100', -0.5)) },
      ],
    };
  },
};

const inWords = (c: Comparison | null, measure: keyof Comparison) => (c === null ? 'neither moves' : c[measure] === 'equal' ? 'equal' : c[measure]);

function table(runs: readonly MisconceptionRun[]): FindingTable {
  return {
    columns: [
      'schedule',
      'β₀',
      'first k_θ',
      'first k_β',
      'first k_θ, informed',
      'first k_β, informed',
      'goal retained',
      'goal retained, informed',
      'θ change',
      'β change',
      'θ relative change',
      'β relative change',
      'first move at episode',
      'moved more then, relatively',
      'moved more then, absolutely',
      'moved more by the end, relatively',
      'moved more by the end, absolutely',
    ],
    rows: runs.map((r) => [
      r.schedule.label,
      r.beta0,
      r.misconceived.firstAction.kTheta,
      r.misconceived.firstAction.kBeta,
      r.informed.firstAction.kTheta,
      r.informed.firstAction.kBeta,
      r.misconceived.goalRetained,
      r.informed.goalRetained,
      r.thetaChange,
      r.betaChange,
      r.thetaChange / THETA0,
      r.betaChange / r.beta0,
      r.firstMoveEpisode,
      inWords(r.first, 'relative'),
      inWords(r.first, 'absolute'),
      inWords(r.end, 'relative'),
      inWords(r.end, 'absolute'),
    ]),
  };
}

/** The two moments at which the parameters' changes are compared: the first move and the end of training. */
type Moment = 'first' | 'end';

/**
 * log₁₀ of the belief's change over the goal's at a moment, by relative or absolute size
 * (> 0: the belief has moved more); null where neither has moved (no first move in training).
 */
function movedRatio(r: MisconceptionRun, moment: Moment, measure: keyof Comparison): number | null {
  const { theta, beta, trainingEpisodes } = r.misconceived;
  const n = moment === 'first' ? r.firstMoveEpisode : trainingEpisodes;
  if (n === null) return null;
  const scale = (x0: number) => (measure === 'relative' ? Math.abs(x0) : 1);
  return Math.log10(Math.abs(beta[n] - beta[0]) / scale(beta[0]) / (Math.abs(theta[n] - theta[0]) / scale(theta[0])));
}

function figures(runs: readonly MisconceptionRun[]): FindingFigure[] {
  const trajectory = (run: MisconceptionRun, title: string) => {
    const { misconceived: m, informed: i } = run;
    const episodes = m.trainingEpisodes;
    return linePlotSpec({
      rows: Array.from({ length: episodes + 1 }, (_, n) => ({
        episode: n,
        'goal θ': m.theta[n],
        'belief β': m.beta[n],
        'k_θ': n < episodes ? m.kTheta[n] : null,
        'k_β': n < episodes ? m.kBeta[n] : null,
        'goal θ, informed': i.theta[n],
      })),
      x: 'episode',
      series: ['goal θ', 'belief β', 'k_θ', 'k_β', 'goal θ, informed'],
      title,
      xLabel: 'Episode',
      yLabel: 'Value',
    });
  };
  const beta0 = INITIAL_BELIEFS[0];
  const sweep = runs.filter((r) => r.schedule.rate !== null && r.beta0 === beta0);
  const ratioMap = (moment: Moment, measure: keyof Comparison): FindingFigure => {
    const label = `log₁₀(|${measure === 'relative' ? 'Δβ/β₀' : 'Δβ'}| / |${measure === 'relative' ? 'Δθ/θ₀' : 'Δθ'}|)`;
    const when = moment === 'first' ? 'at the first episode at which either has moved' : 'by the end of training';
    return {
      id: `${moment}-${measure}`,
      caption: `Which parameter has moved more ${when}, by ${measure} change: ${label} over learning rate × training length, β₀ = ${beta0} (blue: the belief, red: the goal; grey: neither moved)`,
      spec: signedHeatmapSpec(
        {
          rows: sweep.map((r) => ({ rate: r.schedule.rate, training: r.schedule.training, ratio: movedRatio(r, moment, measure) })),
          x: 'training',
          y: 'rate',
          value: 'ratio',
          title: `Belief against goal, ${measure} change ${moment === 'first' ? 'at the first move' : 'by the end of training'} (β₀ = ${beta0})`,
          xLabel: 'training episodes T',
          yLabel: 'learning rate ℓ',
          valueLabel: label,
        },
        1,
      ),
    };
  };
  return [
    { id: 'slow', caption: 'Goal θ, belief β and the actions under slow training (ℓ = 0.1, 100 episodes, β₀ = 0.5), with the informed agent’s goal', spec: trajectory(named(runs, 'slow: ', 0.5), 'Slow training: goal and belief') },
    { id: 'seed-2', caption: "Goal θ, belief β and the actions on seed-2's schedule (ℓ = 1, 100 episodes, β₀ = 0.5), with the informed agent’s goal", spec: trajectory(named(runs, 'seed-2', 0.5), 'Seed-2 schedule: goal and belief') },
    ...(['first', 'end'] as const).flatMap((moment) => (['relative', 'absolute'] as const).map((measure) => ratioMap(moment, measure))),
  ];
}

const named = (runs: readonly MisconceptionRun[], prefix: string, beta0: number) => runs.find((r) => r.schedule.label.startsWith(prefix) && r.beta0 === beta0)!;

/** Runs in words, schedules grouped by their initial beliefs: "0.3x100, 0.3x200 at both β₀; 0.1x50,0x50 at β₀ = 0.5". */
function runList(runs: readonly MisconceptionRun[]): string {
  const beliefs = new Map<string, number[]>();
  for (const r of runs) beliefs.set(r.schedule.spec, [...(beliefs.get(r.schedule.spec) ?? []), r.beta0]);
  const groups = new Map<string, string[]>();
  for (const [spec, b] of beliefs) {
    const key = b.length === INITIAL_BELIEFS.length ? 'both β₀' : `β₀ = ${b.join(', ')}`;
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  return [...groups].map(([key, specs]) => `${specs.join(', ')} at ${key}`).join('; ');
}

/** The runs by what the two measures say: "the goal has moved more by both measures on 36 of the 64 runs, the belief on 24; the measures disagree on …". */
function verdicts(runs: readonly MisconceptionRun[], at: (r: MisconceptionRun) => Comparison | null): string {
  const agreeing = (p: Parameter) => runs.filter((r) => at(r)?.relative === p && at(r)?.absolute === p);
  // A short list is named; a long one is in the table.
  const count = (these: readonly MisconceptionRun[]) => `${these.length}${these.length > 0 && these.length <= 4 ? ` (${runList(these)})` : ''}`;
  const parts = [`the goal has moved more by both measures on ${count(agreeing('goal'))} of the ${runs.length} runs`, `the belief on ${count(agreeing('belief'))}`];
  if (agreeing('equal').length > 0) parts.push(`the two equally on ${count(agreeing('equal'))}`);
  const neither = runs.filter((r) => at(r) === null).length;
  if (neither > 0) parts.push(`neither has moved on ${neither}`);
  const disagree = runs.filter((r) => at(r) !== null && at(r)!.relative !== at(r)!.absolute);
  const kind = (r: MisconceptionRun) => `${at(r)!.relative}/${at(r)!.absolute}`;
  const side = (p: string, how: string) => (p === 'equal' ? `the two equally ${how}` : `the ${p} more ${how}`);
  const groups = [...new Set(disagree.map(kind))].map((k) => {
    const [rel, abs] = k.split('/');
    return `${side(rel, 'relatively')} but ${side(abs, 'absolutely')} on ${runList(disagree.filter((r) => kind(r) === k))}`;
  });
  return `${parts.join(', ')}; ${groups.length === 0 ? 'the measures never disagree' : `the measures disagree on ${disagree.length}: ${groups.join('; ')}`}`;
}

/** Who leads by a comparison, in words: "the belief", or "the belief relatively and the goal absolutely". */
function leader(c: Comparison | null): string {
  if (c === null) return 'neither';
  const who = (p: Parameter) => (p === 'equal' ? 'neither' : `the ${p}`);
  return c.relative === c.absolute ? who(c.relative) : `${who(c.relative)} relatively and ${who(c.absolute)} absolutely`;
}

/** The answer, built from the runs (exported so a test can build it from an independent reference). */
export function misconceptionAnswer(runs: readonly MisconceptionRun[]): string {
  const f = formatNumber;
  // Below NO_MOVE an action is rounding: its digits are not a result.
  const action = (k: number) => (Math.abs(k) < NO_MOVE ? `≈ 0 (|k_θ| < ${NO_MOVE})` : f(k));
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const schedules = [...new Map(runs.map((r) => [r.schedule.spec, r])).values()];
  const lower = schedules.filter((r) => r.misconceived.firstAction.kTheta < r.informed.firstAction.kTheta);
  const keepsMore = runs.filter((r) => Math.abs(r.misconceived.goalRetained) > Math.abs(r.informed.goalRetained));
  const informedBeta = Math.max(...runs.map((r) => r.informed.kBeta.reduce((m, k) => Math.max(m, Math.abs(k)), 0)));
  const fastest = runs.filter((r) => r.schedule.rate === Math.max(...SWEEP.rates));
  const boldestFast = Math.max(...fastest.map((r) => r.misconceived.firstAction.kTheta));
  const firsts = new Set(runs.map((r) => leader(r.first)));
  const slow = named(runs, 'slow: ', 0.5);
  const seed1 = named(runs, 'seed-1', 0.5);
  const seed2 = named(runs, 'seed-2', 0.5);
  const T = seed2.misconceived.trainingEpisodes;
  return [
    `Against a correctly informed agent (believed loss y², the true one) on the same schedules, the misconception makes the agent hide its goal more${lower.length === schedules.length && keepsMore.length === runs.length ? ', not less' : ' on most of them'}: its first k_θ is below the informed agent's on ${lower.length} of ${schedules.length} schedules and it keeps more of its goal (larger |θ_T/θ₀|) on ${keepsMore.length} of ${runs.length} runs;`,
    `under slow training (ℓ = 0.1, 100 episodes, β₀ = 0.5) the first k_θ is ${action(slow.misconceived.firstAction.kTheta)} against ${action(slow.informed.firstAction.kTheta)} and the goal retained ${f(slow.misconceived.goalRetained)} against ${f(slow.informed.goalRetained)}, on seed-1's schedule ${action(seed1.misconceived.firstAction.kTheta)} against ${action(seed1.informed.firstAction.kTheta)} and ${f(seed1.misconceived.goalRetained)} against ${f(seed1.informed.goalRetained)}.`,
    `The informed agent ${informedBeta < NO_MOVE ? `never uses β (|k_β| < ${NO_MOVE} in every episode of every run)` : `hardly uses β (|k_β| ≤ ${f(informedBeta)})`}, so its β ${informedBeta < NO_MOVE ? 'does not move' : 'barely moves'}.`,
    `${firsts.size > 1 ? `Which parameter moves first depends on the schedule${runs.some((r) => r.first !== null && r.first.relative !== r.first.absolute) ? ' and, on some, on the measure' : ''}` : 'The same parameter moves first on every run'}: at the first episode in which either moves, ${verdicts(runs, (r) => r.first)}.`,
    `By the end of training ${verdicts(runs, (r) => r.end)}.`,
    `Under slow training (β₀ = 0.5) ${leader(slow.first)} leads at first and ${leader(slow.end)} by the end: θ changes by ${percent(slow.thetaChange / THETA0)} (${f(slow.thetaChange)}), β by ${percent(slow.betaChange / slow.beta0)} (${f(slow.betaChange)}).`,
    `At ℓ = ${Math.max(...SWEEP.rates)} the misconceived agents start almost still (first k_θ at most ${f(boldestFast)}): on seed-2's schedule neither parameter moves before episode ${seed2.firstMoveEpisode} of ${T}; the last training agent plays k_θ = ${f(seed2.misconceived.kTheta[T - 1])}, and θ ends at ${f(seed2.misconceived.theta[T])} and β at ${f(seed2.misconceived.beta[T])}.`,
  ].join(' ');
}
