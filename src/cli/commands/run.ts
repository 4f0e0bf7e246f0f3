import type { Command } from 'commander';
import { checkOutputDirectory } from '../../report/outputPath.ts';
import { runExperiment } from '../../experiment/experiment.ts';
import { runsOnSeedPipeline } from '../../experiment/pipeline.ts';
import { parseScenarioConfig } from '../../model/config.ts';
import { isFindingName } from '../../findings/names.ts';
import { GAME_SOLVER_NAME_LIST } from '../../solvers/gameSolverNames.ts';
import { getSolver } from '../../solvers/registry.ts';
import { presentResults } from '../present.ts';
import { sizeOf, withSolveProgress } from '../solveProgress.ts';
import { loadScenarioConfigs } from '../scenarioSource.ts';

// The game engine (mathjs, every solver) and the findings load only when a run needs them, so
// seed runs and --help start fast.

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
    .option('--json', 'print one JSON object per scenario, one per line (the result.json contract)')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>/<scenario>/ (findings: the page and figures, default docs)')
    .option('--only <finding>', 'with `run findings`: recompute one finding')
    .action(async (name: string, options: RunOptions) => {
      if (options.out !== undefined) checkOutputDirectory(options.out);
      if (name === 'findings' || isFindingName(name)) {
        const { runFindings } = await import('../runFindings.ts');
        return runFindings(name === 'findings' ? options.only : name, options.out);
      }
      const sources = loadScenarioConfigs(name);
      const present = { json: options.json, out: options.out, subfolders: true };
      if (sources.every(({ config }) => runsOnSeedPipeline(config, options.solver))) {
        const solver = options.solver === undefined ? undefined : getSolver(options.solver, '--solver').name;
        const results = sources.map(({ config, defaultName }) => {
          const parsed = parseScenarioConfig(config, defaultName);
          return withSolveProgress(parsed.name, solver ?? parsed.solver, sizeOf(parsed), () => runExperiment(parsed, solver));
        });
        await presentResults(results, present);
      } else {
        const [{ runGame }, { parseGameConfig }, { presentGameResults }, { gameSizeOf, gameSolverName }] = await Promise.all([
          import('../../experiment/gameExperiment.ts'),
          import('../../model/gameConfig.ts'),
          import('../present.ts'),
          import('../gameSolveSize.ts'),
        ]);
        const results = sources.map(({ config, defaultName }) => {
          const parsed = parseGameConfig(config, defaultName);
          const solverName = options.solver ?? parsed.solver;
          return withSolveProgress(parsed.name, gameSolverName(solverName, parsed.game), gameSizeOf(parsed.game), () => runGame(parsed, solverName));
        });
        await presentGameResults(results, present);
      }
    });
}

