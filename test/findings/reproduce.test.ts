/**
 * The findings page's "Reproduce" commands: run through a shell and the real bin, each prints the
 * run that the finding's runScenario measured (same metrics in its --json).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reproduceCommand, runScenario, type Settings } from '../../src/findings/runScenario.ts';
import { corridorScenario, uncertainDeploymentScenario, misconceptionScenario, regularizerScenario } from '../../src/scenarios/findingScenarios.ts';
import { misconceptionSettings } from '../../src/findings/misconceptionRuns.ts';
import { cellSettings } from '../../src/findings/regularizerPhase.ts';
import { assertBuilt } from '../helpers/built.ts';

assertBuilt();
const BIN = fileURLToPath(new URL('../../bin/mesalab.js', import.meta.url));

/** Runs `command` (starting "mesalab run") with /bin/sh, the way a reader pastes it. */
function shell(command: string): Record<string, unknown> {
  const line = command.replace(/^mesalab /, `"${process.execPath}" "${BIN}" `) + ' --json';
  return JSON.parse(execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' }).trim().split('\n')[0]);
}

const CASES: [string, { name?: string }, Settings][] = [
  ['a nested path and a tie rule', corridorScenario, { 'schedule.training': 1, 'schedule.deployment': 1, discount: 1, tieRule: 'honest' }],
  ['a whole block with the string "observed"', uncertainDeploymentScenario, { deployment: { hazard: 0.05, shift: 'observed', binWidth: 0.05, margin: 8, probeEpisode: 20 } }],
  ['a negative number and a schedule spec', misconceptionScenario, { schedule: '0.1x50,0x50', 'parameters.beta.initial': -0.5 }],
  ['the informed agent, a believed objective with a caret', misconceptionScenario, misconceptionSettings('0.1x100', 0.5, true)],
];

describe('reproduceCommand', () => {
  for (const [what, base, settings] of CASES) {
    it(`prints a command that reproduces runScenario (${what})`, () => {
      const json = shell(reproduceCommand(base, settings)) as { metrics: unknown };
      expect(json.metrics).toEqual(JSON.parse(JSON.stringify(runScenario(base as never, settings).game!.metrics)));
    });
  }

  it('prints a command that reproduces a regularizer phase-diagram cell (a scenario on the seed pipeline: its coefficients and θ)', () => {
    const settings = cellSettings(100, 0, 0.5);
    const json = shell(reproduceCommand(regularizerScenario, settings)) as { coefficients: number[]; theta: number[] };
    const run = runScenario(regularizerScenario, settings);
    expect(json.coefficients).toEqual(Array.from(run.actions));
    expect(json.theta).toEqual(Array.from(run.trajectory.parameters.theta));
  });
});
