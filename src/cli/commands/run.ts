import type { Command } from 'commander';
import { isFindingName } from '../../findings/names.ts';
import { InputError } from '../../model/inputError.ts';
import { GAME_SOLVER_NAME_LIST } from '../../solvers/gameSolverNames.ts';
import { FIGURE_PACKAGES, needing } from '../optionalPackages.ts';

// Registering the command loads only names: the config schema, the solvers, the game engine (the
// expression parser) and the findings load in the action, and only what the run needs, so that
// --help and seed runs start fast.

interface RunOptions {
  solver?: string;
  json?: boolean;
  out?: string;
  only?: string;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a built-in scenario (see `mesalab list`) or a scenario file (YAML or JSON)')
    .argument('<scenario>', 'built-in name, e.g. seed-1, or a path to a .yaml/.json config')
    .option('--solver <name>', `override the scenario's solver: ${GAME_SOLVER_NAME_LIST.join('|')}`)
    .option('--json', 'print one JSON object per scenario, one per line (the result.json contract); findings: one per finding')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>/<scenario>/ (findings: the page and figures, default docs)')
    .option('--only <finding>', 'with `run findings`: recompute one finding')
    .action(async (name: string, options: RunOptions) => {
      if (name === 'findings' || isFindingName(name)) {
        return needing(FIGURE_PACKAGES, 'run findings (figures)', async () => (await import('../runFindings.ts')).runFindings(name === 'findings' ? options.only : name, options.out, options.json));
      }
      if (options.only !== undefined) throw new InputError('--only', `applies to \`mesalab run findings\` only, not to "${name}"`);
      const [{ loadScenarioConfigs }, { runsOnSeedPipeline }] = await Promise.all([import('../scenarioSource.ts'), import('../../experiment/pipeline.ts')]);
      const sources = loadScenarioConfigs(name);
      const present = { json: options.json, out: options.out, subfolders: true };
      if (sources.every(({ config }) => runsOnSeedPipeline(config, options.solver))) {
        const [{ runExperiment }, { parseScenarioConfig }, { getSolver }, { presentResults }] = await Promise.all([
          import('../../experiment/experiment.ts'),
          import('../../model/config.ts'),
          import('../../solvers/registry.ts'),
          import('../present.ts'),
        ]);
        const solver = options.solver === undefined ? undefined : getSolver(options.solver, '--solver').name;
        const results = sources.map(({ config, defaultName }) => runExperiment(parseScenarioConfig(config, defaultName), solver));
        await presentResults(results, present);
      } else {
        const [{ runGame }, { parseGameConfig }, { presentGameResults }] = await Promise.all([
          import('../../experiment/gameExperiment.ts'),
          import('../../model/gameConfig.ts'),
          import('../present.ts'),
        ]);
        const results = sources.map(({ config, defaultName }) => {
          const parsed = parseGameConfig(config, defaultName);
          return runGame(parsed, options.solver ?? parsed.solver);
        });
        await presentGameResults(results, present);
      }
    });
}

