import { closeSync, fsyncSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../../shared/errors';

/**
 * Writing a file where the user pointed: a report, a package. The file is written whole or
 * not at all (a temporary file beside it, flushed, then renamed over), and a rename replaces
 * whatever has that name, so the target is checked first: never the open database or its
 * journal files, never a device, folder or symbolic link, never into a folder that is not
 * there.
 */
export class WriteRefused extends UserError {
  override name = 'WriteRefused';
  constructor(file: string, problem: string) {
    super('', [{ path: '', message: `${problem} Nothing was written.` }], file);
  }
}

/** SQLite's companions of a database file: writing over any of them damages the database. */
export const databaseFiles = (db: string): string[] => ['', '-wal', '-shm', '-journal'].map((suffix) => db + suffix);

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

/** Refuses a target that must not be written (see above); callers may ask before long work. */
export function checkWritableTarget(file: string, protectedFiles: readonly string[]): void {
  const folder = dirname(resolve(file));
  const folderStat = statOrNull(folder, true);
  if (folderStat === null) throw new WriteRefused(file, `the folder ${folder} does not exist.`);
  if (!folderStat.isDirectory()) throw new WriteRefused(file, `${folder} is not a folder.`);
  const target = statOrNull(file, false);
  // By path (a journal file may not exist yet) and by identity (a hard link or another spelling).
  const guarded = protectedFiles.map((p) => ({ path: resolve(p), stat: statOrNull(p, true) }));
  if (guarded.some((g) => g.path === resolve(file) || (target !== null && g.stat !== null && sameFile(g.stat, target)))) {
    throw new WriteRefused(file, 'is the database CDT Workbench has open (or one of its files); choose another file name.');
  }
  if (target === null) return;
  if (target.isSymbolicLink()) throw new WriteRefused(file, 'is a symbolic link; choose the file it points to, or another name.');
  if (target.isDirectory()) throw new WriteRefused(file, 'is a folder; choose a file name inside it.');
  if (!target.isFile()) throw new WriteRefused(file, 'is not a regular file (a device, a pipe or a socket); choose a file name.');
}

const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'cannot be written: permission denied.',
  EPERM: 'cannot be written: permission denied.',
  EROFS: 'cannot be written: the disk is read-only.',
  ENOSPC: 'cannot be written: the disk is full.',
  EDQUOT: 'cannot be written: the disk quota is used up.',
};

/**
 * Writes the whole file or nothing. A USB stick pulled out mid-write leaves the previous file
 * (or none), never half a package, and no temporary file behind on a refusal.
 */
/** `mode` 0o600 for what only the user may read (the installation's private key). */
export function writeFileSafely(file: string, content: string | Uint8Array, protectedFiles: readonly string[] = [], mode = 0o644): void {
  checkWritableTarget(file, protectedFiles);
  const temporary = resolve(dirname(resolve(file)), `.${basename(file)}.${process.pid}.partial`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', mode);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    // Checked again just before the rename: the dialog and the write are not one moment.
    checkWritableTarget(file, protectedFiles);
    renameSync(temporary, file);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed, or never created.
    }
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new WriteRefused(file, WRITE_PROBLEMS[code] ?? `cannot be written (${code}).`);
  }
  syncFolder(dirname(resolve(file)));
}

/** The rename is durable only once the folder's entry is on disk too (POSIX; a no-op elsewhere). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder this way; its rename is already durable enough.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
