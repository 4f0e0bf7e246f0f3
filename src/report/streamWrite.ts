/**
 * Writing text made of many pieces without holding it whole: to a file (through a temporary
 * file beside it, fsynced and renamed over the target, so a killed run leaves the old file or the
 * new one, never a torn one), or to a stream such as stdout (waiting for it to drain).
 */
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { refuseSymlink } from './outputPath.ts';

/** Writes the pieces to `file` atomically; refuses a `file` that is a symbolic link. */
export function writeChunksAtomically(file: string, pieces: Iterable<string | Uint8Array>): void {
  refuseSymlink(file);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  // O_EXCL | O_NOFOLLOW: the temporary name is ours alone, never a link planted there.
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes the pieces to `stream`, waiting for it to drain whenever its buffer is full. */
export async function writeChunksToStream(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (!stream.write(piece)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
}
