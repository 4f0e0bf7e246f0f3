// `node --import ./scripts/moduleTrace.mjs …`: writes on stderr every module file the process loads,
// each on a line that starts with a NUL byte: ES modules as the loader loads them (a hook on the
// loader's thread), CommonJS ones from require's cache at exit (Node 20's hooks do not see
// require). benchStartup.ts counts the distinct files. Plain JS, so it needs no build.
import { writeSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { writeSync } from 'node:fs';
      export async function load(url, context, next) {
        if (url.startsWith('file:')) writeSync(2, '\\0' + url + '\\n');
        return next(url, context);
      }`),
);

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  for (const file of Object.keys(cache)) writeSync(2, `\0${pathToFileURL(file).href}\n`);
});
