/**
 * The figure stack and the Redis queue client are optional peer dependencies: a light install has
 * neither. A command that needs one runs its work through `needing`, which turns "cannot find
 * package" into one line naming what to install.
 */

export const FIGURE_PACKAGES = ['vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf'] as const;
export const QUEUE_PACKAGES = ['bullmq', 'ioredis'] as const;

/** The package of `packages` that a module-not-found error (ESM import or require.resolve) names. */
export function missingPackage(error: unknown, packages: readonly string[]): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND')) return undefined;
  const named = /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1];
  return named === undefined ? undefined : packages.find((p) => named === p || named.startsWith(`${p}/`));
}

/** Runs `work`; if it fails because one of `packages` is not installed, says so in one line. */
export async function needing<T>(packages: readonly string[], purpose: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const missing = missingPackage(error, packages);
    if (missing === undefined) throw error;
    throw new Error(`${purpose} needs the optional package ${missing}, which is not installed: npm install ${packages.join(' ')}`, { cause: error });
  }
}
