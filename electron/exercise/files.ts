import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { MAX_PACKAGE_BYTES } from '../../shared/exercise/package';
import { PackageError } from './errors';

/** Reads a package or scenario file, refusing an oversized one before reading it into memory. */
export function readPackageFile(path: string, maxBytes = MAX_PACKAGE_BYTES): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new PackageError(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`]);
  }
  if (size > maxBytes) throw new PackageError(path, [tooLarge(size, maxBytes)]);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new PackageError(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`]);
  }
}

export const tooLarge = (bytes: number, maxBytes: number): string =>
  `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; it can be at most ${maxBytes / 1024 / 1024} MB.`;

/**
 * Writes the whole file or nothing: to a temporary name beside it, flushed, then renamed.
 * A USB stick pulled out mid-write leaves the previous file (or none), never half a package.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.partial`;
  const fd = openSync(temporary, 'w');
  try {
    if (typeof content === 'string') writeSync(fd, content);
    else writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}
