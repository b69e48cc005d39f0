// Returning to the place the user left (screen and open run), kept in localStorage as UI
// state only.
import { useLayoutEffect } from 'react';
import { useRuns } from '../features/runs/store';
import { SCREEN_IDS, useNavigation, type Screen } from '../ui/navigation';
import { PLACE_KEY, parsePlace, serialisePlace, type LastPlace } from './place';

function readPlace(): LastPlace | null {
  try {
    return parsePlace(localStorage.getItem(PLACE_KEY), SCREEN_IDS);
  } catch {
    return null;
  }
}

function writePlace(place: LastPlace): void {
  try {
    localStorage.setItem(PLACE_KEY, serialisePlace(place));
  } catch {
    // Refused storage only costs the user the return to their place.
  }
}

/** On start, back to the screen and run of last time; from then on, remember them. */
export function useLastPlace(): void {
  // Before the first paint, so the app does not flash the default screen first.
  useLayoutEffect(() => {
    const place = readPlace();
    if (place) {
      useNavigation.getState().navigate(place.screen as Screen);
      if (place.runId) void useRuns.getState().openRun(place.runId, { restoring: true, host: place.runHost });
    }
    const current = (): LastPlace => {
      const { view, host } = useRuns.getState();
      return { screen: useNavigation.getState().screen, runId: view.kind === 'run' ? view.id : null, runHost: host };
    };
    const save = (): void => writePlace(current());
    const offNav = useNavigation.subscribe(save);
    const offRuns = useRuns.subscribe((s, before) => {
      if (s.view !== before.view || s.host !== before.host) save();
    });
    return () => {
      offNav();
      offRuns();
    };
  }, []);
}
