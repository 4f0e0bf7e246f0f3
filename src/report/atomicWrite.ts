/**
 * Whole-file writes that never leave a torn file: `write-file-atomic` writes a temporary file
 * beside the target, fsyncs it and renames it over the target, so a killed run leaves either the
 * old file or the new one.
 */
import { createRequire } from 'node:module';

type WriteFileAtomic = (file: string, data: string | Uint8Array, options?: { encoding?: 'utf8' }) => Promise<void>;

// The package ships no types; this is the slice of its promise API that mesalab uses.
const writeFileAtomic = createRequire(import.meta.url)('write-file-atomic') as WriteFileAtomic;

/** Writes `data` (text as UTF-8) to `file` atomically; resolves once it is on disk. */
export function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomic(file, data, typeof data === 'string' ? { encoding: 'utf8' } : undefined);
}
