import type { Db } from '../db/open';
import { dataVersion } from '../db/data-version';
import type { DataChange } from '../../shared/ipc/contract';

/**
 * Changes made elsewhere: SQLite's data_version moves when another connection (the command
 * line, the worker thread) commits to the file, and only then. Polled, because SQLite tells
 * no one; a second is quicker than anyone turns to look at the screen.
 */
export function watchDatabase(db: Db, announce: (change: DataChange) => void, intervalMs = 1_000): () => void {
  const version = (): number => dataVersion(db);
  let seen = version();
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = version();
    if (now === seen) return;
    seen = now;
    announce({ origin: 'elsewhere' });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
