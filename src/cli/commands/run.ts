import type { Command } from 'commander';
import { runExperiment } from '../../experiment/experiment.ts';
import { getSolver, SOLVER_NAMES } from '../../solvers/registry.ts';
import { presentResults } from '../present.ts';
import { loadScenarioConfigs } from '../scenarioSource.ts';

interface RunOptions {
  solver?: string;
  json?: boolean;
  out?: string;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a built-in scenario (see `mesalab list`) or a scenario file (YAML or JSON)')
    .argument('<scenario>', 'built-in name, e.g. seed-1, or a path to a .yaml/.json config')
    .option('--solver <name>', `override the scenario's solver: ${SOLVER_NAMES.join('|')}`)
    .option('--json', 'print one JSON object per scenario, one per line (the result.json contract)')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>/<scenario>/')
    .action(async (name: string, options: RunOptions) => {
      const solver = options.solver === undefined ? undefined : getSolver(options.solver, '--solver').name;
      const results = loadScenarioConfigs(name).map((config) => runExperiment(config, solver));
      await presentResults(results, { json: options.json, out: options.out, subfolders: true });
    });
}
