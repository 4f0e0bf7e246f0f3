import { InputError } from '../errors/inputError.ts';
import type { Finding } from './finding.ts';
import { FINDING_NAMES } from './names.ts';
import { FINDING_QUESTIONS } from './questions.ts';
import { corridorFinding } from './corridor.ts';
import { discountFinding } from './discount.ts';
import { infiniteHorizonFinding } from './infiniteHorizon.ts';
import { misconceptionFinding } from './misconception.ts';
import { neuralFinding } from './neural.ts';
import { onlineFinding } from './online.ts';
import { regularizerFinding } from './regularizer.ts';
import { uncertainDeploymentFinding } from './uncertainDeployment.ts';

/** Every finding, in page order. */
export const FINDINGS: readonly Finding[] = [
  discountFinding,
  regularizerFinding,
  misconceptionFinding,
  neuralFinding,
  uncertainDeploymentFinding,
  infiniteHorizonFinding,
  corridorFinding,
  onlineFinding,
];

if (FINDINGS.map((f) => f.name).join() !== FINDING_NAMES.join()) throw new Error('findings/names.ts is out of date with FINDINGS');
for (const f of FINDINGS) {
  if (FINDING_QUESTIONS[f.name as keyof typeof FINDING_QUESTIONS] !== f.question) throw new Error(`findings/questions.ts is out of date with finding ${f.name}`);
}

export function getFinding(name: string): Finding {
  const found = FINDINGS.find((f) => f.name === name);
  if (!found) throw new InputError('--only', `unknown finding "${name}"; known: ${FINDINGS.map((f) => f.name).join(', ')}`);
  return found;
}
