import type { Command } from 'commander';
import { BUILT_IN_SCENARIOS } from '../../scenarios/registry.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the built-in scenarios with a one-line description')
    .action(() => {
      const width = Math.max(...BUILT_IN_SCENARIOS.map((s) => s.name.length));
      for (const s of BUILT_IN_SCENARIOS) process.stdout.write(`${s.name.padEnd(width)}  ${s.description}\n`);
    });
}
