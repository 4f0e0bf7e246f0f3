import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandLine, gitCommit, provenance } from '../../src/report/provenance.ts';
import { mesalabVersion } from '../../src/version.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'mesalab-provenance-'));
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('gitCommit', () => {
  it('reads the commit of this checkout from .git, as `git rev-parse HEAD` prints it', () => {
    let expected: string | null;
    try {
      expected = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      expected = null; // no git here: then there must be no .git either
    }
    expect(gitCommit()).toBe(expected);
  });

  it('follows a branch through loose refs, packed refs and a worktree pointer; null without .git', () => {
    const loose = tmp();
    mkdirSync(join(loose, '.git', 'refs', 'heads'), { recursive: true });
    writeFileSync(join(loose, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(loose, '.git', 'refs', 'heads', 'main'), `${A}\n`);
    expect(gitCommit(loose)).toBe(A);

    const packed = tmp();
    mkdirSync(join(packed, '.git'));
    writeFileSync(join(packed, '.git', 'HEAD'), 'ref: refs/heads/dev\n');
    writeFileSync(join(packed, '.git', 'packed-refs'), `# pack-refs with: peeled\n${A} refs/heads/main\n${B} refs/heads/dev\n`);
    expect(gitCommit(packed)).toBe(B);

    const worktree = tmp();
    const gitDir = join(loose, '.git', 'worktrees', 'wt');
    mkdirSync(gitDir, { recursive: true });
    writeFileSync(join(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(gitDir, 'commondir'), '../..\n');
    writeFileSync(join(worktree, '.git'), `gitdir: ${gitDir}\n`);
    expect(gitCommit(worktree)).toBe(A);

    expect(gitCommit(tmp())).toBeNull();
  });
});

describe('provenance', () => {
  it('records version, commit, Node, the command line, seeds, runs and the time', () => {
    const made = provenance({ seeds: [7], runs: 1000 });
    expect(made).toMatchObject({ mesalab: mesalabVersion(), commit: gitCommit(), node: process.version, seeds: [7], runs: 1000 });
    expect(new Date(made.time).toISOString()).toBe(made.time);
  });

  it('commandLine names the bin `mesalab` and keeps the arguments', () => {
    expect(commandLine(['/usr/bin/node', '/x/node_modules/mesalab/bin/mesalab.js', 'run', 'seed', '--out', 'out'])).toEqual(['mesalab', 'run', 'seed', '--out', 'out']);
    expect(commandLine(['/usr/bin/node', '/x/script.js', 'a'])).toEqual(['/x/script.js', 'a']);
  });
});
