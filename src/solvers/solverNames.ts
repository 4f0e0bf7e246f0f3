/**
 * The names `--solver` accepts, `auto` first: a light module, so the CLI's help texts need no
 * solver (registry.ts checks at import time that this list matches SOLVER_NAMES).
 */
export const SOLVER_NAME_LIST: readonly string[] = ['auto', 'exact', 'lq', 'history', 'dp', 'neural', 'infinite-horizon', 'trained-discount', 'uncertain-deployment', 'corridor', 'grid', 'reference'];
