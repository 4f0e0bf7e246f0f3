/**
 * The names `--solver` accepts, for help texts: a light module, so printing help does not load
 * every solver (gameRegistry.ts checks at import time that this list matches the registry).
 */
export const GAME_SOLVER_NAME_LIST = ['auto', 'exact', 'lq', 'history', 'dp', 'neural', 'grid', 'reference'] as const;
