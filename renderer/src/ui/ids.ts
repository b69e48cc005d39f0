// Ids for findings, notes and dissents. crypto.randomUUID exists only in a secure context;
// the packaged app is one, a page served over plain http (the e2e harness) is not, so fall
// back to a version 4 UUID built from crypto.getRandomValues, which exists everywhere.

/** A version 4 UUID from 16 random bytes (RFC 9562 §5.4). */
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError('A UUID needs 16 bytes.');
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
}

export function newId(): string {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c) throw new Error('No source of random numbers for an id.');
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return uuidFromBytes(c.getRandomValues(new Uint8Array(16)));
}
