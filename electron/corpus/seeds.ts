import { UserError } from '../../shared/errors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGS, type DocumentMeta } from '../../shared/corpus';

const manifestSchema = z.object({
  version: z.literal(1),
  documents: z
    .array(
      z.object({
        file: z.string().regex(/^[\w.-]+\.txt$/),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        docRef: z.string().min(1),
        lang: z.enum(LANGS),
        title: z.string().min(1),
        adopted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        meeting: z.string().min(1),
      }),
    )
    .min(1),
});

export interface SeedFile {
  readonly meta: DocumentMeta;
  readonly text: string;
}

export interface SeedSet {
  /** Covers the manifest, every file and the parser's format: any change means a rebuild. */
  readonly hash: string;
  readonly files: readonly SeedFile[];
}

export class SeedError extends UserError {
  override name = 'SeedError';
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Reads seeds/manifest.json and the files it names, refusing any file whose hash differs. */
export function readSeeds(seedsDir: string, formatVersion: number): SeedSet {
  const manifestPath = join(seedsDir, 'manifest.json');
  let raw: string;
  try {
    raw = readFileSync(manifestPath, 'utf8');
  } catch {
    throw new SeedError(`The seed manifest is missing: ${manifestPath}`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedError(`seeds/manifest.json: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const files = parsed.data.documents.map((meta): SeedFile => {
    const bytes = readFileSync(join(seedsDir, meta.file));
    const actual = sha256(bytes);
    if (actual !== meta.sha256) {
      throw new SeedError(`seeds/${meta.file}: its SHA-256 is ${actual}, the manifest says ${meta.sha256}`);
    }
    return { meta, text: bytes.toString('utf8') };
  });
  const hash = sha256(JSON.stringify({ formatVersion, manifest: parsed.data }));
  return { hash, files };
}
