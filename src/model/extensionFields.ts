/** The schema fields of DESIGN §3's extensions (extensions.ts validates them); a light module for the CLI's start-up. */
export const EXTENSION_FIELDS = ['trainedDiscount', 'deployment', 'horizon', 'corridor'] as const;
export type ExtensionField = (typeof EXTENSION_FIELDS)[number];
