import type { Db } from './open';

/** SQLite's data_version: it moves when another connection commits to the file, and never for this one's own writes. */
export const dataVersion = (db: Db): number => db.pragma('data_version', { simple: true }) as number;
