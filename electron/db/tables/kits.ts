import type { Db } from '../open';
import { statement } from '../statements';

/**
 * kits and kit_codes, on the facilitator's laptop: the kit each delegation was issued, and
 * the release code of each inject sealed in it. Written by the exchange (electron/exchange);
 * read by the exercise service, which releases to a delegation whose kit is out by code.
 */
export interface KitRow {
  delegation_id: string;
  kit_id: string;
  issued_at: string;
  salt: string;
  sealed: 0 | 1;
  passphrase: string | null;
  laptop_key: string | null;
  accepted_at: string | null;
  last_return_at: string | null;
}

export function selectKit(db: Db, delegationId: string): KitRow | undefined {
  return statement(db, 'SELECT * FROM kits WHERE delegation_id = ?').get(delegationId) as KitRow | undefined;
}

/** The kits of an exercise's delegations, keyed by delegation. */
export function selectKitsOfExercise(db: Db, exerciseId: string): Map<string, KitRow> {
  const rows = statement(
    db,
    'SELECT k.* FROM kits k JOIN exercise_delegations d ON d.id = k.delegation_id WHERE d.exercise_id = ?',
  ).all(exerciseId) as KitRow[];
  return new Map(rows.map((r) => [r.delegation_id, r]));
}

/** A kit as issued here (its passphrase kept to open its returns), or as an imported exercise brings it (without). */
export function insertKit(
  db: Db,
  k: {
    readonly delegationId: string; readonly kitId: string; readonly issuedAt: string; readonly salt: string; readonly sealed: boolean;
    readonly passphrase: string | null; readonly laptopKey?: string | null; readonly acceptedAt?: string | null; readonly lastReturnAt?: string | null;
  },
): void {
  statement(
    db,
    'INSERT INTO kits (delegation_id, kit_id, issued_at, salt, sealed, passphrase, laptop_key, accepted_at, last_return_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(k.delegationId, k.kitId, k.issuedAt, k.salt, k.sealed ? 1 : 0, k.passphrase, k.laptopKey ?? null, k.acceptedAt ?? null, k.lastReturnAt ?? null);
}

/** A kit issued again (a lost stick) keeps its id, salt and codes; it may be sealed with another passphrase. */
export function updateKitPassphrase(db: Db, delegationId: string, passphrase: string | null): void {
  statement(db, 'UPDATE kits SET sealed = ?, passphrase = ? WHERE delegation_id = ?').run(passphrase === null ? 0 : 1, passphrase, delegationId);
}

/** The first return names the key that accepted the kit; every later one must carry the same. */
export function updateKitReturn(db: Db, delegationId: string, r: { readonly laptopKey: string; readonly acceptedAt: string; readonly returnedAt: string }): void {
  statement(db, 'UPDATE kits SET laptop_key = ?, accepted_at = ?, last_return_at = ? WHERE delegation_id = ?').run(
    r.laptopKey, r.acceptedAt, r.returnedAt, delegationId,
  );
}

export function insertKitCode(db: Db, delegationId: string, injectId: string, code: string): void {
  statement(db, 'INSERT INTO kit_codes (delegation_id, inject_id, code) VALUES (?, ?, ?)').run(delegationId, injectId, code);
}

/** inject id -> code, for one kit, in the inject ids' order (as an export lists them). */
export function selectKitCodes(db: Db, delegationId: string): Map<string, string> {
  const rows = statement(db, 'SELECT inject_id, code FROM kit_codes WHERE delegation_id = ? ORDER BY inject_id').all(delegationId) as { inject_id: string; code: string }[];
  return new Map(rows.map((r) => [r.inject_id, r.code]));
}

/** The passphrases this exercise's kits were sealed with (usually one), to open their returns. */
export function selectExercisePassphrases(db: Db, exerciseId: string): string[] {
  return (
    statement(
      db,
      'SELECT DISTINCT k.passphrase FROM kits k JOIN exercise_delegations d ON d.id = k.delegation_id WHERE d.exercise_id = ? AND k.passphrase IS NOT NULL',
    ).all(exerciseId) as { passphrase: string }[]
  ).map((r) => r.passphrase);
}
