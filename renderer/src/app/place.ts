// Where the user was when the app closed: UI state only (the run itself is in the main
// process's database). Parsing is defensive: the stored text may be old or damaged.

export const PLACE_KEY = 'cdt.lastPlace';

export interface LastPlace {
  readonly screen: string;
  /** The run open on the runs screen, or null for the list. */
  readonly runId: string | null;
}

export function parsePlace(raw: string | null, screens: readonly string[]): LastPlace | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { screen, runId } = value as { screen?: unknown; runId?: unknown };
  if (typeof screen !== 'string' || !screens.includes(screen)) return null;
  const id = typeof runId === 'string' && runId.length > 0 && runId.length <= 100 ? runId : null;
  return { screen, runId: id };
}

export function serialisePlace(place: LastPlace): string {
  return JSON.stringify({ screen: place.screen, runId: place.runId });
}
