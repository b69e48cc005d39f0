import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/db/migrations';

const here = new URL('./', import.meta.url);

describe('the migration registry', () => {
  // A migration's test is what proves it upgrades an older database's data, not only an empty one.
  it.each(MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}`))('has a test for %s', (file) => {
    expect(existsSync(new URL(`../../../../../electron/db/migrations/${file}.ts`, here))).toBe(true);
    expect(existsSync(new URL(`${file}.test.ts`, here))).toBe(true);
  });
});
