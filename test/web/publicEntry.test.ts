/**
 * The explorer is a shell over the library as users meet it (STYLE.md, issue "one engine" item
 * 7): web/ imports the library through its public entry, src/index.ts, and nothing else of src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../web/src', import.meta.url));

describe('web/src', () => {
  it('imports the library only through src/index.ts', () => {
    const offending: string[] = [];
    for (const name of readdirSync(WEB).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(WEB, name), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:import|export)[^'";]*?from\s+'([^']+)'/g)) {
        if (specifier.includes('/src/') && !specifier.endsWith('../../src/index.ts')) offending.push(`${name}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
