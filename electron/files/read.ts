import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserError, type Problem } from '../../shared/errors';
import { parseStrictJson, JsonProblem } from './json';

/**
 * Reading a file a user (or a forger) handed us. The size a file reports proves nothing:
 * /dev/zero reports 0 and never ends, a FIFO blocks until someone writes. So the file is
 * opened without blocking, must be a regular file, and no more than the cap is ever read.
 */
export class FileError extends UserError {
  override name = 'FileError';
  constructor(
    readonly fileName: string,
    problems: readonly (Problem | string)[],
  ) {
    // A plain string is a problem of the file as a whole (it cannot be read, it is not JSON).
    super('', problems.map((p): Problem => (typeof p === 'string' ? { path: '', message: p } : p)), fileName);
  }
}

const MB = 1024 * 1024;
/** The size is known for text in memory; for a file, only that it has more bytes than the cap. */
export const tooLarge = (maxBytes: number, bytes?: number): string =>
  bytes === undefined
    ? `the file is larger than ${maxBytes / MB} MB; it can be at most ${maxBytes / MB} MB.`
    : `the file is ${(bytes / MB).toFixed(1)} MB; it can be at most ${maxBytes / MB} MB.`;

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file.',
  EACCES: 'cannot be read: permission denied.',
  EPERM: 'cannot be read: permission denied.',
  EISDIR: 'is a folder, not a file.',
  ELOOP: 'is a symbolic link that leads nowhere (or in a circle).',
};

/** The file's bytes, at most `maxBytes` of them; refuses anything that is not a regular file. */
export function readFileBytes(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new FileError(file, [READ_PROBLEMS[codeOf(error)] ?? `cannot be read (${codeOf(error)}).`]);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(file, [READ_PROBLEMS.EISDIR!]);
    if (!stat.isFile()) throw new FileError(file, ['is not a regular file (a device, a pipe or a socket); choose a file.']);
    // One byte more than the cap tells "exactly at the cap" from "over it", whatever the size says.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    let grown = buffer;
    for (;;) {
      if (length === grown.length) {
        if (grown.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, grown.length * 2));
        grown.copy(bigger, 0, 0, length);
        grown = bigger;
      }
      const n = readSync(fd, grown, length, grown.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new FileError(file, [tooLarge(maxBytes)]);
    return grown.subarray(0, length);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(file, [`cannot be read (${codeOf(error)}).`]);
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes as text: UTF-8, with or without a byte-order mark. UTF-16 and UTF-32 (what some
 * Windows editors save) and bytes that are not UTF-8 at all are refused with a sentence that
 * says which, instead of JSON's "Unexpected token".
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const startsWith = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (startsWith(0xff, 0xfe, 0, 0) || startsWith(0, 0, 0xfe, 0xff)) {
    throw new FileError(file, ['is UTF-32 text; save it as UTF-8 and try again.']);
  }
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0))) {
    throw new FileError(file, ['is UTF-16 text; save it as UTF-8 and try again.']);
  }
  const body = startsWith(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  if (body.length === 0) throw new FileError(file, ['is empty.']);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new FileError(file, ['is not UTF-8 text (it may be a binary file); choose a JSON file.']);
  }
}

/** JSON text already in memory (a file's decoded text), parsed strictly. */
export function parseJsonFrom(text: string, file: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (error) {
    if (error instanceof JsonProblem) throw new FileError(file, [error.message]);
    throw error;
  }
}

/**
 * JSON text of a file already in memory: its size first, then its syntax, both before anything
 * else looks at it (JSON.parse of a huge text would stall the app). A refusal is `as`, the
 * caller's kind of FileError, so each kind of file is named as what it is.
 */
export function parseCappedJson(
  text: string,
  file: string,
  maxBytes: number,
  as: new (file: string, problems: readonly (Problem | string)[]) => FileError = FileError,
): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new as(file, [tooLarge(maxBytes, bytes)]);
  try {
    return parseJsonFrom(text, file);
  } catch (error) {
    if (error instanceof FileError) throw new as(file, error.problems);
    throw error;
  }
}

export const readTextFile = (file: string, maxBytes: number): string => decodeText(readFileBytes(file, maxBytes), file);

/** A JSON file a user named: bounded, regular, UTF-8, no repeated keys, not absurdly deep. */
export const readJsonFile = (file: string, maxBytes: number): unknown => parseJsonFrom(readTextFile(file, maxBytes), file);
