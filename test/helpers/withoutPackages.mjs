// `node --import ./test/helpers/withoutPackages.mjs …` with MESALAB_WITHOUT=vega,bullmq: makes the
// named packages (and their subpaths) unresolvable, as if they were not installed. The tests use it
// to check that a command never loads a package (it would fail) and that a command which needs a
// missing one says which package to install. MESALAB_WITHOUT_FILES=/model/expression does the same
// for any module whose resolved URL contains one of the given strings.
import { register } from 'node:module';

const list = (name) => (process.env[name] ?? '').split(',').filter(Boolean);
const names = list('MESALAB_WITHOUT');
const files = list('MESALAB_WITHOUT_FILES');
register(
  'data:text/javascript,' +
    encodeURIComponent(`
      let names = [];
      let files = [];
      export function initialize(data) { ({ names, files } = data); }
      export async function resolve(specifier, context, next) {
        const hit = names.find((n) => specifier === n || specifier.startsWith(n + '/'));
        if (hit !== undefined) {
          const error = new Error("Cannot find package '" + hit + "' imported from " + context.parentURL);
          error.code = 'ERR_MODULE_NOT_FOUND';
          throw error;
        }
        const resolved = await next(specifier, context);
        const file = files.find((f) => resolved.url.includes(f));
        if (file !== undefined) {
          const error = new Error('Cannot find module ' + resolved.url + ' imported from ' + context.parentURL + ' (hidden by MESALAB_WITHOUT_FILES)');
          error.code = 'ERR_MODULE_NOT_FOUND';
          throw error;
        }
        return resolved;
      }`),
  { parentURL: import.meta.url, data: { names, files } },
);
