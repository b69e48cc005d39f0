import fc from 'fast-check';
import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import { initialWorkflowContext } from '../../../../shared/workflow/context';
import { WORKFLOW_EVENT_TYPES, type WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { stepsDone, whyNot } from '../../../../shared/workflow/explain';
import { WORKFLOW_MACHINE_VERSION, workflowMachine, type WorkflowSnapshot } from '../../../../shared/workflow/machine';
import { assessRun, blockers } from '../../../../shared/workflow/rules';
import { E, initial, run, step, toMeasures } from './fixtures';

/** Sends an event that must be refused, and checks the refusal is explained and changes nothing. */
function refused(snapshot: WorkflowSnapshot, event: WorkflowEvent): readonly string[] {
  const [next] = transition(workflowMachine, snapshot, event);
  expect(next, `${event.type} should be refused`).toBe(snapshot);
  expect(JSON.stringify(next.toJSON())).toBe(JSON.stringify(snapshot.toJSON()));
  expect(snapshot.can(event)).toBe(false);
  const reasons = whyNot(snapshot, event);
  expect(reasons.length).toBeGreaterThan(0);
  return reasons;
}

function accepted(snapshot: WorkflowSnapshot, event: WorkflowEvent): WorkflowSnapshot {
  expect(whyNot(snapshot, event), event.type).toEqual([]);
  expect(snapshot.can(event)).toBe(true);
  const next = step(snapshot, event);
  expect(next).not.toBe(snapshot);
  return next;
}

const decidable = (attribution: WorkflowEvent = E.attributeState()): WorkflowEvent[] => [
  ...toMeasures(attribution),
  E.select('hr-statement'),
  ...E.allPrinciples(),
];

describe('the workflow machine', () => {
  it('is versioned and starts in awareness with an empty run', () => {
    expect(WORKFLOW_MACHINE_VERSION).toBe(3);
    const s = initial();
    expect(s.value).toBe('awareness');
    expect(s.context).toEqual(initialWorkflowContext);
    expect(stepsDone(s.context)).toEqual([]);
  });

  it('goes through the five steps to a decision', () => {
    const s = run([...decidable(), E.submit()]);
    expect(s.value).toBe('decided');
    expect(s.context.decision).toEqual({ at: '2025-01-01T10:00:00Z', summary: 'Statement by the HR.' });
    expect(stepsDone(s.context)).toEqual(['awareness', 'attribution', 'proportionality', 'measures', 'decided']);
    expect(blockers(s.context)).toEqual([]);
  });

  it('is pure: replaying the same events gives the same snapshot', () => {
    const events = [...decidable(), E.note(), E.submit(), E.inject(), E.dissent()];
    expect(run(events).toJSON()).toEqual(run(events).toJSON());
    expect(JSON.parse(JSON.stringify(run(events).context))).toEqual(run(events).context);
  });

  describe('positions and the hot wash (version 3)', () => {
    const decided = run([...decidable(), E.submit()]);

    it('records an objection or a constructive abstention on a measure not chosen, with its text, without reopening the decision', () => {
      expect(refused(initial(), E.object('travel-ban'))).toEqual([
        "Recording the delegation's position on a measure is possible only in the Measures and Decision steps; the run is in the Shared situational awareness step.",
      ]);
      const objected = accepted(decided, E.object('travel-ban'));
      expect(objected.value).toBe('decided');
      expect(objected.context.decision).not.toBeNull();
      const both = accepted(objected, E.abstain('asset-freeze'));
      expect(both.context.positions).toEqual({
        'travel-ban': { stance: 'opposes', text: 'No one is identified to list.', at: '2025-01-01T10:30:00Z' },
        'asset-freeze': { stance: 'abstains', text: 'We will not apply it, and accept that it commits the Union.', at: '2025-01-01T10:35:00Z' },
      });
      expect(accepted(both, E.withdraw('travel-ban')).context.positions).not.toHaveProperty('travel-ban');
    });

    it('refuses a position without its text, on a measure the delegation chose, or a withdrawal of none', () => {
      expect(refused(decided, E.abstain('travel-ban', ' '))).toEqual(['Give the formal declaration on Travel ban (restrictions on admission of listed persons).']);
      expect(refused(decided, E.object('hr-statement'))).toEqual([
        'Statement by the High Representative or declaration on behalf of the EU is among the measures this delegation chose, so it supports it: deselect it first.',
      ]);
      expect(refused(decided, E.withdraw('cbm'))).toEqual(['No position is recorded on Confidence-building measures (e.g. OSCE).']);
    });

    it('sets an objection aside when the delegation then chooses the measure', () => {
      const s = run([...toMeasures(), E.object('hr-statement'), E.select('hr-statement')]);
      expect(s.context.positions).toEqual({});
    });

    it('takes the hot wash at any step, the latest replacing the earlier, and refuses an empty one', () => {
      const empty: WorkflowEvent = { type: 'HOTWASH.SUBMIT', strengths: ' ', improvements: '', ratings: {}, comments: '', source: 'paper', at: '2025-01-01T12:00:00Z' };
      expect(refused(initial(), empty)).toEqual(['The hot wash is empty: give a strength, an area for improvement, a rating or a comment.']);
      const s = run([E.hotWash('First'), E.hotWash('Second')]);
      expect(s.value).toBe('awareness');
      expect(s.context.hotWash).toMatchObject({ strengths: 'Second', ratings: { scenario: 4 }, source: 'delegation' });
    });
  });

  describe('awareness', () => {
    it('needs at least one finding and a stated assessment to agree', () => {
      expect(refused(initial(), E.agree())).toEqual([
        'A shared assessment rests on findings: record at least one finding first.',
      ]);
      const withFinding = accepted(initial(), E.finding());
      expect(refused(withFinding, { type: 'AWARENESS.AGREE', text: '  ' })).toEqual([
        'State the shared assessment the member states agree.',
      ]);
      const agreed = accepted(withFinding, E.agree());
      expect(agreed.value).toBe('attribution');
      expect(agreed.context.sharedAssessment.agreed).toBe(true);
    });

    it('keeps finding ids unique and refuses edits of unknown findings', () => {
      const s = run([E.finding('f1')]);
      expect(refused(s, E.finding('f1'))).toEqual(['A finding with id "f1" is already recorded.']);
      expect(refused(s, { type: 'FINDING.REMOVE', id: 'nope' })).toEqual(['There is no finding with id "nope".']);
      expect(refused(s, { type: 'FINDING.EDIT', id: 'f1', text: '', source: 's', confidence: 'low' })).toEqual([
        'A finding needs a text: what happened.',
      ]);
      const edited = accepted(s, { type: 'FINDING.EDIT', id: 'f1', text: 'Revised', source: 'INTCEN', confidence: 'low' });
      expect(edited.context.findings).toEqual([{ id: 'f1', text: 'Revised', source: 'INTCEN', confidence: 'low' }]);
      expect(accepted(edited, { type: 'FINDING.REMOVE', id: 'f1' }).context.findings).toEqual([]);
    });

    it('un-agrees the shared assessment when the findings change after a revision', () => {
      const s = run([E.finding(), E.agree(), E.revise('awareness')]);
      expect(s.value).toBe('awareness');
      expect(s.context.sharedAssessment.agreed).toBe(true);
      expect(step(s, E.finding('f2')).context.sharedAssessment.agreed).toBe(false);
    });
  });

  describe('attribution', () => {
    const at = run([E.finding(), E.agree()]);

    it('records an attribution with its basis and moves on', () => {
      const s = accepted(at, E.attributeState());
      expect(s.value).toBe('proportionality');
      expect(s.context.attribution).toEqual({
        status: 'attributed',
        actorType: 'state',
        actorNamed: true,
        actorName: 'State X',
        confidence: 'high',
        basis: 'All-source intelligence assessment.',
      });
    });

    it('refuses an attribution without basis, or a named actor without a name', () => {
      expect(refused(at, { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state', actorNamed: true, confidence: 'high', basis: '' })).toEqual([
        'An attribution needs its basis: the all-source intelligence it rests on (10474/17 §4).',
        'The attribution names the actor: give the name.',
      ]);
    });

    it('can be skipped, with a reason', () => {
      expect(refused(at, { type: 'ATTRIBUTION.SKIP', reason: '' })).toEqual(['Give the reason for not attributing the activity.']);
      const s = accepted(at, E.skip());
      expect(s.context.attribution).toEqual({ status: 'skipped', reason: 'Not ripe for a political decision.' });
    });
  });

  describe('proportionality', () => {
    const at = run([E.finding(), E.agree(), E.skip()]);

    it('rates 0-4 and refuses anything else', () => {
      refused(at, { type: 'RATING.SET', dimension: 'scope', value: 7 as never, rationale: 'x' });
      expect(whyNot(at, { type: 'RATING.SET', dimension: 'scope', value: 7 as never, rationale: 'x' })).toEqual([
        'A rating is an integer from 0 to 4, not 7.',
      ]);
      refused(at, { type: 'RATING.SET', dimension: 'reach' as never, value: 2, rationale: 'x' });
      expect(accepted(at, E.rate('scope', 2)).context.ratings.scope).toEqual({ value: 2, rationale: 'See findings.' });
    });

    it('confirms only when all seven are rated, each with a rationale', () => {
      const six = run(DIMENSION_IDS.slice(0, 6).map((d) => E.rate(d)), at);
      expect(refused(six, E.confirm())).toEqual(['Rate all seven dimensions: impact is not rated yet.']);
      const noWhy = step(six, E.rate('impact', 4, ''));
      expect(refused(noWhy, E.confirm())).toEqual(['Give a rationale for every rating: impact 4 has none.']);
      expect(accepted(step(noWhy, E.rate('impact', 4)), E.confirm()).value).toBe('measures');
    });

    it('records the sanctions-regime facts', () => {
      const potential = Object.fromEntries(DIMENSION_IDS.map((d) => [d, 2])) as never;
      const s = accepted(at, E.sanctions({ attempt: { potential }, targets: ['state-functions'], actorsIdentified: true }));
      expect(s.context.attempt).toEqual({ potential });
      expect(s.context.targets).toEqual(['state-functions']);
      expect(s.context.external).toBe(true);
      expect(s.context.actorsIdentified).toBe(true);
      expect(refused(at, E.sanctions({ targets: ['banks' as never] }))).toEqual(['Unknown target kinds: "banks".']);
      expect(refused(at, E.sanctions({ attempt: { potential: { scope: 1 } as never } }))[0]).toMatch(
        /^An attempt needs the potential effect rated 0 to 4 on every dimension: scale, duration/,
      );
    });
  });

  describe('measures', () => {
    it('cannot be selected before the measures step', () => {
      const s = run([E.finding(), E.agree(), E.skip(), ...E.rateAll()]);
      expect(refused(s, E.select('cbm'))).toEqual([
        'Selecting a measure is possible only in the Measures step; the run is in the Proportionality step.',
      ]);
      // Without the step, the context alone has nothing against it.
      expect(whyNot(s.context, E.select('cbm'))).toEqual([]);
      expect(whyNot(initial().context, E.select('cbm'))).toEqual([
        'Measures come after the shared assessment is agreed.',
        'Measures come after all seven dimensions are rated.',
      ]);
    });

    it('refuses a measure whose requirement is unmet', () => {
      const skippedRun = run(toMeasures(E.skip()));
      expect(refused(skippedRun, E.select('support-lawful-responses'))).toEqual([
        "Support to member states' lawful responses needs attribution to a State; attribution was skipped.",
      ]);
      expect(refused(skippedRun, E.select('travel-ban'))).toEqual([
        'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and there is no attribution that could name anyone (it was skipped).',
        'Listings under the cyber sanctions regime (Council Decision (CFSP) 2019/797) need an external threat to the Union or its member states; the activity is not recorded as one.',
      ]);
      const nonState = run(toMeasures(E.attributeNonState()));
      expect(refused(nonState, E.select('support-lawful-responses'))).toEqual([
        "Support to member states' lawful responses needs attribution to a State; the activity was attributed to a non-state actor, not to a State.",
      ]);
      // A listing needs identified actors and an external threat, not attribution to a State.
      const listing = run(
        [E.revise('proportionality'), E.sanctions({ actorsIdentified: true, external: true }), E.confirm()],
        skippedRun,
      );
      expect(accepted(listing, E.select('travel-ban')).context.measures.map((m) => m.measureId)).toEqual(['travel-ban']);
      const internal = run([E.revise('proportionality'), E.sanctions({ actorsIdentified: true, external: false }), E.confirm()], skippedRun);
      expect(refused(internal, E.select('asset-freeze'))[0]).toMatch(/need an external threat/);
    });

    it('opens listings to named actors only: an attribution that names no one identifies no one', () => {
      const { actorName: _name, ...attribution } = E.attributeState() as Extract<WorkflowEvent, { type: 'ATTRIBUTION.ATTRIBUTE' }>;
      const unnamed: WorkflowEvent = { ...attribution, actorNamed: false };
      const anonymous = run([...toMeasures(unnamed), E.revise('proportionality'), E.sanctions({ external: true }), E.confirm()]);
      expect(refused(anonymous, E.select('travel-ban'))).toEqual([
        'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and the attribution names no one.',
      ]);
      // The same attribution, with the persons recorded as identified, or an attribution that names the actor.
      const identified = run([E.revise('proportionality'), E.sanctions({ external: true, actorsIdentified: true }), E.confirm()], anonymous);
      expect(accepted(identified, E.select('travel-ban')).context.measures.map((m) => m.measureId)).toEqual(['travel-ban']);
      const named = run([...toMeasures(E.attributeState()), E.revise('proportionality'), E.sanctions({ external: true }), E.confirm()]);
      expect(accepted(named, E.select('asset-freeze')).context.measures.map((m) => m.measureId)).toEqual(['asset-freeze']);
      // Revising the attribution to name no one leaves the listing standing in the way of the decision.
      const chosen = step(named, E.select('asset-freeze'));
      const revised = run([E.revise('attribution'), unnamed, E.confirm()], chosen);
      expect(blockers(revised.context).map((b) => b.reason)).toContain(
        'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and the attribution names no one. Deselect Asset freeze (freezing of funds and economic resources, and a ban on making funds available) or revise the earlier step.',
      );
    });

    it("flags a listing within the suggestion once the sanctions regime's floor raises the level", () => {
      // An external intrusion into a ministry that stole data: the ratings alone give 2.
      const s = run([
        E.finding(), E.agree(), E.attributeState(),
        ...DIMENSION_IDS.map((d) => E.rate(d, d === 'scope' || d === 'scale' ? 1 : 2)),
        E.sanctions({ external: false, targets: ['state-functions'] }),
        E.confirm(),
        E.select('council-conclusions'),
      ]);
      expect(assessRun(s.context)?.level).toBe(2);
      const floored = run([E.revise('proportionality'), E.sanctions({ external: true, targets: ['state-functions'] }), E.confirm(), E.select('travel-ban')], s);
      expect(assessRun(floored.context)?.level).toBe(3);
      expect(floored.context.measures.find((m) => m.measureId === 'travel-ban')?.outsideSuggestion).toBe(false);
    });

    it('needs a rationale, and flags a choice outside the suggestion', () => {
      const s = run(toMeasures(E.attributeState(), 1));
      expect(refused(s, E.select('cbm', ''))).toEqual(['Give the rationale for choosing Confidence-building measures (e.g. OSCE).']);
      const chosen = run([E.select('cbm'), E.select('support-lawful-responses', 'Solidarity.')], s);
      expect(chosen.context.measures).toEqual([
        { measureId: 'cbm', rationale: 'Fits the situation.', outsideSuggestion: false },
        { measureId: 'support-lawful-responses', rationale: 'Solidarity.', outsideSuggestion: true },
      ]);
      expect(assessRun(chosen.context)?.level).toBe(1);
      // Re-rating after a revision keeps the flag current.
      const reRated = run([E.revise('proportionality'), ...E.rateAll(4), E.confirm()], chosen);
      expect(reRated.context.measures.find((m) => m.measureId === 'support-lawful-responses')?.outsideSuggestion).toBe(false);
      // Selecting again updates the rationale in place.
      expect(step(reRated, E.select('cbm', 'Updated.')).context.measures[0]).toEqual({
        measureId: 'cbm',
        rationale: 'Updated.',
        outsideSuggestion: false,
      });
      expect(refused(reRated, E.deselect('travel-ban'))).toEqual(['Travel ban (restrictions on admission of listed persons) is not selected.']);
      expect(accepted(reRated, E.deselect('cbm')).context.measures.map((m) => m.measureId)).toEqual(['support-lawful-responses']);
    });
  });

  describe('the decision', () => {
    it('needs a measure and all six principles assessed', () => {
      const s = run(toMeasures());
      expect(refused(s, E.submit())).toEqual([
        'Select at least one measure, with a rationale.',
        'Assess every principle of 10474/17 §5: Integrity and security, External relations, CFSP objectives, Shared situational awareness, Proportionality and International law are not assessed yet.',
      ]);
      const five = run([E.select('cbm'), ...PRINCIPLE_IDS.slice(0, 5).map((p) => E.principle(p))], s);
      expect(refused(five, E.submit())).toEqual([
        'Assess every principle of 10474/17 §5: International law is not assessed yet.',
      ]);
      const six = accepted(five, E.principle('international-law', 'unclear'));
      expect(six.context.principles['international-law']).toEqual({ status: 'unclear', note: '' });
      expect(refused(six, { type: 'DECISION.SUBMIT', at: '', summary: '' })).toEqual([
        'Summarise the decision.',
        'The decision needs the time it was taken.',
      ]);
      expect(accepted(six, E.submit()).value).toBe('decided');
    });

    it('is blocked when a revision leaves a selected measure without its requirement', () => {
      const s = run([...decidable(), E.select('support-lawful-responses')]);
      const revised = run([E.revise('attribution'), E.skip(), E.confirm()], s);
      expect(revised.value).toBe('measures');
      expect(revised.context.measures.map((m) => m.measureId)).toContain('support-lawful-responses');
      expect(refused(revised, E.submit())).toEqual([
        "Support to member states' lawful responses needs attribution to a State; attribution was skipped. Deselect Support to member states' lawful responses or revise the earlier step.",
      ]);
      expect(blockers(revised.context)).toEqual([
        {
          step: 'measures',
          reason:
            "Support to member states' lawful responses needs attribution to a State; attribution was skipped. Deselect Support to member states' lawful responses or revise the earlier step.",
        },
      ]);
      expect(stepsDone(revised.context)).toEqual(['awareness', 'attribution', 'proportionality']);
      expect(accepted(step(revised, E.deselect('support-lawful-responses')), E.submit()).value).toBe('decided');
    });

    it('can be reopened, which clears it', () => {
      const decided = run([...decidable(), E.submit()]);
      expect(refused(decided, E.select('cbm'))[0]).toMatch(/only in the Measures step; the run is in the Decision step/);
      const reopened = accepted(decided, E.reopen());
      expect(reopened.value).toBe('measures');
      expect(reopened.context.decision).toBeNull();
      expect(reopened.context.measures).toEqual(decided.context.measures);
      expect(refused(reopened, E.reopen())).toEqual([
        'Reopening the decision is possible only in the Decision step; the run is in the Measures step.',
      ]);
    });
  });

  describe('revision, injects, notes and dissents', () => {
    it('revises only to an earlier step, keeping the data', () => {
      const s = run(toMeasures());
      expect(refused(s, E.revise('measures'))).toEqual([
        'Only an earlier step can be revised: the run is in the Measures step, and Measures is not earlier.',
      ]);
      expect(refused(s, E.revise('decided'))[0]).toMatch(/^Only an earlier step can be revised/);
      expect(refused(initial(), E.revise('awareness'))).toEqual([
        'There is no earlier step to revise; the run is in the Shared situational awareness step.',
      ]);
      for (const to of ['awareness', 'attribution', 'proportionality'] as const) {
        const back = accepted(s, E.revise(to));
        expect(back.value).toBe(to);
        expect(back.context).toEqual(s.context);
      }
      const decided = run([...decidable(), E.submit()]);
      const back = accepted(decided, E.revise('proportionality'));
      expect(back.context.decision).toBeNull();
      expect(back.context.measures).toEqual(decided.context.measures);
    });

    it('goes back to awareness on an inject, keeping everything and un-agreeing the assessment', () => {
      const decided = run([...decidable(), E.submit()]);
      const s = accepted(decided, E.inject());
      expect(s.value).toBe('awareness');
      expect(s.context.injects).toEqual([
        { id: 'i1', title: 'New forensic report', body: 'Second wave found.', at: '2025-01-01T11:00:00Z' },
      ]);
      expect(s.context.sharedAssessment).toEqual({ ...decided.context.sharedAssessment, agreed: false });
      expect(s.context.decision).toBeNull();
      const { injects: _i, sharedAssessment: _s, decision: _d, ...kept } = s.context;
      const { injects: _i2, sharedAssessment: _s2, decision: _d2, ...before } = decided.context;
      expect(kept).toEqual(before);
      expect(refused(s, E.inject('i1'))).toEqual(['The inject "i1" was already received.']);
      // Also from the first step.
      expect(accepted(initial(), E.inject('i2')).value).toBe('awareness');
      // The way back runs through the steps again, with the data kept.
      const again = run([E.agree(), E.attributeState(), E.confirm(), E.submit()], s);
      expect(again.value).toBe('decided');
    });

    it('records notes and dissents at any step, with the step', () => {
      let s = initial();
      const steps: string[] = [];
      for (const [i, event] of [[], [E.finding(), E.agree()], [E.skip()], [...E.rateAll(), E.confirm()], [E.select('cbm'), ...E.allPrinciples(), E.submit()]].entries()) {
        s = run(event, s);
        steps.push(String(s.value));
        s = accepted(s, E.note(`n${i}`));
        s = accepted(s, E.dissent(`d${i}`));
      }
      expect(steps).toEqual(['awareness', 'attribution', 'proportionality', 'measures', 'decided']);
      expect(s.context.notes.map((n) => n.step)).toEqual(steps);
      expect(s.context.dissents.map((n) => n.step)).toEqual(steps);
      expect(s.context.notes[0]).toEqual({ id: 'n0', step: 'awareness', text: 'Check with PSC.', author: 'Chair', at: '2025-01-01T09:00:00Z' });
      expect(s.context.dissents[0]).toEqual({ id: 'd0', step: 'awareness', text: 'Premature.', at: '2025-01-01T09:30:00Z' });
      expect(refused(s, E.note('n0'))).toEqual(['A note or dissent with id "n0" is already recorded.']);
      expect(refused(s, { type: 'DISSENT.ADD', id: 'dx', text: '', at: 'now' })).toEqual(['A note or dissent needs a text.']);
    });
  });

  it('agrees with snapshot.can and leaves refused snapshots unchanged, on random event sequences', () => {
    const pool: WorkflowEvent[] = [
      E.finding('f1'),
      E.finding('f2'),
      { type: 'FINDING.REMOVE', id: 'f1' },
      { type: 'FINDING.EDIT', id: 'f1', text: 'x', source: 'y', confidence: 'low' },
      E.agree(),
      { type: 'AWARENESS.AGREE', text: '' },
      E.attributeState(),
      E.attributeNonState(),
      E.skip(),
      ...E.rateAll(2),
      E.rate('impact', 4),
      E.rate('scope', 1, ''),
      E.sanctions({ actorsIdentified: true }),
      E.sanctions({ external: false, targets: ['state-functions'] }),
      E.confirm(),
      E.select('hr-statement'),
      E.select('travel-ban'),
      E.select('support-lawful-responses'),
      E.deselect('support-lawful-responses'),
      ...E.allPrinciples(),
      E.submit(),
      E.reopen(),
      E.revise('awareness'),
      E.revise('attribution'),
      E.revise('proportionality'),
      E.revise('measures'),
      E.inject('i1'),
      E.inject('i2'),
      E.note('n1'),
      E.dissent('d1'),
      E.object('hr-statement'),
      E.abstain('travel-ban'),
      E.abstain('dialogue', ''),
      E.withdraw('travel-ban'),
      E.hotWash(),
      E.hotWash(''),
    ];
    expect(new Set(pool.map((e) => e.type))).toEqual(new Set(WORKFLOW_EVENT_TYPES));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (events) => {
        let s = initial();
        for (const event of events) {
          const reasons = whyNot(s, event);
          expect(s.can(event), `${event.type} in ${String(s.value)}: ${reasons.join(' ')}`).toBe(reasons.length === 0);
          const next = step(s, event);
          if (reasons.length > 0) expect(next).toBe(s);
          else expect(next).not.toBe(s);
          s = next;
        }
      }),
      { numRuns: 400 },
    );
  });
});
