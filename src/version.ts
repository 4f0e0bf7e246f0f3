import { readFileSync } from 'node:fs';

/**
 * mesalab's version, from its package.json (one level above this file both in src/ and in dist/).
 * Read on first use, not at import time.
 */
export function mesalabVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}

let cached: string | undefined;
