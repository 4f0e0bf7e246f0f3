// `node --import ./test/helpers/withoutPackages.mjs …` with MESALAB_WITHOUT=vega,bullmq: makes the
// named packages (and their subpaths) unresolvable, as if they were not installed. The tests use it
// to check that a command never loads a package (it would fail) and that a command which needs a
// missing one says which package to install.
import { register } from 'node:module';

const names = (process.env.MESALAB_WITHOUT ?? '').split(',').filter(Boolean);
register(
  'data:text/javascript,' +
    encodeURIComponent(`
      let names = [];
      export function initialize(data) { names = data.names; }
      export function resolve(specifier, context, next) {
        const hit = names.find((n) => specifier === n || specifier.startsWith(n + '/'));
        if (hit !== undefined) {
          const error = new Error("Cannot find package '" + hit + "' imported from " + context.parentURL);
          error.code = 'ERR_MODULE_NOT_FOUND';
          throw error;
        }
        return next(specifier, context);
      }`),
  { parentURL: import.meta.url, data: { names } },
);
