// examples/analysis.py reads a run's and a sweep's output with pandas and draws the phase diagram
// with matplotlib. It runs with Debian's /usr/bin/python3 (python3-pandas, python3-matplotlib):
// .ci/run installs them and sets MESALAB_REQUIRE_PYTHON=1, so in CI a missing one fails the test;
// elsewhere the test is skipped when they are missing.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mesalab } from '../cli/mesalab.ts';
import { SMALL_SWEEP, writeSweep } from '../sweep/helpers.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../../examples/analysis.py', import.meta.url));

function hasPandasAndMatplotlib(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pandas, matplotlib'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasPandasAndMatplotlib();
if (!available && process.env.MESALAB_REQUIRE_PYTHON) throw new Error(`${PYTHON} with pandas and matplotlib is required (apt-get install python3-pandas python3-matplotlib)`);

describe.skipIf(!available)('examples/analysis.py', () => {
  it('loads a run and a sweep into pandas and writes the phase diagram as a PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesalab-python-'));
    expect((await mesalab(['run', 'seed-1', '--out', join(dir, 'out')])).code).toBe(0);
    expect((await mesalab(['sweep', writeSweep(dir, SMALL_SWEEP), '--out', join(dir, 'sweep'), '--quiet'])).code).toBe(0);
    const png = join(dir, 'phase.png');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(PYTHON, [SCRIPT, join(dir, 'out', 'seed-1'), join(dir, 'sweep'), png, 'goalRetained'], (error, out, err) => (error ? reject(new Error(err)) : resolve(out))),
    );
    expect(stdout).toBe('seed-1: 100 episodes, first coefficient 0.03, final theta 0.7238\nsmall: 20 points, goalRetained on a 5 x 4 grid -> ' + png + '\n');
    expect(existsSync(png)).toBe(true);
    expect([...readFileSync(png).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
