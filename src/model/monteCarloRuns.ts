// The Monte Carlo run counts of stochastic rollouts: a light module, so the CLI's option help needs
// no game engine.
export const DEFAULT_RUNS = 1000;
/** The most runs in one call (memory: runs × (N + 1) doubles per series). */
export const MAX_RUNS = 1_000_000;
