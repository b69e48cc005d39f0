import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, genesisHash, verifyChain, type ChainedEvent } from '../../../../electron/workflow/chain';

function chain(runId: string, events: unknown[]): ChainedEvent[] {
  let prev = genesisHash(runId);
  return events.map((e, i) => {
    const seq = i + 1;
    const at = `2026-11-22T10:00:0${seq}.000Z`;
    const event = canonicalJson(e);
    const hash = eventHash(prev, seq, at, event);
    const chained = { seq, at, event, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
}

const events = [{ type: 'A', x: 1 }, { type: 'B', text: 'ā' }, { type: 'C' }, { type: 'D' }];

describe('the hash chain', () => {
  it('verifies an untouched chain and reports its head', () => {
    const c = chain('run-1', events);
    expect(verifyChain('run-1', c, c.at(-1)!.hash)).toEqual({ intact: true, events: 4, headHash: c.at(-1)!.hash });
  });

  it('names the event whose content was edited', () => {
    const c = chain('run-1', events);
    c[2] = { ...c[2]!, event: canonicalJson({ type: 'C', sneaky: true }) };
    expect(verifyChain('run-1', c)).toMatchObject({ intact: false, firstBroken: 3, reason: expect.stringMatching(/event 3 was changed/) });
  });

  it('names the place where an event was removed', () => {
    const c = chain('run-1', events);
    c.splice(1, 1);
    expect(verifyChain('run-1', c)).toMatchObject({ intact: false, firstBroken: 3 });
  });

  it('detects a re-hashed forgery by the broken link after it', () => {
    const c = chain('run-1', events);
    const forged = canonicalJson({ type: 'B', text: 'forged' });
    c[1] = { ...c[1]!, event: forged, hash: eventHash(c[1]!.prevHash, 2, c[1]!.at, forged) };
    expect(verifyChain('run-1', c)).toMatchObject({ intact: false, firstBroken: 3, reason: expect.stringMatching(/does not follow/) });
  });

  it('detects events cut from the end against the stored head', () => {
    const c = chain('run-1', events);
    expect(verifyChain('run-1', c.slice(0, 3), c.at(-1)!.hash)).toMatchObject({ intact: false, firstBroken: 4 });
  });

  it('binds the chain to its run: the same events under another run id do not verify', () => {
    expect(verifyChain('run-2', chain('run-1', events))).toMatchObject({ intact: false, firstBroken: 1 });
  });

  it('hashes the same event the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });
});
