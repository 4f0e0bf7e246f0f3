import type { ScenarioConfig } from '../model/config.ts';
import type { GameConfig } from '../model/gameConfig.ts';

/** A built-in scenario: one or more configs run together under one name. */
export interface BuiltInScenario {
  readonly name: string;
  readonly description: string;
  /** The findings section (finding name) it reproduces, if any: the explorer groups by it. */
  readonly section?: string;
  /** Seed-family configs, or general game configs (run by the game pipeline). */
  readonly configs: readonly (ScenarioConfig | GameConfig)[];
}
