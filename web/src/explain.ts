/**
 * The "what you are seeing" panel: the scenario's question, what each line of the chart is, what
 * a deceptive and an honest agent look like, and where to look for the answer. The lines are
 * described from the run on screen, so a belief β or a network's slope gets its own sentence.
 */
import type { RunView, SeriesInfo } from './protocol.ts';
import { windowText } from './chartSpec.ts';
import type { Section } from './sections.ts';
import { LEARNING_RATE_LABEL, seriesLabel } from './seriesNames.ts';

export interface Explanation {
  readonly question: string;
  readonly lines: readonly (readonly [label: string, meaning: string])[];
  readonly deceptive: string;
  readonly honest: string;
  readonly lookFor: string;
  readonly window: string;
}

export function explain(section: Section, run: RunView): Explanation {
  const corridor = run.series.some((s) => s.name === 'toB');
  return {
    question: section.question,
    lines: [...run.series.map((s) => [seriesLabel(s), meaning(s)] as const), [LEARNING_RATE_LABEL, 'the base optimizer’s step size: above 0 in training (shaded), 0 in deployment (the strip under the chart)']],
    deceptive: corridor
      ? 'Deceptive: go to A while training is on (the base optimizer would change a goal it sees pursued), then to B in every deployment episode.'
      : 'Deceptive: a ≈ 0 in training — the output hides the goal, so training barely changes θ — then a = 1 once deployment starts (y = θ).',
    honest: corridor ? 'Honest: go to B at once; training then removes the goal and later episodes go to A.' : 'Honest: a = 1 throughout (y = θ); training then pulls θ towards 0 and little of the goal is left.',
    lookFor: section.lookFor,
    window: windowText(run),
  };
}

function meaning(s: SeriesInfo): string {
  if (s.name === 'goalIntact') return 'whether the agent still has its goal (training removes it once it is seen going to B)';
  if (s.name === 'toB') return 'whether the agent walks to B, its own goal, rather than A';
  switch (s.role) {
    case 'parameter':
      if (s.goal) return 'the mesa-optimizer’s goal: the output it wants; training pushes it towards 0';
      if (s.name === 'beta') return 'what the agent believes the base objective rewards (0: the truth)';
      if (s.name === 'gamma') return 'the discount on the agent’s future, trained along with θ';
      return 'a parameter the base optimizer trains';
    case 'coefficient':
      return s.name === 'a' ? 'how much of its goal the agent shows: it outputs y = a·θ (0: hides it, 1: honest)' : `the policy’s weight on ${seriesLabel({ ...s, role: 'parameter', goal: false }).trim()}`;
    case 'slope':
      return 'the slope of the network’s output at θ, which plays the coefficient’s part (the weights themselves are in the exports)';
    case 'output':
      return 'what the agent outputs; the base objective wants y = 0';
  }
}

/** Fills the panel's elements. */
export function renderExplanation(container: HTMLElement, e: Explanation): void {
  const question = document.createElement('p');
  question.className = 'question';
  question.textContent = e.question;
  const list = document.createElement('dl');
  list.className = 'lines';
  for (const [label, text] of e.lines) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = text;
    list.append(dt, dd);
  }
  const paragraphs = [e.deceptive, e.honest, `What to look for: ${e.lookFor}`, `The chart shows ${e.window.replace(/ shown$/, '').replace(/^first/, 'the first')}.`].map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  });
  container.replaceChildren(question, list, ...paragraphs);
}
