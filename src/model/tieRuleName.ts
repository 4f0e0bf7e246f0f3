/** The tie rules a scenario may choose (solvers/tieRule.ts applies them); 'smallest' is the seed's. */
export const TIE_RULES = ['smallest', 'largest', 'honest'] as const;
export type TieRuleName = (typeof TIE_RULES)[number];
