// Which paragraph supports which item (FRAMEWORK.md §3). A link is docRef + anchor, so a
// 10474/17 link opens in Dutch and in Latvian alike. Primary links come first in every list.
// Anchors follow the corpus scheme: intro, r1.., p1..pN, p5.i4 (4th indent of §5), h1...

import type { LocatedParagraph } from '../corpus';
import {
  CATEGORY_IDS,
  DIMENSION_IDS,
  PRINCIPLE_IDS,
  STEP_IDS,
  assertNever,
  type CategoryId,
  type DimensionId,
  type PrincipleId,
  type StepId,
} from './catalogue';

export const EVIDENCE_DOC_REFS = ['10474/17', '6122/15', '10119/24', '7290/21'] as const;
export type EvidenceDocRef = (typeof EVIDENCE_DOC_REFS)[number];

export interface EvidenceLink {
  readonly docRef: EvidenceDocRef;
  readonly anchor: string;
  readonly primary: boolean;
  /** Why the paragraph is linked: our English gloss, never more than the text says (the text itself is shown verbatim). */
  readonly note: string;
}

/** An evidence link with its paragraph, verbatim, in every language its document has. */
export interface ResolvedLink extends EvidenceLink {
  readonly paragraphs: readonly LocatedParagraph[];
}

export type EvidenceItemKind = 'step' | 'dimension' | 'principle' | 'category' | 'screen';

/** Facilitator screens that cite the conclusions too. */
export const SCREEN_IDS = ['exercises'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

const link = (docRef: EvidenceDocRef, anchor: string, primary: boolean, note: string): EvidenceLink => ({
  docRef,
  anchor,
  primary,
  note,
});

// Proportionality and every dimension rest on the same paragraphs. Not 10119/24 §4: its
// "evenredige" measures are protective technical ones, not a diplomatic response.
const PROPORTIONALITY_LINKS: readonly EvidenceLink[] = [
  link('10474/17', 'p2', true, 'First sentence: malicious cyber activities of varying scope, scale, duration, intensity, complexity, sophistication and impact.'),
  link('10474/17', 'p5.i5', true, 'Principle: the response is proportionate to the seven characteristics of the activity.'),
  link('7290/21', 'p26', false, 'Particular attention to cyber-attacks with systemic effects on supply chains, critical infrastructure, essential services, democratic institutions and processes.'),
];

const STEP_EVIDENCE: { readonly [K in StepId]: readonly EvidenceLink[] } = {
  awareness: [
    link('10474/17', 'p5.i4', true, 'The response rests on shared situational awareness agreed among the member states and meets the needs of the concrete situation.'),
    link('10119/24', 'p8', false, 'Situational awareness: the EU Hybrid Fusion Cell in INTCEN within SIAC, analysing information from all sources.'),
    link('7290/21', 'p24', false, 'EU INTCEN as the hub for situational awareness and threat assessments on cyber issues.'),
    link('7290/21', 'p20', false, "Cyber in the EU's crisis response mechanisms; the crisis framework through preparedness and shared situational awareness."),
  ],
  attribution: [
    link('10474/17', 'p4', true, 'Attribution to a State or a non-state actor is a sovereign political decision based on all-source intelligence, in accordance with international law on State responsibility; not every measure needs it.'),
    link('10474/17', 'p2', false, 'Malicious cyber activities may be wrongful acts under international law (UN GGE 2015 report).'),
    link('6122/15', 's2.c4.i2', false, 'The principles of State responsibility for internationally wrongful acts apply in cyberspace.'),
  ],
  proportionality: PROPORTIONALITY_LINKS,
  measures: [
    link('10474/17', 'p5', true, 'Chapeau: CFSP measures, including restrictive measures where appropriate, suit a joint diplomatic response.'),
    link('10474/17', 'p4', true, 'A clear signal of the likely consequences of a joint diplomatic response influences potential aggressors.'),
    link('7290/21', 'p26', false, "Increase the toolbox's effectiveness, including restrictive measures where relevant; consider further its link with Art. 42(7) TEU and Art. 222 TFEU."),
    link('10119/24', 'p6.i1', false, 'The EU toolbox against hybrid threats: preventive, cooperative, stabilising, restrictive and recovery measures.'),
    link('10119/24', 'p6.closing', false, 'The toolboxes complement existing sanctions regimes and allow new restrictive measures against hybrid activities and FIMI to be explored.'),
  ],
  // The decision is the delegation's; no paragraph speaks of recording or reopening it.
  decided: [],
};

const DIMENSION_EVIDENCE: { readonly [K in DimensionId]: readonly EvidenceLink[] } = {
  scope: PROPORTIONALITY_LINKS,
  scale: PROPORTIONALITY_LINKS,
  duration: PROPORTIONALITY_LINKS,
  intensity: PROPORTIONALITY_LINKS,
  complexity: PROPORTIONALITY_LINKS,
  sophistication: PROPORTIONALITY_LINKS,
  impact: PROPORTIONALITY_LINKS,
};

const PRINCIPLE_EVIDENCE: { readonly [K in PrincipleId]: readonly EvidenceLink[] } = {
  integrity: [
    link('10474/17', 'p5.i1', true, 'First principle: protect the integrity and security of the EU, its member states and their citizens.'),
    link('10474/17', 'p1', false, 'The growing need to protect the integrity and security of the EU, its member states and citizens against cyber threats.'),
  ],
  'external-relations': [
    link('10474/17', 'p5.i2', true, "Second principle: the broader context of the EU's external relations with the State concerned."),
  ],
  'cfsp-objectives': [
    link('10474/17', 'p5.i3', true, 'Third principle: the attainment of the CFSP objectives set out in the TEU and its procedures.'),
  ],
  'shared-awareness': [
    link('10474/17', 'p5.i4', true, 'Fourth principle: shared situational awareness agreed among the member states, meeting the needs of the situation.'),
  ],
  proportionality: [
    link('10474/17', 'p5.i5', true, 'Fifth principle: proportionate to scope, scale, duration, intensity, complexity, sophistication and impact.'),
  ],
  'international-law': [
    link('10474/17', 'p5.i6', true, 'Sixth principle: respect applicable international law and fundamental rights and freedoms.'),
    link('10474/17', 'p3', false, 'Existing international law applies to cyberspace; peaceful settlement of international disputes.'),
    link('6122/15', 's2.c1', false, 'The consensus that international law, in particular the UN Charter, applies in cyberspace.'),
    link('7290/21', 'p7', false, 'Peaceful settlement of international disputes in cyberspace; international law, in particular the UN Charter, applies.'),
    link('7290/21', 'p28', false, 'Promote the application of international law and norms of responsible State behaviour in cyberspace.'),
  ],
};

const CATEGORY_EVIDENCE: { readonly [K in CategoryId]: readonly EvidenceLink[] } = {
  preventive: [
    link('10474/17', 'p1', true, 'Cyber capacity building in third countries.'),
    link('10474/17', 'p3', true, 'Regional OSCE confidence-building measures reduce the risk of conflict.'),
    link('6122/15', 's2.c2', false, "The OSCE's first set of confidence-building measures on cybersecurity."),
    link('6122/15', 's2.c3', false, 'Support for such measures in other regional fora, such as the ASEAN Regional Forum.'),
    link('6122/15', 's5.c1', false, 'Section on cyber capacity building: the importance of capacity building in third countries.'),
    link('7290/21', 'p7', false, 'Further development and operationalisation of confidence-building measures at regional and international level.'),
    link('7290/21', 'p31', false, "An agenda for the EU's external cyber capacity building."),
    link('7290/21', 'p32', false, 'Helping partner countries meet the growing challenge of malicious cyber activities.'),
  ],
  cooperative: [
    link('10474/17', 'p1', true, 'Cyber dialogues within effective policy coordination.'),
    link('6122/15', 's6.c3', false, 'Section on strategic cooperation with key partners: preparing cyber dialogues.'),
    link('6122/15', 's6.c4', false, 'Structured cyber consultations the EU already holds with partners.'),
    link('7290/21', 'p29', false, "Cooperation with international and regional organisations; the EU's structured cyber dialogues with third countries."),
  ],
  stabilising: [
    link('10474/17', 'p4', true, 'A clear signal of the likely consequences of a joint diplomatic response.'),
    link('10474/17', 'p3', false, 'Reducing the risk of misperception, escalation and conflict stemming from ICT incidents.'),
    link('7290/21', 'p7', false, 'Conflict prevention, stability, and less risk of misperception and escalation from ICT incidents.'),
  ],
  restrictive: [
    link('10474/17', 'p5', true, 'Chapeau: CFSP measures include, where appropriate, restrictive measures.'),
    link('7290/21', 'p26', false, 'Restrictive measures, where relevant, as part of a more effective toolbox.'),
    link('10119/24', 'p6.closing', false, 'The toolboxes complement existing sanctions regimes and allow new restrictive measures to be explored.'),
  ],
  support: [
    link('7290/21', 'p26', true, 'The Council asks that the link with Art. 42(7) TEU and Art. 222 TFEU be considered further, through scenario-based work; it does not establish the support.'),
  ],
};

const SCREEN_EVIDENCE: { readonly [K in ScreenId]: readonly EvidenceLink[] } = {
  exercises: [
    link('10474/17', 'p6', true, 'Test the framework: through appropriate exercises in the Dutch text; the Latvian text speaks of appropriate testing.'),
    link('10119/24', 'p15', false, 'Exercises combining foreign information manipulation, cyber and critical infrastructure (paragraph number inferred).'),
    link('7290/21', 'p20', false, "Cyber in the EU's crisis response mechanisms, tested in exercises."),
    link('7290/21', 'p27', false, 'Cooperation with international organisations and partners, including through training and exercises.'),
  ],
};

export const EVIDENCE: {
  readonly steps: typeof STEP_EVIDENCE;
  readonly dimensions: typeof DIMENSION_EVIDENCE;
  readonly principles: typeof PRINCIPLE_EVIDENCE;
  readonly categories: typeof CATEGORY_EVIDENCE;
  readonly screens: typeof SCREEN_EVIDENCE;
} = {
  steps: STEP_EVIDENCE,
  dimensions: DIMENSION_EVIDENCE,
  principles: PRINCIPLE_EVIDENCE,
  categories: CATEGORY_EVIDENCE,
  screens: SCREEN_EVIDENCE,
};

export type EvidenceItem =
  | { readonly kind: 'step'; readonly id: StepId }
  | { readonly kind: 'dimension'; readonly id: DimensionId }
  | { readonly kind: 'principle'; readonly id: PrincipleId }
  | { readonly kind: 'category'; readonly id: CategoryId }
  | { readonly kind: 'screen'; readonly id: ScreenId };

/** The links of one item, primary first. */
export function evidenceFor(item: EvidenceItem): readonly EvidenceLink[] {
  switch (item.kind) {
    case 'step':
      return EVIDENCE.steps[item.id];
    case 'dimension':
      return EVIDENCE.dimensions[item.id];
    case 'principle':
      return EVIDENCE.principles[item.id];
    case 'category':
      return EVIDENCE.categories[item.id];
    case 'screen':
      return EVIDENCE.screens[item.id];
    default:
      return assertNever(item, 'evidence item');
  }
}

/** Every item that carries evidence, in display order. */
export const EVIDENCE_ITEMS: readonly EvidenceItem[] = [
  ...STEP_IDS.map((id) => ({ kind: 'step', id }) as const),
  ...DIMENSION_IDS.map((id) => ({ kind: 'dimension', id }) as const),
  ...PRINCIPLE_IDS.map((id) => ({ kind: 'principle', id }) as const),
  ...CATEGORY_IDS.map((id) => ({ kind: 'category', id }) as const),
  ...SCREEN_IDS.map((id) => ({ kind: 'screen', id }) as const),
];
