import type { Command } from 'commander';
import { FINDING_NAMES } from '../../findings/names.ts';
import { FINDING_QUESTIONS } from '../../findings/questions.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/registry.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the built-in scenarios and findings with a one-line description')
    .action(async () => {
      const entries = [
        ...BUILT_IN_SCENARIOS.map((s) => [s.name, s.description]),
        ['findings', 'every finding below: recompute docs/findings.md and its figures'],
        ...FINDING_NAMES.map((name) => [name, `finding: ${FINDING_QUESTIONS[name]}`]),
      ];
      const width = Math.max(...entries.map(([name]) => name.length));
      for (const [name, description] of entries) process.stdout.write(`${name.padEnd(width)}  ${description}\n`);
    });
}
