import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../helpers/built.ts';

assertBuilt();

const BIN = fileURLToPath(new URL('../../bin/mesalab.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `mesalab` bin (the compiled dist/) in a child process, as a user would. */
export function mesalab(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
