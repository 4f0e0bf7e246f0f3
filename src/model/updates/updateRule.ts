/**
 * The update rules of the base optimizer (DESIGN §4): their type, their schema fields and the
 * default. How each is played lives beside this file: transition.ts (one step of gradient or
 * REINFORCE), historyUpdate.ts (rules whose state carries history), requiredActions.ts (actions an
 * outcome depends on exactly).
 */
import { z } from 'zod';

export type UpdateRule =
  /** One gradient step on the newest episode's base loss (the seed). */
  | { readonly type: 'gradient' }
  /** K gradient steps on the summed base loss of all past training episodes. */
  | { readonly type: 'gradient-all'; readonly steps: number }
  /** θ ← argmin of the summed base loss of all past training episodes. */
  | { readonly type: 'full' }
  /** REINFORCE with a Gaussian policy y ~ N(π_k(s), σ²) and reward −ℓ_base. */
  | { readonly type: 'reinforce'; readonly sigma: number; readonly baseline: 'none' | 'running-mean' | 'expected' };

/** The schema's `update` field (a game config's; the seed family has no such field). */
export const updateSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('gradient') }),
  z.strictObject({ type: z.literal('gradient-all'), steps: z.number().int().min(1).max(1_000_000) }),
  z.strictObject({ type: z.literal('full') }),
  z.strictObject({
    type: z.literal('reinforce'),
    sigma: z.number().positive(),
    baseline: z.enum(['none', 'running-mean', 'expected']).default('none'),
  }),
]);

/** The seed's rule. */
export const DEFAULT_UPDATE: UpdateRule = { type: 'gradient' };
