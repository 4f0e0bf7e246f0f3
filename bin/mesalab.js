#!/usr/bin/env node
// The mesalab command: runs the compiled CLI in dist/ (`npm run build`, also run by `npm install`).
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('mesalab: dist/ is missing: run `npm run build` first\n');
    process.exit(1);
  }
  throw error;
}
