/**
 * The misconception finding's runs: on each schedule and initial belief β₀, the misconceived agent
 * (the misconception built-in: believed loss (y − b)², b = β) and a correctly informed one (the same
 * game with the believed loss set to the true y²), each `mesalab run misconception --set …`.
 * Which parameter moves "first" and "more" is compared by relative change (x_n − x₀)/x₀ and by
 * absolute change x_n − x₀, in size: once at the first episode at which either parameter has moved,
 * once at the end of training.
 */
import { misconceptionScenario } from '../scenarios/findingScenarios.ts';
import { metric, runScenario, type Settings } from './runScenario.ts';

/** Named schedules (two with deployment), then the sweep of learning rate × training length (no deployment; seed-2's and the slow schedule are points of it). */
export const NAMED_SCHEDULES = [
  { label: 'seed-1: 1x20,0x80', spec: '1x20,0x80' },
  { label: 'seed-2: 1x100', spec: '1x100' },
  { label: 'slow: 0.1x100', spec: '0.1x100' },
  { label: 'slow, then deployment: 0.1x50,0x50', spec: '0.1x50,0x50' },
];
export const SWEEP = { rates: [0.01, 0.03, 0.1, 0.3, 1], trainings: [5, 10, 20, 50, 100, 200] };
export const INITIAL_BELIEFS = [0.5, -0.5];
export const THETA0 = 0.8;

/** Changes smaller than this are rounding, not movement (the LQ solver's rounding is about 1e−15). */
export const NO_MOVE = 1e-9;

export interface MisconceptionSchedule {
  readonly label: string;
  readonly spec: string;
  /** ℓ and T of a sweep point; null for a named schedule. */
  readonly rate: number | null;
  readonly training: number | null;
}

/** Each schedule once: the sweep's points (named where they are a named schedule), then the named schedules off the sweep. */
export function misconceptionSchedules(): MisconceptionSchedule[] {
  const label = (spec: string) => NAMED_SCHEDULES.find((s) => s.spec === spec)?.label ?? spec;
  const sweep = SWEEP.rates.flatMap((rate) => SWEEP.trainings.map((training) => ({ label: label(`${rate}x${training}`), spec: `${rate}x${training}`, rate, training })));
  const offSweep = NAMED_SCHEDULES.filter((s) => !sweep.some((p) => p.spec === s.spec)).map((s) => ({ ...s, rate: null, training: null }));
  return [...offSweep, ...sweep];
}

/** The correctly informed agent: it believes the true base loss. */
export const INFORMED = { believedObjective: 'y^2' } as const;

/** The settings of one run: `mesalab run misconception --set schedule=… --set parameters.beta.initial=…` (and the informed agent's belief). */
export const misconceptionSettings = (schedule: string, beta0: number, informed = false): Settings => ({
  schedule,
  'parameters.beta.initial': beta0,
  ...(informed ? INFORMED : {}),
});

/** The parameter that has moved more; 'equal' for changes within EQUAL of each other. */
export type Parameter = 'goal' | 'belief' | 'equal';

/** Changes within this relative difference count as equal (seed-1's |θ_T − θ₀| and |β_T − β₀| agree to 2e−5). */
export const EQUAL = 1e-3;

/** Which parameter has moved more, by relative and by absolute change. */
export interface Comparison {
  readonly relative: Parameter;
  readonly absolute: Parameter;
}

export interface AgentRun {
  readonly firstAction: { readonly kTheta: number; readonly kBeta: number };
  readonly goalRetained: number;
  readonly theta: Float64Array;
  readonly beta: Float64Array;
  readonly kTheta: Float64Array;
  readonly kBeta: Float64Array;
  readonly trainingEpisodes: number;
}

export interface MisconceptionRun {
  readonly schedule: MisconceptionSchedule;
  readonly beta0: number;
  readonly misconceived: AgentRun;
  readonly informed: AgentRun;
  /** The misconceived agent's changes over training, θ_T − θ₀ and β_T − β₀. */
  readonly thetaChange: number;
  readonly betaChange: number;
  /** The first episode n at which |θ_n − θ₀| or |β_n − β₀| exceeds NO_MOVE (null: neither moves in training), and who leads there. */
  readonly firstMoveEpisode: number | null;
  readonly first: Comparison | null;
  /** Who has moved more by the end of training (null: neither has moved by more than NO_MOVE). */
  readonly end: Comparison | null;
}

function agentRun(settings: Settings): AgentRun {
  const run = runScenario(misconceptionScenario, settings);
  const t = run.trajectory;
  return {
    firstAction: { kTheta: metric(run, 'firstAction.k_theta'), kBeta: metric(run, 'firstAction.k_beta') },
    goalRetained: metric(run, 'goalRetained'),
    theta: t.parameters.theta,
    beta: t.parameters.beta,
    kTheta: t.actions.k_theta,
    kBeta: t.actions.k_beta,
    trainingEpisodes: metric(run, 'trainingEpisodes'),
  };
}

const larger = (goal: number, belief: number): Parameter => (Math.abs(belief - goal) <= EQUAL * Math.max(belief, goal) ? 'equal' : belief > goal ? 'belief' : 'goal');

/** Who has moved more at episode n, relatively and absolutely. */
export function compareAt(run: Pick<AgentRun, 'theta' | 'beta'>, n: number): Comparison {
  const [dTheta, dBeta] = [Math.abs(run.theta[n] - run.theta[0]), Math.abs(run.beta[n] - run.beta[0])];
  return { relative: larger(dTheta / Math.abs(run.theta[0]), dBeta / Math.abs(run.beta[0])), absolute: larger(dTheta, dBeta) };
}

const moved = (run: Pick<AgentRun, 'theta' | 'beta'>, n: number) => Math.abs(run.theta[n] - run.theta[0]) > NO_MOVE || Math.abs(run.beta[n] - run.beta[0]) > NO_MOVE;

/** The first episode (1 … upTo) at which either parameter has moved by more than NO_MOVE. */
export function firstMove(run: Pick<AgentRun, 'theta' | 'beta'>, upTo: number): number | null {
  for (let n = 1; n <= upTo; n++) if (moved(run, n)) return n;
  return null;
}

export function misconceptionRun(schedule: MisconceptionSchedule, beta0: number): MisconceptionRun {
  const misconceived = agentRun(misconceptionSettings(schedule.spec, beta0));
  const informed = agentRun(misconceptionSettings(schedule.spec, beta0, true));
  const T = misconceived.trainingEpisodes;
  const firstMoveEpisode = firstMove(misconceived, T);
  return {
    schedule,
    beta0,
    misconceived,
    informed,
    thetaChange: misconceived.theta[T] - misconceived.theta[0],
    betaChange: misconceived.beta[T] - misconceived.beta[0],
    firstMoveEpisode,
    first: firstMoveEpisode === null ? null : compareAt(misconceived, firstMoveEpisode),
    end: moved(misconceived, T) ? compareAt(misconceived, T) : null,
  };
}

/** Every schedule from every initial belief. */
export function misconceptionRuns(): MisconceptionRun[] {
  return misconceptionSchedules().flatMap((schedule) => INITIAL_BELIEFS.map((beta0) => misconceptionRun(schedule, beta0)));
}
