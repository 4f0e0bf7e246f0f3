import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FIGURE_PACKAGES, missingPackage, needing } from '../../src/cli/optionalPackages.ts';

describe('missingPackage', () => {
  it('names the package of a failed require.resolve (how the fonts are found)', () => {
    let error: unknown;
    try {
      createRequire(import.meta.url).resolve('dejavu-fonts-ttf-not-here/package.json');
    } catch (e) {
      error = e;
    }
    expect(missingPackage(error, ['dejavu-fonts-ttf-not-here'])).toBe('dejavu-fonts-ttf-not-here');
  });

  it('ignores other errors and packages not in the list', () => {
    const notFound = Object.assign(new Error("Cannot find package 'left-pad' imported from x"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(missingPackage(notFound, FIGURE_PACKAGES)).toBeUndefined();
    expect(missingPackage(new Error("Cannot find package 'vega'"), FIGURE_PACKAGES)).toBeUndefined();
    expect(missingPackage('vega', FIGURE_PACKAGES)).toBeUndefined();
  });

  it('needing() passes results and unrelated errors through', async () => {
    await expect(needing(FIGURE_PACKAGES, 'x', async () => 42)).resolves.toBe(42);
    await expect(needing(FIGURE_PACKAGES, 'x', async () => Promise.reject(new RangeError('boom')))).rejects.toThrow(RangeError);
  });
});
