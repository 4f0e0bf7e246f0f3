import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { seed1, seed2 } from '../../src/scenarios/seed.ts';
import { readConfigFile } from '../../src/cli/scenarioSource.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('examples/', () => {
  it.each([
    ['examples/seed-1.yaml', seed1],
    ['examples/seed-2.yaml', seed2],
  ])('%s gives exactly the built-in scenario\'s results', (file, builtIn) => {
    const fromFile = runExperiment(parseScenarioConfig(readConfigFile(root(file))));
    const fromBuiltIn = runExperiment(parseScenarioConfig(builtIn));
    expect(fromFile.config.name).toBe(fromBuiltIn.config.name);
    expect(fromFile.config.plotWindow).toBe(fromBuiltIn.config.plotWindow);
    expect(Array.from(fromFile.trajectory.coefficient)).toEqual(Array.from(fromBuiltIn.trajectory.coefficient));
    expect(Array.from(fromFile.trajectory.theta)).toEqual(Array.from(fromBuiltIn.trajectory.theta));
  });

  it('the README shows examples/library.ts verbatim, and it runs and prints the published coefficient', async () => {
    const source = readFileSync(root('examples/library.ts'), 'utf8');
    expect(readFileSync(root('README.md'), 'utf8')).toContain(source.trim());
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', root('examples/library.ts')], (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toMatch(/^first coefficient 0\.03, goal retained 0\.905$/m);
  });
});
