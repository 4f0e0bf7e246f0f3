import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The newest file under `dir` (path and modification time). */
function newest(dir: string): { file: string; mtime: number } {
  let best = { file: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > best.mtime) best = { file, mtime };
  }
  return best;
}

/**
 * Tests that spawn `bin/mesalab.js` run the compiled dist/: throws one clear line when dist/ is
 * missing or older than a source file (`npm test` builds first; alone, run `npm run build`).
 */
export function assertBuilt(): void {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: these tests run the compiled CLI; run `npm run build` first');
  const built = statSync(main).mtimeMs;
  const source = newest(join(ROOT, 'src'));
  if (source.mtime > built) {
    throw new Error(`dist/ is stale (${source.file.slice(ROOT.length)} is newer than the build): run \`npm run build\` first`);
  }
}
