import { InputError } from '../model/inputError.ts';
import type { ScenarioConfig } from '../model/config.ts';
import { seed1, seed2 } from './seed.ts';

/** A built-in scenario: one or more configs run together under one name. */
export interface BuiltInScenario {
  readonly name: string;
  readonly description: string;
  readonly configs: readonly ScenarioConfig[];
}

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
];

/** The built-in scenario called `name`; an InputError listing the known ones otherwise. */
export function getBuiltInScenario(name: string): BuiltInScenario {
  const found = BUILT_IN_SCENARIOS.find((s) => s.name === name);
  if (!found) {
    throw new InputError('scenario', `unknown scenario "${name}"; known: ${BUILT_IN_SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return found;
}
