/**
 * `npm run explore`: builds the explorer page (web/) with Vite and serves it on 127.0.0.1 until
 * Ctrl-C, printing its URL.
 *
 *   npm run explore -- [--port 5173] [--no-build] [--dev]
 *
 * --port 0 picks a free port; --no-build serves the last build in web/dist; --dev runs Vite's
 * development server instead (reloads on edits to web/ or src/).
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, createServer, preview } from 'vite';

const configFile = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

interface Options {
  port: number;
  build: boolean;
  dev: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5173' },
      'no-build': { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run explore -- [--port 5173] [--no-build] [--dev]\n');
    process.exit(0);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) throw new Error(`--port: expected a port number 0…65535, got "${values.port}"`);
  return { port, build: !values['no-build'], dev: values.dev };
}

/** Starts the server; resolves with its URL and a function that stops it. */
async function serve(options: Options): Promise<{ url: string; close: () => Promise<void> }> {
  const server = { port: options.port, strictPort: options.port !== 0, host: '127.0.0.1' };
  if (options.dev) {
    const dev = await createServer({ configFile, server });
    await dev.listen();
    return { url: firstUrl(dev.resolvedUrls?.local, dev.httpServer?.address()), close: () => dev.close() };
  }
  if (options.build) await build({ configFile, logLevel: 'warn' });
  const served = await preview({ configFile, preview: server });
  return { url: firstUrl(served.resolvedUrls?.local, served.httpServer.address()), close: () => served.close() };
}

function firstUrl(urls: readonly string[] | undefined, address: AddressInfo | string | null | undefined): string {
  if (typeof address === 'object' && address !== null) return `http://127.0.0.1:${address.port}/`;
  if (urls?.[0]) return urls[0];
  throw new Error('the server did not report its address');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { url, close } = await serve(options);
  process.stdout.write(`mesalab explorer: ${url}\n(Ctrl-C to stop)\n`);
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`explore: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
