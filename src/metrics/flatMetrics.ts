/**
 * One flat metrics record for every run, as sweeps record it: a seed-family run's Metrics as they
 * are; a game's metrics flattened with dotted names (firstAction.k_theta, finalParameters.beta,
 * …), plus the seed's names where they mean the same thing — firstCoefficient and
 * meanTrainingCoefficient for a linear policy with one coefficient a, finalTheta for a parameter
 * θ — so one sweep file asks for the same metric whichever pipeline runs its points.
 */
import type { Game } from '../model/game.ts';
import { actionNames } from '../model/game.ts';
import { extensionMetricNames } from '../model/extensions.ts';
import type { GameMetrics } from './gameMetrics.ts';
import type { Metrics } from './metrics.ts';

export type FlatMetrics = Record<string, number | null>;

export function flatSeedMetrics(m: Metrics): FlatMetrics {
  return { ...m };
}

export function flatGameMetrics(m: GameMetrics): FlatMetrics {
  const flat: FlatMetrics = {};
  for (const [name, value] of Object.entries(m.firstAction)) flat[`firstAction.${name}`] = value;
  for (const [name, value] of Object.entries(m.meanTrainingAction)) flat[`meanTrainingAction.${name}`] = value;
  if ('a' in m.firstAction && Object.keys(m.firstAction).length === 1) {
    flat.firstCoefficient = m.firstAction.a;
    flat.meanTrainingCoefficient = m.meanTrainingAction.a;
  }
  flat.goalRetained = m.goalRetained;
  for (const [name, value] of Object.entries(m.finalParameters)) flat[`finalParameters.${name}`] = value;
  if ('theta' in m.finalParameters) flat.finalTheta = m.finalParameters.theta;
  flat.trainingBaseLoss = m.trainingBaseLoss;
  flat.totalMesaLoss = m.totalMesaLoss;
  flat.trainingEpisodes = m.trainingEpisodes;
  for (const [name, value] of Object.entries(m.extension ?? {})) flat[name] = value;
  return flat;
}

/** The names flatGameMetrics gives for this game, known before it is solved. */
export function gameMetricNames(game: Game): string[] {
  const actions = actionNames(game);
  const parameters = game.parameters.map((p) => p.name);
  return [
    ...actions.map((a) => `firstAction.${a}`),
    ...actions.map((a) => `meanTrainingAction.${a}`),
    ...(actions.length === 1 && actions[0] === 'a' ? ['firstCoefficient', 'meanTrainingCoefficient'] : []),
    'goalRetained',
    ...parameters.map((p) => `finalParameters.${p}`),
    ...(parameters.includes('theta') ? ['finalTheta'] : []),
    'trainingBaseLoss',
    'totalMesaLoss',
    'trainingEpisodes',
    ...extensionMetricNames(game),
  ];
}
