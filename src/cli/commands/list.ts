import type { Command } from 'commander';
import { FINDING_NAMES } from '../../findings/names.ts';
import { FINDING_QUESTIONS } from '../../findings/questions.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/registry.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the built-in scenarios and findings with a one-line description')
    .option('--json', 'print one JSON object per entry and line: {"name", "kind" (scenario|findings|finding), "description"}')
    .action(async (options: { json?: boolean }) => {
      const entries = [
        ...BUILT_IN_SCENARIOS.map((s) => [s.name, s.description, 'scenario']),
        ['findings', 'every finding below: recompute docs/findings.md and its figures', 'findings'],
        ...FINDING_NAMES.map((name) => [name, FINDING_QUESTIONS[name], 'finding']),
      ];
      if (options.json) {
        for (const [name, description, kind] of entries) process.stdout.write(JSON.stringify({ name, kind, description }) + '\n');
        return;
      }
      const width = Math.max(...entries.map(([name]) => name.length));
      for (const [name, description, kind] of entries) process.stdout.write(`${name.padEnd(width)}  ${kind === 'finding' ? 'finding: ' : ''}${description}\n`);
    });
}
