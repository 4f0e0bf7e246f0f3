import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors/inputError.ts';
import { parseFiniteNumber } from '../../model/numbers.ts';
import { checkOutputDirectory } from '../../report/outputPath.ts';
import { SOLVER_NAME_LIST as SOLVER_NAMES } from '../../solvers/solverNames.ts';
import { scenarioOptions, type ScenarioOptions } from '../settings.ts';

// The pipeline (config schema, solvers) and the presenter load in the action (--help needs neither);
// a seed solve without --set loads only its solver (runBatch.ts).

interface SolveOptions extends ScenarioOptions {
  schedule: string;
  solver: string;
  theta0?: string;
  discount?: string;
  regularizer?: string;
  json?: boolean;
  out?: string;
}

export function registerSolve(program: Command): void {
  scenarioOptions(program.command('solve'))
    .description('solve the mesa-optimizer game for any learning-rate schedule (the seed model; --set adds any scenario field)')
    .requiredOption('--schedule <spec>', 'learning rates: "1x20,0x80" (value x count), "1,1,0.5", or a JSON file with an array')
    .option('--solver <name>', `${SOLVER_NAMES.join('|')}`, 'grid')
    .option('--theta0 <x>', 'initial goal θ₀ (default 0.8)')
    .option('--discount <g>', 'discount γ on the mesa objective, 0 to 1 (default 1)')
    .option('--regularizer <l>', 'weight λ ≥ 0 of the regularizer λθ² in the base objective (default 0)')
    .option('--json', 'print one JSON object: coefficients, theta, output, learningRate, metrics, …')
    .option('--out <dir>', 'write trajectory.csv, result.json, figure.svg and figure.png to <dir>')
    .action(async (options: SolveOptions) => {
      if (options.out !== undefined) checkOutputDirectory(options.out);
      const config = {
        schedule: await scheduleInput(options.schedule),
        theta0: optionalNumber(options.theta0, '--theta0'),
        discount: optionalNumber(options.discount, '--discount'),
        regularizer: optionalNumber(options.regularizer, '--regularizer'),
      };
      // Typed flags, always the seed family: without --set, no schema or registry (runBatch.ts).
      const { runBatch } = await import('../runBatch.ts');
      await runBatch({ seedFamily: [{ config: dropUndefined(config), defaultName: 'custom' }] }, options, { json: options.json, out: options.out });
    });
}

/** A spec string, or the array of learning rates in a JSON file. */
async function scheduleInput(spec: string): Promise<string | number[]> {
  if (!spec.endsWith('.json') && !existsSync(spec)) return spec;
  const { readConfigFile } = await import('../scenarioSource.ts');
  const data = readConfigFile(spec);
  if (!Array.isArray(data) || !data.every((x) => typeof x === 'number')) {
    throw new InputError('--schedule', `${spec} must hold a JSON array of learning rates`);
  }
  return data;
}

function optionalNumber(text: string | undefined, field: string): number | undefined {
  return text === undefined ? undefined : parseFiniteNumber(text, field);
}

/** The fields given on the command line (a field left out takes the schema's default). */
function dropUndefined<T extends object>(config: T): T {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as T;
}
