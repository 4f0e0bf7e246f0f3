import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/report/atomicWrite.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mesalab-atomic-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('writes text as UTF-8 and bytes as they are', async () => {
    await writeFileAtomically(join(scratch, 'text.txt'), 'θ = 0.8\n');
    await writeFileAtomically(join(scratch, 'bytes.bin'), Uint8Array.from([0, 255, 7]));
    expect(await readFile(join(scratch, 'text.txt'), 'utf8')).toBe('θ = 0.8\n');
    expect([...(await readFile(join(scratch, 'bytes.bin')))]).toEqual([0, 255, 7]);
  });

  it('replaces an existing file whole and leaves no temporary file beside it', async () => {
    const file = join(scratch, 'replace.txt');
    await writeFileAtomically(file, 'a much longer first version of the file\n');
    await writeFileAtomically(file, 'short\n');
    expect(await readFile(file, 'utf8')).toBe('short\n');
    expect((await readdir(scratch)).filter((name) => name.startsWith('replace.txt'))).toEqual(['replace.txt']);
  });

  it('rejects when the folder does not exist', async () => {
    await expect(writeFileAtomically(join(scratch, 'missing', 'x.txt'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
