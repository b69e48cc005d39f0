import { DIMENSIONS, DIMENSION_IDS, PRINCIPLES, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import type { AfterActionReport, DelegationReport } from '../../../../shared/report/model';

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
  return {
    format: 'cdt-after-action-report',
    version: 1,
    generatedAt: '2026-11-30T10:00:00.000Z',
    quoteLanguages: 'nl',
    marking: { exercise: 'EXERCISE', classification: text, tlp: 'TLP:AMBER' },
    overview: {
      kind: 'exercise',
      title: text,
      scenario: { id: 'aurora', title: text, incident: text, sha256: 'cd'.repeat(32) },
      startedAt: '2026-11-30T09:00:00.000Z',
      facilitator: text,
      delegations: options.delegations === 2 ? [text, 'South'] : [text],
      exerciseTimeMs: 125 * 60_000,
      endedAt: null,
      clockAdjustments: [{ at: '2026-11-30T09:30:00.000Z', deltaMs: 300_000, reason: text }],
    },
    timeline: [{ at: '2026-11-30T09:05:00.000Z', elapsedMs: 5 * 60_000, kind: 'observation', delegation: null, eventType: null, text }],
    delegations: [
      delegation,
      ...(options.delegations === 2
        ? [{ ...delegation, name: 'South', chain: { intact: false, events: 3, headHash: null, problem: 'The hash chain breaks at event 2: changed.' } }]
        : []),
    ],
    comparison: [{ label: 'Attribution', values: [text, 'Not attributed'] }],
    observations: [{ at: '2026-11-30T09:05:00.000Z', elapsedMs: 5 * 60_000, text, revisions: [{ replacedAt: '2026-11-30T09:06:00.000Z', text }], deletedAt: null }],
    improvementPlan: [{ id: 'i1', issue: text, correctiveAction: text, owner: text, dueDate: '', objectiveId: '', priority: '' }],
    basis: {},
    citations: [
      { id: 'C1', docRef: '10474/17', anchor: 'p4', supports: ['Step: Attribution'], quotes: [{ lang: 'nl', citation: 'Council conclusions 10474/17, para. 4 (NL)', text: 'Eerste regel\nTweede regel', footnotes: [] }], unavailable: [] },
    ],
  };
}
