import { EXTENSION_FIELDS } from './extensionFields.ts';

/** The fields only a game config has: a config without any of them is in the seed family. */
export const GAME_ONLY_FIELDS = ['parameters', 'goal', 'policy', 'baseObjective', 'believedObjective', 'frozen', 'mesaCost', 'update', ...EXTENSION_FIELDS] as const;

/** True when `config` uses a field of the general game schema. */
export function usesGameFields(config: unknown): boolean {
  return typeof config === 'object' && config !== null && GAME_ONLY_FIELDS.some((field) => field in config);
}
