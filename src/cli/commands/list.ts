import type { Command } from 'commander';
import { BUILT_IN_SCENARIOS } from '../../scenarios/registry.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the built-in scenarios and findings with a one-line description')
    .action(async () => {
      const { FINDINGS } = await import('../../findings/registry.ts');
      const entries = [
        ...BUILT_IN_SCENARIOS.map((s) => [s.name, s.description]),
        ['findings', 'every finding below: recompute docs/findings.md and its figures'],
        ...FINDINGS.map((f) => [f.name, `finding: ${f.question}`]),
      ];
      const width = Math.max(...entries.map(([name]) => name.length));
      for (const [name, description] of entries) process.stdout.write(`${name.padEnd(width)}  ${description}\n`);
    });
}
