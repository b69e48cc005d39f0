import type Database from 'better-sqlite3';

/**
 * Every row of every table, in a fixed order, as one string: two dumps are equal exactly
 * when the databases hold the same data. Used to prove that a refused import wrote nothing.
 * (SQLite's own sqlite_* tables are left out: sqlite_sequence and sqlite_stat change with
 * bookkeeping, not with data.)
 */
export function dumpDatabase(db: Database.Database): string {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  const parts: string[] = [`user_version=${String(db.pragma('user_version', { simple: true }))}`];
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string }[]).map((c) => `"${c.name.replaceAll('"', '""')}"`);
    if (columns.length === 0) continue;
    const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${quoted} ORDER BY ${columns.join(', ')}`).raw().all();
    parts.push(`${table}:${JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : typeof v === 'bigint' ? `${v}n` : v))}`);
  }
  return parts.join('\n');
}
