import { describe, expect, it } from 'vitest';
import { parsePlace, serialisePlace } from '../../../../renderer/src/app/place';

const SCREENS = ['library', 'runs'];

describe('the last place', () => {
  it('round-trips the screen and the open run', () => {
    const place = { screen: 'runs', runId: 'abc' };
    expect(parsePlace(serialisePlace(place), SCREENS)).toEqual(place);
    expect(parsePlace(serialisePlace({ screen: 'library', runId: null }), SCREENS)).toEqual({ screen: 'library', runId: null });
  });

  it('ignores what is missing, damaged or unknown', () => {
    expect(parsePlace(null, SCREENS)).toBeNull();
    expect(parsePlace('{not json', SCREENS)).toBeNull();
    expect(parsePlace('"runs"', SCREENS)).toBeNull();
    expect(parsePlace('null', SCREENS)).toBeNull();
    expect(parsePlace(JSON.stringify({ screen: 'exercises', runId: 'x' }), SCREENS)).toBeNull();
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 42 }), SCREENS)).toEqual({ screen: 'runs', runId: null });
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: '' }), SCREENS)).toEqual({ screen: 'runs', runId: null });
    expect(parsePlace(JSON.stringify({ screen: 'runs', runId: 'x'.repeat(101) }), SCREENS)).toEqual({ screen: 'runs', runId: null });
  });
});
