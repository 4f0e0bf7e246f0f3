import { InputError } from '../errors/inputError.ts';
import type { ScenarioConfig } from '../model/config.ts';
import type { GameConfig } from '../model/gameConfig.ts';
import { usesGameFields } from '../model/gameFields.ts';
import type { BuiltInScenario } from './builtInScenario.ts';
import { findingScenarios } from './findingScenarios.ts';
import { onlineScenarios } from './online.ts';
import { seed1, seed2 } from './seed.ts';

export type { BuiltInScenario } from './builtInScenario.ts';

const single = (config: ScenarioConfig): BuiltInScenario => ({
  name: config.name ?? '',
  description: config.description ?? '',
  configs: [config],
});

/** Every built-in scenario, in the order `mesalab list` prints them. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  single(seed1),
  single(seed2),
  { name: 'seed', description: 'both experiments of the seed post (seed-1 and seed-2)', configs: [seed1, seed2] },
  ...findingScenarios(),
  ...onlineScenarios(),
];

/** A built-in whose configs are all in the seed family (none uses a game-only field). */
export interface SeedFamilyScenario extends BuiltInScenario {
  readonly configs: readonly ScenarioConfig[];
}

const isSeedFamily = (config: ScenarioConfig | GameConfig): config is ScenarioConfig => !usesGameFields(config);

/** The built-ins in the seed family, in list order. */
export const SEED_FAMILY_SCENARIOS: readonly SeedFamilyScenario[] = BUILT_IN_SCENARIOS.filter((s): s is SeedFamilyScenario => s.configs.every(isSeedFamily));

/** The built-in scenario called `name`; an InputError listing the known ones otherwise. */
export function getBuiltInScenario(name: string): BuiltInScenario {
  const found = BUILT_IN_SCENARIOS.find((s) => s.name === name);
  if (!found) {
    throw new InputError('scenario', `unknown scenario "${name}"; known: ${BUILT_IN_SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return found;
}
