/**
 * An exclusive lock on one results file of a sweep, so that two runs writing the same results
 * (two `mesalab sweep … --out D`, or two `--resume`s) cannot interleave and duplicate points:
 * the second is refused at once. Shards of a job array write different files and do not block
 * each other.
 *
 * The lock is the file `<results>.lock`, made with link(2) (atomic: exactly one process creates
 * it) and holding {pid, host, start}: `start` is the process's start time from /proc, so a lock
 * whose pid has since been reused by another program is still seen to be stale. A lock whose
 * holder is dead (a SIGKILLed sweep) is stale: it is renamed aside (atomic, so only one of
 * several recovering processes wins) and taken. Released on exit, and on SIGINT through exit.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { InputError } from '../errors/inputError.ts';

interface Holder {
  pid: number;
  host: string;
  /** Start time of the process (clock ticks since boot, /proc/PID/stat field 22), when known. */
  start?: string;
}

/** Takes the lock of `file` or throws an InputError saying who holds it; returns the release function. */
export function lockResults(file: string): () => void {
  const lock = `${file}.lock`;
  const mine: Holder = { pid: process.pid, host: hostname(), start: startTime(process.pid) };
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lock, text)) return releaser(lock, text);
    const seen = readLock(lock);
    if (seen === undefined) continue; // released meanwhile
    const holder = parseHolder(seen);
    if (holder !== undefined && isAlive(holder)) {
      throw new InputError(dirname(file), `is in use by another mesalab sweep writing ${file} (pid ${holder.pid}${holder.host === mine.host ? '' : ` on ${holder.host}`}); wait for it to finish or stop it`);
    }
    recoverStale(lock, seen);
  }
  throw new InputError(dirname(file), `could not lock ${file}: other processes keep taking and releasing it`);
}

function tryCreate(lock: string, text: string): boolean {
  const temporary = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Moves a stale lock aside and deletes it; puts it back if what was moved is not the stale one seen. */
function recoverStale(lock: string, seen: string): void {
  const aside = `${lock}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else moved or released it: try again
  }
  if (readLock(aside) !== seen) {
    // Another process had already replaced the stale lock with its own live one: restore it.
    try {
      linkSync(aside, lock);
    } catch {
      // the lock was taken again meanwhile; the new holder keeps it
    }
  }
  rmSync(aside, { force: true });
}

function releaser(lock: string, text: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readLock(lock) === text) rmSync(lock, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readLock(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined; // a torn or foreign file: stale
  }
}

/** Whether the holder still runs: on another host we cannot tell, so it counts as alive. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return holder.start === undefined || holder.start === startTime(holder.pid);
}

function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
