/**
 * Each finding's question, as `mesalab list` prints it: a light module, so listing does not load
 * the findings and their solvers (registry.ts checks at import time that it matches FINDINGS).
 */
import type { FindingName } from './names.ts';

export const FINDING_QUESTIONS: Readonly<Record<FindingName, string>> = {
  discount:
    'How does a discount γ on the mesa objective change deception — and when the base optimizer also trains γ, through the equilibrium policy’s dependence on it, does training raise or lower the discount?',
  regularizer:
    'Does direct pressure on θ — a regularizer λθ² added to the base objective — end the deception?',
  misconception:
    'If the mesa-optimizer misunderstands the base objective, does training correct its belief (β → 0) before it aligns its goal (θ → 0)?',
  neural:
    'Does a richer policy class find outputs near its goal with a flat slope (gradient hacking), which the linear class cannot?',
  'uncertain-deployment':
    'When the agent cannot be sure whether training has ended, how does its deception depend on how detectable deployment is?',
  'infinite-horizon':
    'Is deception an artefact of a finite game? What do the agents do when training — or deployment — never ends?',
  corridor:
    'In the corridor example, when does the mesa-optimizer deceive — and does the solver agree with the closed-form threshold?',
  'online-learning':
    'With online learning there is no deployment stage. Does a mesa-optimizer still sacrifice training reward to protect its goal — and does fully re-optimising all parameters at every timestep remove the incentive?',
};
