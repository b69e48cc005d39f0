import { DIMENSIONS, DIMENSION_IDS, PRINCIPLES, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import { REPORT_SECTIONS, type AfterActionReport, type DelegationReport } from '../../../../shared/report/model';

/**
 * A report with one delegation whose every text that someone could have typed is `text`:
 * each kind of slot the layout has (heading, paragraph, list item, table cell, the marking)
 * carries it at least once.
 */
export function reportWith(text: string, options: { readonly delegations: 1 | 2 } = { delegations: 2 }): AfterActionReport {
  const delegation: DelegationReport = {
    name: text,
    runId: 'run-1',
    step: 'decided',
    chain: { intact: true, events: 12, headHash: 'ab'.repeat(32), problem: null },
    playedOn: null,
    injects: [{ id: 'i1', title: text, at: '2026-11-30T09:10:00.000Z' }],
    findings: [{ text, source: text, confidence: 'high' }],
    sharedAssessment: { agreed: true, text },
    sharedAssessments: [
      { at: '2026-11-30T09:05:00.000Z', text: `${text} (before)`, status: 'superseded' },
      { at: '2026-11-30T09:15:00.000Z', text, status: 'current' },
    ],
    attribution: { status: 'attributed', actorType: 'State-sponsored actor', actorTypeId: 'state-sponsored', actorName: text, confidence: 'moderate', basis: text },
    attributions: [
      { at: '2026-11-30T09:06:00.000Z', status: 'skipped', reason: text, inForce: false },
      { at: '2026-11-30T09:16:00.000Z', status: 'attributed', actorType: 'State-sponsored actor', actorTypeId: 'state-sponsored', actorName: text, confidence: 'moderate', basis: text, inForce: true },
    ],
    ratings: DIMENSION_IDS.map((dimension) => ({ dimension, label: DIMENSIONS[dimension].label, value: 2, rationale: text })),
    level: 2,
    levelBasis: {
      attempt: null,
      external: true,
      actorsIdentified: false,
      targets: ['state-functions'],
      facts: [
        { id: 'identified', label: 'Persons or entities identified', value: 'Yes: the attribution names the actor.', brief: 'Yes' },
        { id: 'external', label: 'External threat', value: 'Yes: recorded as an external threat to the Union or its member states.', brief: 'Yes' },
      ],
      formula: 'Overall level 2, the highest of four figures, from (1) the average.',
      whatWouldChange: ['Restrictive measures would be suggested with this one change: intensity 3 instead of 2 (level 3).'],
    },
    measures: [
      { id: 'council-conclusions', label: 'Council conclusions', categoryId: 'preventive', category: 'Preventive measures', rationale: text, outsideSuggestion: false },
    ],
    principles: PRINCIPLE_IDS.map((id) => ({ id, label: PRINCIPLES[id].label, status: 'met', note: text })),
    revisions: [
      {
        kind: 'finding', subject: 'Finding', value: 'low confidence', text, source: text,
        recordedAt: '2026-11-30T09:02:00.000Z', replacedAt: '2026-11-30T09:03:00.000Z', change: 'edited',
      },
      { kind: 'measure', subject: 'Council conclusions', value: null, text, source: null, recordedAt: '2026-11-30T09:17:00.000Z', replacedAt: '2026-11-30T09:18:00.000Z', change: 'withdrawn' },
    ],
    notes: [{ at: '2026-11-30T09:20:00.000Z', step: 'measures', author: text, text }],
    dissents: [{ at: '2026-11-30T09:21:00.000Z', step: 'measures', author: null, text }],
    decision: { at: '2026-11-30T09:30:00.000Z', summary: text },
    decisions: [{ at: '2026-11-30T09:30:00.000Z', summary: text }],
    principlesNotMet: ['Proportionality'],
  };
  const names = options.delegations === 2 ? [text, 'South'] : [text];
  return {
    format: 'cdt-after-action-report',
    version: 2,
    generatedAt: '2026-11-30T10:00:00.000Z',
    quoteLanguages: 'nl',
    marking: { exercise: 'EXERCISE', classification: text, tlp: 'TLP:AMBER' },
    overview: {
      kind: 'exercise',
      title: text,
      scenario: { id: 'aurora', title: text, incident: text, sha256: 'cd'.repeat(32) },
      startedAt: '2026-11-30T09:00:00.000Z',
      facilitator: text,
      delegations: names,
      exerciseTimeMs: 125 * 60_000,
      endedAt: null,
      clockAdjustments: [{ at: '2026-11-30T09:30:00.000Z', deltaMs: 300_000, reason: text }],
    },
    sections: Object.values(REPORT_SECTIONS),
    summary: {
      scenario: text,
      firstEntryAt: '2026-11-30T09:05:00.000Z',
      lastEntryAt: '2026-11-30T09:40:00.000Z',
      jointDecision: ['Adopted: Council conclusions.'],
      objectives: [{ id: 'o1', title: text, rating: 'S' }],
      strengths: [{ text, from: 'Hot wash: North' }],
      improvements: [{ text, from: 'Objective O1 (rated S)' }],
    },
    positions: {
      delegations: names.map((name) => ({ name, level: 2, principles: '5 of 6 met' })),
      rows: [
        {
          measureId: 'council-conclusions', measure: 'Council conclusions', category: 'Preventive measures', rule: 'consensus',
          cells: names.map((_, i) => (i === 0 ? { stance: 'supports', text: null, at: '2026-11-30T09:30:00.000Z' } : { stance: 'abstains', text, at: '2026-11-30T09:31:00.000Z' })),
          holds: true, blockedBy: [],
        },
        {
          measureId: 'travel-ban', measure: 'Travel ban', category: 'Restrictive measures', rule: 'unanimity',
          cells: names.map(() => ({ stance: 'opposes', text, at: '2026-11-30T09:32:00.000Z' })),
          holds: false, blockedBy: names,
        },
      ],
      otherMeasures: 9,
    },
    jointDecision: {
      entries: [
        {
          seq: 1, at: '2026-11-30T09:40:00.000Z', elapsedMs: 40 * 60_000, kind: 'adopted', measures: ['Council conclusions'], abstentions: [{ delegation: text, declaration: text }],
          blockedBy: [], text, withdraws: null, withdrawnBy: null, restsOn: names.map((delegation) => ({ delegation, measure: 'Council conclusions', stance: 'supports' })),
        },
        {
          seq: 2, at: '2026-11-30T09:41:00.000Z', elapsedMs: 41 * 60_000, kind: 'blocked', measures: ['Travel ban'], abstentions: [], blockedBy: [{ delegation: text, reason: text }],
          text: '', withdraws: null, withdrawnBy: null, restsOn: names.map((delegation) => ({ delegation, measure: 'Travel ban', stance: 'opposes' })),
        },
        {
          seq: 3, at: '2026-11-30T09:42:00.000Z', elapsedMs: 42 * 60_000, kind: 'statement', measures: ['Council conclusions'], abstentions: [], blockedBy: [],
          text, withdraws: null, withdrawnBy: null, restsOn: [],
        },
      ],
      chain: { intact: true, events: 3, headHash: 'ef'.repeat(32), problem: null },
      referenceProblems: [],
    },
    objectives: [
      { n: 'O1', id: 'o1', title: text, description: text, tiedTo: 'Step: Attribution', rating: 'S', observations: text, ratedAt: '2026-11-30T09:50:00.000Z', entries: ['T1'] },
      { n: 'O2', id: 'o2', title: 'Communicate', description: '', tiedTo: 'Capability: Communicating the response', rating: null, observations: '', ratedAt: null, entries: [] },
    ],
    hotWash: {
      questions: [{ id: 'scenario', text: 'The scenario was realistic and relevant to our work.', average: 4, answers: 1 }],
      answers: [{ delegation: text, at: '2026-11-30T09:45:00.000Z', strengths: text, improvements: text, ratings: { scenario: 4 }, comments: text, fromPaper: true }],
      missing: options.delegations === 2 ? ['South'] : [],
    },
    timeline: [
      {
        n: 'T1', ref: 'note:n1', at: '2026-11-30T09:05:00.000Z', exerciseTime: { ms: 5 * 60_000, basis: 'recorded', earliestMs: 5 * 60_000, latestMs: 5 * 60_000 },
        kind: 'observation', delegation: null, eventType: null, text,
      },
      {
        n: 'T2', ref: 'run:run-1:4', at: '2026-11-30T09:06:00.000Z', exerciseTime: { ms: 6 * 60_000, basis: 'range', earliestMs: 5 * 60_000, latestMs: 7 * 60_000 },
        kind: 'decision', delegation: text, eventType: 'ATTRIBUTION.SKIP', text: `Decided not to attribute: ${text}`,
      },
    ],
    timelineClock: 'The exercise time of every other entry is computed from the readings.',
    delegations: [
      delegation,
      ...(options.delegations === 2
        ? [{ ...delegation, name: 'South', chain: { intact: false, events: 3, headHash: null, problem: 'The hash chain breaks at event 2: changed.' } }]
        : []),
    ],
    comparison: [{ label: 'Attribution', values: [text, 'Not attributed'] }],
    observations: [{ at: '2026-11-30T09:05:00.000Z', elapsedMs: 5 * 60_000, text, revisions: [{ replacedAt: '2026-11-30T09:06:00.000Z', text }], deletedAt: null }],
    improvementPlan: [
      { id: 'i1', issue: text, correctiveAction: text, owner: text, dueDate: '', objectiveId: 'o1', priority: 'high', objective: { n: 'O1', title: text } },
      { id: 'i2', issue: text, correctiveAction: '', owner: '', dueDate: '2027-01-31', objectiveId: '', priority: '', objective: null },
    ],
    basis: {},
    citations: [
      { id: 'C1', docRef: '10474/17', anchor: 'p4', supports: ['Step: Attribution'], quotes: [{ lang: 'nl', citation: 'Council conclusions 10474/17, para. 4 (NL)', text: 'Eerste regel\nTweede regel', footnotes: [] }], unavailable: [] },
    ],
  };
}
