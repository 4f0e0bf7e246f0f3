/**
 * One set of names for every scenario: the goal θ, other parameters by their Greek letter (β the
 * belief, γ the discount), the coefficient a (the slope ∂y/∂θ of the policy: for y = a·θ the
 * coefficient itself, for a network the slope of its output), the output y and the learning
 * rate ℓ. The library's names (`theta`, `a`, `k_beta`, `w0`) stay in exports and the URL.
 */
import type { SeriesInfo } from './protocol.ts';

const GREEK: Readonly<Record<string, string>> = { theta: 'θ', beta: 'β', gamma: 'γ', delta: 'δ', alpha: 'α', mu: 'μ', sigma: 'σ', lambda: 'λ', kappa: 'κ' };

/** Names of the corridor's state and action, which are not numbers on a line. */
const OWN_NAMES: Readonly<Record<string, string>> = { goalIntact: 'goal intact (1: yes)', toB: 'goes to B (1: yes)' };

export function symbolOf(name: string): string {
  return GREEK[name] ?? name;
}

export function seriesLabel(s: SeriesInfo, goal = 'theta'): string {
  if (OWN_NAMES[s.name]) return OWN_NAMES[s.name];
  switch (s.role) {
    case 'parameter':
      return s.goal ? `goal ${symbolOf(s.name)}` : `${parameterWord(s.name)}${symbolOf(s.name)}`;
    case 'coefficient':
      return s.name === 'a' ? 'coefficient a' : s.name.startsWith('k_') ? `coefficient on ${symbolOf(s.name.slice(2))}` : s.name;
    case 'slope':
      return `coefficient a = slope ∂y/∂${symbolOf(s.name || goal)}`;
    case 'output':
      return 'output y';
  }
}

function parameterWord(name: string): string {
  if (name === 'beta') return 'belief ';
  if (name === 'gamma') return 'discount ';
  return '';
}

export const LEARNING_RATE_LABEL = 'learning rate ℓ';
