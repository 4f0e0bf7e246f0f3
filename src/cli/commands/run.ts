import type { Command } from 'commander';
import { InputError } from '../../errors/inputError.ts';
import { isFindingName } from '../../findings/names.ts';
import { SOLVER_NAME_LIST as SOLVER_NAMES } from '../../solvers/solverNames.ts';
import { scenarioOptions, type ScenarioOptions } from '../settings.ts';
import { FIGURE_PACKAGES, needing } from '../optionalPackages.ts';
import { checkOutputDirectory } from '../../report/outputPath.ts';

// Registering the command loads only names: the pipeline (config schema, solvers, game engine),
// the presenter and the findings load in the action.
const runEngine = () =>
  Promise.all([import('../../experiment/pipeline.ts'), import('../present.ts'), import('../settings.ts'), import('../scenarioSource.ts'), import('../solveProgress.ts')]);

interface RunOptions extends ScenarioOptions {
  solver?: string;
  json?: boolean;
  out?: string;
  only?: string;
}

export function registerRun(program: Command): void {
  scenarioOptions(program.command('run'))
    .description('run a built-in scenario (see `mesalab list`) or a scenario file (YAML or JSON)')
    .argument('<scenario>', 'built-in name, e.g. seed-1, or a path to a .yaml/.json config')
    .option('--solver <name>', `override the scenario's solver: ${SOLVER_NAMES.join('|')}`)
    .option('--json', 'print one JSON object per scenario, one per line (the result.json contract); findings: one per finding')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>/<scenario>/ (findings: the page and figures, default docs)')
    .option('--only <finding>', 'with `run findings`: recompute one finding')
    .action(async (name: string, options: RunOptions) => {
      if (options.out !== undefined) checkOutputDirectory(options.out);
      // A built-in scenario of a finding's name runs that scenario; the section itself is `run findings --only NAME`.
      if (name === 'findings' || (isFindingName(name) && !(await import('../../scenarios/registry.ts')).BUILT_IN_SCENARIOS.some((s) => s.name === name))) {
        return needing(FIGURE_PACKAGES, 'run findings (figures)', async () => (await import('../runFindings.ts')).runFindings(name === 'findings' ? options.only : name, options.out, options.json));
      }
      if (options.only !== undefined) throw new InputError('--only', `applies to \`mesalab run findings\` only, not to "${name}"`);
      const [{ runConfigs }, { presentPipelineResults }, { applySettings, monteCarloOptions }, { loadScenarioConfigs }, { withSolveProgress }] = await runEngine();
      const sources = applySettings(loadScenarioConfigs(name), options);
      const present = { json: options.json, out: options.out, subfolders: true };
      await presentPipelineResults(runConfigs(sources, options.solver, monteCarloOptions(options), withSolveProgress), present);
    });
}

