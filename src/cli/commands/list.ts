import type { Command } from 'commander';
import { FINDING_NAMES } from '../../findings/names.ts';
import { FINDING_QUESTIONS } from '../../findings/questions.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/registry.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the built-in scenarios and findings with a one-line description')
    .option('--json', 'print one JSON object per entry and line: {"name", "kind" (scenario|findings|finding), "run" (what follows `mesalab run`), "description"}')
    .action(async (options: { json?: boolean }) => {
      const entries = [
        ...BUILT_IN_SCENARIOS.map((s) => [s.name, s.description, 'scenario']),
        ['findings', 'every finding below: recompute docs/findings.md and its figures', 'findings'],
        ...FINDING_NAMES.map((name) => [name, FINDING_QUESTIONS[name], 'finding']),
      ];
      const label = (name: string, kind: string) => (kind === 'finding' ? `findings --only ${name}` : name);
      if (options.json) {
        for (const [name, description, kind] of entries) process.stdout.write(JSON.stringify({ name, kind, run: label(name, kind), description }) + '\n');
        return;
      }
      const labelWidth = Math.max(...entries.map(([name, , kind]) => label(name, kind).length));
      for (const [name, description, kind] of entries) process.stdout.write(`${label(name, kind).padEnd(labelWidth)}  ${kind === 'finding' ? 'finding: ' : ''}${description}\n`);
    });
}
