import type { Command } from 'commander';
import { runConfigs } from '../../experiment/pipeline.ts';
import { isFindingName } from '../../findings/names.ts';
import { SOLVER_NAMES } from '../../solvers/registry.ts';
import { checkOutputDirectory } from '../../report/outputPath.ts';
import { presentPipelineResults } from '../present.ts';
import { withSolveProgress } from '../solveProgress.ts';
import { applySettings, monteCarloOptions, scenarioOptions, type ScenarioOptions } from '../settings.ts';
import { loadScenarioConfigs } from '../scenarioSource.ts';

// The findings load only when a run needs them.

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
    .option('--json', 'print one JSON object per scenario, one per line (the result.json contract)')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>/<scenario>/ (findings: the page and figures, default docs)')
    .option('--only <finding>', 'with `run findings`: recompute one finding')
    .action(async (name: string, options: RunOptions) => {
      if (options.out !== undefined) checkOutputDirectory(options.out);
      if (name === 'findings' || isFindingName(name)) {
        const { runFindings } = await import('../runFindings.ts');
        return runFindings(name === 'findings' ? options.only : name, options.out);
      }
      const sources = applySettings(loadScenarioConfigs(name), options);
      const present = { json: options.json, out: options.out, subfolders: true };
      await presentPipelineResults(runConfigs(sources, options.solver, monteCarloOptions(options), withSolveProgress), present);
    });
}

