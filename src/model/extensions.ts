/**
 * The extensions of DESIGN §3 as fields of the one scenario schema: each is a block a scenario
 * file may hold, validated here and carried on the Game for the registered solver that plays it.
 *
 *   trainedDiscount  γ trained by the base optimizer (§3.1): γ₀, the evaluator's convention, grids;
 *   deployment       training ends at an uncertain time (a hazard or a uniform training length)
 *                    and an observation x ~ N(0, 1) in training, N(δ, 1) in deployment (§3.5);
 *   horizon          'stationary' (constant ℓ, γ < 1, played for ever) or 'endless-deployment'
 *                    (the schedule's training, then deployment that never ends) (§3.6);
 *   corridor         the corridor of Risks from Learned Optimization (§3.7): T training and D
 *                    deployment episodes from the schedule, the discount from `discount`.
 */
import { z } from 'zod';
import { InputError } from '../errors/inputError.ts';
import { checkRange } from './numbers.ts';

import { EXTENSION_FIELDS, type ExtensionField } from './extensionFields.ts';

export { EXTENSION_FIELDS, type ExtensionField } from './extensionFields.ts';

/** The γ grid of a trained discount (DESIGN §3.1), its θ² grid, and κ, the scale of γ's step. */
export interface TrainedDiscountSetting {
  /** γ₀ ∈ [0, 1]. */
  readonly initial: number;
  /** Evaluator convention (§3.1): each agent evaluates its future with its own γ_n held fixed. */
  readonly evaluator: 'own-fixed';
  /** Nodes of the γ grid on [0, 1] (tabulation resolution). */
  readonly nodes: number;
  /** Nodes of the θ² grid. */
  readonly squareNodes: number;
  /** κ ≥ 0: γ's step is κ·ℓ·∂y²/∂γ. */
  readonly stepScale: number;
}

/** When training ends, and what the agent observes (DESIGN §3.5). */
export interface DeploymentSetting {
  /** A constant hazard h per training episode, or a uniform training length on min … max. */
  readonly start: { readonly type: 'hazard'; readonly hazard: number } | { readonly type: 'uniform'; readonly min: number; readonly max: number };
  /** δ, the observation's shift at deployment; Infinity when the agent observes its phase. */
  readonly shift: number;
  /** Width of the observation's bins, and how far past the two means they reach. */
  readonly binWidth: number;
  readonly margin: number;
  /** The episode whose coefficient a_n(x) is reported at x = 0 (the training mean) and x = δ. */
  readonly probeEpisode: number;
}

export type HorizonSetting = 'finite' | 'stationary' | 'endless-deployment';

/** What a Game carries of the extensions (all absent in the seed family). */
export interface GameExtensions {
  readonly trainedDiscount?: TrainedDiscountSetting;
  readonly deployment?: DeploymentSetting;
  /** Absent: finite. */
  readonly horizon?: Exclude<HorizonSetting, 'finite'>;
  readonly corridor?: true;
}

const nodes = z.number().int().min(3).max(401);

export const extensionSchemas = {
  /** γ trained by the base optimizer; `discount` must then be absent (γ₀ is `initial`). */
  trainedDiscount: z
    .strictObject({
      initial: z.number(),
      evaluator: z.literal('own-fixed').default('own-fixed'),
      nodes: nodes.default(31),
      squareNodes: nodes.default(11),
      stepScale: z.number().default(1),
    })
    .optional(),
  /** Training ends at an uncertain time: `hazard`, or `trainingLength: {min, max}`. */
  deployment: z
    .strictObject({
      hazard: z.number().optional(),
      trainingLength: z.strictObject({ min: z.number().int(), max: z.number().int() }).optional(),
      /** δ, or "observed" (δ = ∞: the agent sees its phase). */
      shift: z.union([z.number(), z.literal('observed')]).default(0),
      binWidth: z.number().default(0.05),
      margin: z.number().default(8),
      /** The episode whose a_n(x) the metrics report at x = 0 and x = δ. */
      probeEpisode: z.number().int().min(0).default(0),
    })
    .optional(),
  horizon: z.enum(['finite', 'stationary', 'endless-deployment']).optional(),
  corridor: z.boolean().optional(),
};

type ExtensionInput = { [K in keyof typeof extensionSchemas]?: z.output<(typeof extensionSchemas)[K]> };

/** The extensions a validated config asks for, checked against each other and the episode count. */
export function buildExtensions(c: ExtensionInput & { discount?: number }, episodes: number): GameExtensions {
  const used = EXTENSION_FIELDS.filter((f) => c[f] !== undefined && c[f] !== false && c[f] !== 'finite');
  if (used.length > 1) throw new InputError(used.join(' + '), `${used.join(' and ')} cannot be combined: no solver plays both; use one of them`);
  return {
    ...(c.trainedDiscount ? { trainedDiscount: trainedDiscount(c.trainedDiscount, c.discount) } : {}),
    ...(c.deployment ? { deployment: deployment(c.deployment, episodes) } : {}),
    ...(c.horizon && c.horizon !== 'finite' ? { horizon: c.horizon } : {}),
    ...(c.corridor ? { corridor: true as const } : {}),
  };
}

function trainedDiscount(t: NonNullable<ExtensionInput['trainedDiscount']>, discount: number | undefined): TrainedDiscountSetting {
  if (discount !== undefined) throw new InputError('discount', 'clashes with trainedDiscount: a trained discount starts at trainedDiscount.initial; remove discount');
  return {
    initial: checkRange(t.initial, 'trainedDiscount.initial', 0, 1),
    evaluator: t.evaluator,
    nodes: t.nodes,
    squareNodes: t.squareNodes,
    stepScale: checkRange(t.stepScale, 'trainedDiscount.stepScale', 0),
  };
}

function deployment(d: NonNullable<ExtensionInput['deployment']>, episodes: number): DeploymentSetting {
  if ((d.hazard === undefined) === (d.trainingLength === undefined)) {
    throw new InputError('deployment', 'needs exactly one of hazard (per training episode) or trainingLength: {min, max}');
  }
  let start: DeploymentSetting['start'];
  if (d.hazard !== undefined) start = { type: 'hazard', hazard: checkRange(d.hazard, 'deployment.hazard', 0, 1) };
  else {
    const { min, max } = d.trainingLength!;
    if (!(min >= 0 && min <= max && max <= episodes)) throw new InputError('deployment.trainingLength', `needs 0 ≤ min ≤ max ≤ ${episodes} (the schedule's episodes), got ${min} … ${max}`);
    start = { type: 'uniform', min, max };
  }
  const shift = d.shift === 'observed' ? Infinity : checkRange(d.shift, 'deployment.shift');
  if (d.probeEpisode >= episodes) throw new InputError('deployment.probeEpisode', `must be an episode of the schedule, 0 to ${episodes - 1}, got ${d.probeEpisode}`);
  return { start, shift, binWidth: checkRange(d.binWidth, 'deployment.binWidth', 1e-4, 10), margin: checkRange(d.margin, 'deployment.margin', 1, 50), probeEpisode: d.probeEpisode };
}

/** The extension a game uses, if any (at most one: buildExtensions refuses combinations). */
export function extensionOf(game: GameExtensions): ExtensionField | null {
  return EXTENSION_FIELDS.find((f) => game[f] !== undefined) ?? null;
}

/** The metrics (flat names) an extension's solver records besides the generic ones. */
const EXTENSION_METRICS: Record<ExtensionField, readonly string[]> = {
  trainedDiscount: ['finalDiscount', 'episodesToOne', 'firstSlope'],
  deployment: ['meanDeploymentCoefficient', 'expectedTrainingEpisodes', 'probeAtTrainingMean', 'probeAtDeploymentMean'],
  horizon: ['stationaryEquilibria'],
  corridor: ['reachesB', 'deceptiveValue', 'decision'],
};

export function extensionMetricNames(game: GameExtensions): readonly string[] {
  const used = extensionOf(game);
  return used === null ? [] : EXTENSION_METRICS[used];
}
