import { UserError, type Problem } from '../../shared/errors';
import { formatIssues } from '../../shared/validation';
import { FileError, parseCappedJson } from '../files/read';
import { canonicalJson } from '../workflow/chain';
import { verifySignature, type InstallationKey } from './keys';
import { openWithPassphrase, sealWithPassphrase } from './seal';
import {
  EXCHANGE_VERSION, KIT_FORMAT, MAX_EXCHANGE_BYTES, PASSPHRASE_LIMITS, RETURN_FORMAT, SEALED_FORMAT, sealedFileSchema, signedFileSchema,
  type SignedFormat,
} from '../../shared/exchange/format';

/**
 * A kit or a return as it lies on the stick: a signed envelope (format, signer, signature,
 * body), sealed whole with the exercise's passphrase when there is one. Opening checks, in
 * order: size, JSON, the seal (a wrong passphrase is one message), the envelope's shape, its
 * kind, and the signature; only then is the body handed on, to be checked for what it says.
 */
export class ExchangeFileError extends FileError {
  override name = 'ExchangeFileError';
}

const WHAT: { readonly [F in SignedFormat]: string } = { [KIT_FORMAT]: 'a delegation kit', [RETURN_FORMAT]: 'a delegation\'s return' };

/** What is signed: the kind, the version and the body's canonical JSON, so a signature for one kind never fits another. */
const signedBytes = (format: SignedFormat, body: unknown): Buffer => Buffer.from(`${format}\n${EXCHANGE_VERSION}\n${canonicalJson(body)}`, 'utf8');

export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.length < PASSPHRASE_LIMITS.min) return `A passphrase needs at least ${PASSPHRASE_LIMITS.min} characters.`;
  if (passphrase.length > PASSPHRASE_LIMITS.max) return `A passphrase can have at most ${PASSPHRASE_LIMITS.max} characters.`;
  return null;
}

/** The file's text: signed by this installation's key, and sealed when a passphrase is given. */
export function exchangeFileText(format: SignedFormat, body: unknown, key: InstallationKey, passphrase: string | null): string {
  const signed = { format, version: EXCHANGE_VERSION, signer: key.publicKey, signature: key.sign(signedBytes(format, body)), body };
  const text = JSON.stringify(signed) + '\n';
  return passphrase === null ? text : sealedText(text, passphrase);
}

export interface OpenedFile {
  readonly signer: string;
  readonly body: unknown;
  /** Whether it came sealed with a passphrase. */
  readonly sealed: boolean;
}

const parse = (text: string, fileName: string): unknown => parseCappedJson(text, fileName, MAX_EXCHANGE_BYTES, ExchangeFileError);

/** A file's JSON, opened first when it is sealed with a passphrase; sealed twice is refused. */
function unsealedValue(text: string, fileName: string, passphrases: readonly string[]): { value: unknown; sealed: boolean; inner: string } {
  const refuse = (problems: readonly (Problem | string)[]): never => {
    throw new ExchangeFileError(fileName, problems);
  };
  const value = parse(text, fileName);
  if (formatOf(value) !== SEALED_FORMAT) return { value, sealed: false, inner: text };
  const file = sealedFileSchema.safeParse(value);
  if (!file.success) refuse(formatIssues(file.error));
  if (passphrases.length === 0) refuse([`it is sealed with the exercise's passphrase; give the passphrase to open it.`]);
  let inner: string | null = null;
  for (const passphrase of passphrases) {
    inner = openWithPassphrase(file.data!, passphrase);
    if (inner !== null) break;
  }
  if (inner === null) refuse(['the passphrase does not open it: a wrong passphrase, or the file was changed after it was sealed.']);
  const innerValue = parse(inner!, fileName);
  if (formatOf(innerValue) === SEALED_FORMAT) refuse(['it is sealed twice; a file is sealed once, by the app that wrote it.']);
  return { value: innerValue, sealed: true, inner: inner! };
}

/** A file that may come sealed (an exercise package): its inner text, opened with the passphrase when it is sealed. */
export function unsealedText(text: string, fileName: string, passphrase: string | null): string {
  return unsealedValue(text, fileName, passphrase === null ? [] : [passphrase]).inner;
}

/** Any text sealed whole with a passphrase, as the stick carries it. */
export function sealedText(text: string, passphrase: string): string {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new UserError(problem);
  return JSON.stringify(sealWithPassphrase(text, passphrase)) + '\n';
}

const formatOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;

/**
 * Opens a kit or a return: `passphrases` are tried in turn on a sealed file (the one typed,
 * or those this laptop keeps for the exercise). Refuses with the file's name and the reason.
 */
export function openExchangeFile(text: string, fileName: string, expected: SignedFormat, passphrases: readonly string[]): OpenedFile {
  const refuse = (problems: readonly (Problem | string)[]): never => {
    throw new ExchangeFileError(fileName, problems);
  };
  const opened = unsealedValue(text, fileName, passphrases);
  const { value, sealed } = opened;
  const format = formatOf(value);
  if (format !== expected) {
    const found = format === KIT_FORMAT || format === RETURN_FORMAT ? `${WHAT[format]}` : `not a file of CDT Workbench's exchange (format ${JSON.stringify(format) ?? 'missing'})`;
    refuse([`format: expected ${WHAT[expected]} ("${expected}"), but this is ${found}.`]);
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXCHANGE_VERSION) {
    refuse([`version: this file has version ${version}, written by a newer CDT Workbench; this version reads version ${EXCHANGE_VERSION}.`]);
  }
  const signed = signedFileSchema.safeParse(value);
  if (!signed.success) refuse(formatIssues(signed.error));
  const { signer, signature, body } = signed.data!;
  if (!verifySignature(signer, signedBytes(expected, body), signature)) {
    refuse(['signature: does not match the content; the file was changed or damaged after it was signed.']);
  }
  return { signer, body, sealed };
}
