/**
 * The findings' names in page order: a light module, so the CLI can tell a finding's name from a
 * scenario's without loading every solver (registry.ts checks at import time that it matches).
 */
export const FINDING_NAMES = ['discount', 'regularizer', 'misconception', 'neural', 'uncertain-deployment', 'infinite-horizon', 'corridor', 'online-learning'] as const;

export type FindingName = (typeof FINDING_NAMES)[number];

export const isFindingName = (name: string): boolean => (FINDING_NAMES as readonly string[]).includes(name);
