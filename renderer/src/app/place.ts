// Where the user was when the app closed: UI state only (the run itself is in the main
// process's database). Parsing is defensive: the stored text may be old or damaged.

export const PLACE_KEY = 'cdt.lastPlace';

/** The screen a run is shown on: the runs screen, or its exercise's (a delegation's run). */
export const RUN_HOSTS = ['runs', 'exercises'] as const;
export type RunHost = (typeof RUN_HOSTS)[number];

export interface LastPlace {
  readonly screen: string;
  /** The run open on the runs screen, or null for the list. */
  readonly runId: string | null;
  /** Where that run was shown (older places, which lack it: the runs screen). */
  readonly runHost: RunHost;
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
  const { screen, runId, runHost } = value as { screen?: unknown; runId?: unknown; runHost?: unknown };
  if (typeof screen !== 'string' || !screens.includes(screen)) return null;
  const id = typeof runId === 'string' && runId.length > 0 && runId.length <= 100 ? runId : null;
  const host = (RUN_HOSTS as readonly unknown[]).includes(runHost) ? (runHost as RunHost) : 'runs';
  return { screen, runId: id, runHost: host };
}

export function serialisePlace(place: LastPlace): string {
  return JSON.stringify({ screen: place.screen, runId: place.runId, runHost: place.runHost });
}
