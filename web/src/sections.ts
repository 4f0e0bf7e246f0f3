/**
 * The built-in scenarios as the findings page groups them: one section per finding, in page
 * order, with the page's title, the finding's question (the library's FINDING_QUESTIONS) and what
 * to look for in the explorer's chart. The seed experiments open the list. The titles are the
 * findings page's own (test/web/sections.test.ts checks them against FINDINGS).
 */
import { FINDING_QUESTIONS, type BuiltInScenario, type FindingName } from '../../src/index.ts';

export interface Section {
  /** The built-ins' `section` field, or 'seed' for those without one. */
  readonly id: string;
  /** The finding it reproduces, if any. */
  readonly finding: FindingName | null;
  readonly title: string;
  readonly question: string;
  /** One or two sentences: where in the chart the answer shows. */
  readonly lookFor: string;
}

export const SEED_SECTION: Section = {
  id: 'seed',
  finding: null,
  title: 'The seed model',
  question: 'A mesa-optimizer with goal θ knows that training ends after T episodes. Does it play along in training — hiding its goal — to keep it for deployment?',
  lookFor: 'The coefficient a stays near 0 while training is shaded and jumps to 1 when deployment starts; θ barely moves, so most of the goal survives training (goal retained in the table).',
};

export const SECTIONS: readonly Section[] = [
  SEED_SECTION,
  section('discount', 'discount', 'Discounting, and training the discount', 'Lower γ makes the future worth less: a rises towards 1 (honest) and θ shrinks. With a trained discount, watch γ climb during training while θ falls.'),
  section('regularizer', 'regularizer', 'A regularizer on the goal', 'With λθ² in the base objective θ shrinks even while a ≈ 0; at larger λ the agent stops hiding (a rises) because the goal is lost anyway.'),
  section('misconception', 'misconception', 'A misconception about the base objective', 'Two parameters: the goal θ and the belief β. Which of them moves first under the slow training (ℓ = 0.1)?'),
  section('neural', 'neural', 'A neural-network policy', 'The policy is a network y = f(θ): its slope ∂y/∂θ plays the coefficient’s part. Gradient hacking is an output near θ with a flat slope.'),
  section('uncertain-deployment', 'uncertain-deployment', 'Not knowing when deployment starts', 'Training ends at a random episode, so the chart shows the expected path. Change the shift δ: the easier deployment is to detect, the more the agent hides in training.'),
  section('infinite-horizon', 'infinite-horizon', 'Infinite horizons', 'With γ < 1 deception survives a horizon without end, but a stays above 0: compare γ = 0.99 with γ = 0.9.'),
  section('corridor', 'corridor', 'The corridor of Risks from Learned Optimization', 'Each episode the agent walks to A (what training rewards) or B (its own goal). Deceptive: A in both training episodes, then B in every deployment episode.'),
  section('online', 'online-learning', 'Online learning with no deployment stage', 'Training never stops here (ℓ = 0.05 throughout in the second experiment): a below 1 is still deception. Compare the learners, and the tie rule under full re-optimisation.'),
];

function section(id: string, finding: FindingName, title: string, lookFor: string): Section {
  return { id, finding, title, question: FINDING_QUESTIONS[finding], lookFor };
}

/** The section of a built-in scenario (the seed section for one without a `section`). */
export function sectionOf(builtIn: Pick<BuiltInScenario, 'section'> | undefined): Section {
  return SECTIONS.find((s) => s.id === builtIn?.section) ?? SEED_SECTION;
}
