import { describe, expect, it } from 'vitest';
import { parsePlace, serialisePlace } from '../../../../renderer/src/app/place';

const SCREENS = ['library', 'runs', 'exercises'];

describe('the last place', () => {
  it('round-trips the screen, the open run and the screen it was shown on', () => {
    const place = { screen: 'runs', runId: 'abc', runHost: 'runs' } as const;
    expect(parsePlace(serialisePlace(place), SCREENS)).toEqual(place);
    const delegation = { screen: 'exercises', runId: 'abc', runHost: 'exercises' } as const;
    expect(parsePlace(serialisePlace(delegation), SCREENS)).toEqual(delegation);
    expect(parsePlace(serialisePlace({ screen: 'library', runId: null, runHost: 'runs' }), SCREENS)).toEqual({ screen: 'library', runId: null, runHost: 'runs' });
  });

  it('reads a place stored before runs had a host as one on the runs screen', () => {
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 'abc' }), SCREENS)).toEqual({ screen: 'runs', runId: 'abc', runHost: 'runs' });
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 'abc', runHost: 'library' }), SCREENS)).toEqual({ screen: 'runs', runId: 'abc', runHost: 'runs' });
  });

  it('ignores what is missing, damaged or unknown', () => {
    expect(parsePlace(null, SCREENS)).toBeNull();
    expect(parsePlace('{not json', SCREENS)).toBeNull();
    expect(parsePlace('"runs"', SCREENS)).toBeNull();
    expect(parsePlace('null', SCREENS)).toBeNull();
    expect(parsePlace(JSON.stringify({ screen: 'settings', runId: 'x' }), SCREENS)).toBeNull();
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 42 }), SCREENS)).toEqual({ screen: 'runs', runId: null, runHost: 'runs' });
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: '' }), SCREENS)).toEqual({ screen: 'runs', runId: null, runHost: 'runs' });
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 'x'.repeat(101) }), SCREENS)).toEqual({ screen: 'runs', runId: null, runHost: 'runs' });
  });
});
