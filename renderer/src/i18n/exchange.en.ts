// The exchange across laptops (ARCHITECTURE.md): this laptop's key. Merged under `exchange` in i18n/index.ts; the
// facilitator's side is in the exercises strings (`exercises.kits`, `exercises.codes`).
export const exchangeEn = {
  loading: 'Loading…',
  cancel: 'Cancel',
  key: {
    this: 'This laptop’s key:',
    loading: 'reading…',
    failed: 'could not be read ({{message}})',
    compare: 'Read it aloud to compare it with what the other laptop shows.',
  },
};
