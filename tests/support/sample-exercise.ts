import type { Db } from '../../electron/db/open';
import { addFacilitatorNote, createExercise, exerciseClock, releaseInject } from '../../electron/exercise/exercises';
import { saveReportDetails } from '../../electron/exercise/plan';
import { rateObjective } from '../../electron/exercise/objectives';
import { recordJointEntry } from '../../electron/consensus/joint';
import { runHistory, sendEvent } from '../../electron/workflow/runs';
import type { JointEntryInput } from '../../shared/consensus/joint';
import type { HseepRating } from '../../shared/evaluation/objectives';
import type { ExercisePackage } from '../../shared/exercise/package';
import type { DimensionId, RatingValue } from '../../shared/framework/catalogue';
import type { IncomingEvent } from '../../shared/workflow/event-schema';

/**
 * The finished sample exercise shipped in resources/exercises: "Cold Ward" played to the end
 * by three fictional delegations that reason differently, as delegations do.
 *
 *   Aurelia    skips attribution (a sovereign choice; no intelligence shared beyond Europol's)
 *              and chooses preventive and cooperative measures to obtain Vostrava's cooperation.
 *   Borealis   attributes to a State-sponsored actor with moderate confidence after the Europol
 *              inject, partly on national intelligence, and proposes listings; its legal adviser
 *              dissents.
 *   Castellan  attributes to a criminal, non-state actor, rates lower, chooses stabilising
 *              measures, and reopens its decision to correct a public text that pointed at a State.
 *
 * After the decisions, the plenary (minutes 188-193): Aurelia opposes the listings, so they
 * are blocked, and abstains constructively on the High Representative's declaration, which is
 * adopted; Castellan abstains constructively on the listings. The facilitator records the joint
 * decision (minutes 194-197). Then the hot wash, two delegations in their runs and Castellan on
 * paper, entered by the facilitator; the facilitator rates the scenario's five objectives and
 * ties the improvement plan to them.
 *
 * Everything happens at fixed times and with fixed ids (except the delegation and run ids,
 * which the exercise service draws at random), so the generator can be run again and its
 * output compared with the committed file (see normalisePackage).
 */

export const SAMPLE_EXERCISE_ID = 'sample-cold-ward-completed';
export const SAMPLE_EXERCISE_NAME = 'Cold Ward — sample exercise';

/** The exercise clock starts at BASE; every time below is in minutes from it. */
const BASE = Date.parse('2026-10-14T08:00:00.000Z');
export const sampleTime = (minutes: number): string => new Date(BASE + Math.round(minutes * 60_000)).toISOString();
/** The `now` of the export written to resources/exercises. */
export const SAMPLE_EXPORTED_AT = sampleTime(240);

const DELEGATIONS = ['Delegation Aurelia', 'Delegation Borealis', 'Delegation Castellan'] as const;
type Delegation = 'aurelia' | 'borealis' | 'castellan';

type Timed = readonly [minutes: number, event: IncomingEvent];
type RatingScript = { readonly [D in DimensionId]: readonly [RatingValue, string] };

/** Seven RATING.SET events, one a minute from `start`, in the catalogue's order. */
function ratings(start: number, script: RatingScript): Timed[] {
  return (Object.keys(script) as DimensionId[]).map((dimension, i): Timed => {
    const [value, rationale] = script[dimension];
    return [start + i, { type: 'RATING.SET', dimension, value, rationale }];
  });
}

// ---------------------------------------------------------------------------------------
// Shared wording

const CSIRT_SOURCE = 'CSIRTs Network joint technical summary';
const EUROPOL_SOURCE = 'Europol EC3 assessment';
const VOSTRAVA_SOURCE = 'Statement of the Vostravan Ministry of Foreign Affairs';
const PRESS_SOURCE = 'National broadcaster of Member State A (media report, not confirmed)';
const LEAK_SOURCE = 'GREYLOCK leak site, as reported; data protection authority of Member State B';
const RANSOM_SOURCE = 'Ransom note, shared by the CSIRT of Member State A';

const AURELIA_SKIP =
  'We do not attribute. Attribution is a sovereign political decision (10474/17 §4), and our services have shared no ' +
  "intelligence at this table beyond Europol's law-enforcement assessment, which identifies two individuals with moderate " +
  'confidence and finds no sign of State involvement. The measures we want, obtaining Vostrava\'s cooperation against the ' +
  'group, need no attribution.';

const BOREALIS_ATTRIBUTION = {
  type: 'ATTRIBUTION.ATTRIBUTE',
  actorType: 'state-sponsored',
  actorNamed: true,
  actorName: 'GREYLOCK affiliate operated by two individuals residing in Vostrava',
  confidence: 'moderate',
  basis:
    "Europol's identification of the two operators and of the exchange that processed the ransom payments, and our national " +
    'all-source assessment that the operators work under the protection of Vostravan security services, who also use the ' +
    'exchange. Vostrava has declined every request for judicial cooperation. A sovereign decision of Borealis, taken with ' +
    'moderate confidence.',
} as const satisfies IncomingEvent;

const CASTELLAN_ATTRIBUTION = {
  type: 'ATTRIBUTION.ATTRIBUTE',
  actorType: 'non-state',
  actorNamed: true,
  actorName: 'GREYLOCK affiliate (two operators identified by Europol EC3)',
  confidence: 'moderate',
  basis:
    "Europol EC3's identification of the operators and of the payment infrastructure, and the CSIRTs Network's match of the " +
    'encryption tool with earlier GREYLOCK samples. We attribute to a criminal, non-state actor; nothing we have supports ' +
    'attribution to Vostrava or any other State.',
} as const satisfies IncomingEvent;

// ---------------------------------------------------------------------------------------
// Delegation Aurelia: no attribution, preventive and cooperative measures.

const AURELIA: Timed[] = [
  [10, { type: 'FINDING.ADD', id: 'a-f1', text: 'Patient administration and laboratory systems are encrypted in hospitals in Member States A, B and C.', source: 'National CSIRTs, first situation report through the CSIRTs Network', confidence: 'high' }],
  [11, { type: 'FINDING.ADD', id: 'a-f2', text: 'Three regional hospitals in Member State A divert ambulances; two university hospitals in Member State B postpone planned surgery.', source: 'Health ministries of Member States A and B', confidence: 'high' }],
  [12, { type: 'FINDING.ADD', id: 'a-f3', text: 'A ransom note signed by GREYLOCK demands payment within 72 hours and threatens to publish patient records.', source: RANSOM_SOURCE, confidence: 'high' }],
  [14, { type: 'NOTE.ADD', id: 'a-n1', author: 'Head of delegation', text: 'We hold the shared assessment until the CSIRTs Network summary is in: the entry point and the toolkit matter for everything that follows.' }],
  // 20: CSIRTs Network summary
  [24, { type: 'FINDING.ADD', id: 'a-f4', text: 'Common initial access in all three member states through a VPN appliance vulnerability that was patched six weeks ago but not applied at the affected hospitals.', source: CSIRT_SOURCE, confidence: 'high' }],
  [25, { type: 'FINDING.ADD', id: 'a-f5', text: 'The encryption tool matches earlier GREYLOCK samples; data was copied out two to five days before encryption; about 1,900 servers and workstations are affected.', source: CSIRT_SOURCE, confidence: 'moderate' }],
  [30, { type: 'AWARENESS.AGREE', text: 'A criminal ransomware operation using the GREYLOCK toolkit disrupted hospital services in three member states through a known and patchable vulnerability, and holds stolen patient data. Nothing is known yet about who operated it.' }],
  [33, { type: 'ATTRIBUTION.SKIP', reason: 'Not at this stage. The technical indicators point to a criminal toolkit sold to affiliates: they tell us the tool, not the operator. Attribution is a sovereign political decision and we will not take it on technical evidence alone.' }],
  ...ratings(35, {
    scope: [3, 'Essential health services in three member states: the rubric\'s level for essential services in several member states.'],
    scale: [2, 'About 1,900 servers and workstations, and the patients of several hospitals: thousands of systems.'],
    duration: [1, 'The disruption has lasted a day so far; the hospitals expect to restore core systems within days.'],
    intensity: [3, 'Disruption of an essential service: ambulances diverted and surgery postponed. No destructive wiping is reported.'],
    complexity: [2, 'A multi-stage intrusion: access through the VPN appliance, exfiltration, then encryption days later.'],
    sophistication: [1, 'A commodity ransomware toolkit, adapted by an affiliate, entering through a known and patched vulnerability.'],
    impact: [2, 'Significant and politically sensitive in three member states, but harm to patients is not established and services are degraded rather than down.'],
  }),
  // 45: press report
  [50, { type: 'FINDING.ADD', id: 'a-f6', text: 'A stroke patient is reported to have been transferred 90 km after an ambulance diversion; the hospital does not comment on the patient\'s condition.', source: PRESS_SOURCE, confidence: 'low' }],
  [53, { type: 'AWARENESS.AGREE', text: 'As before; in addition, a media report links the ambulance diversions to possible harm to a patient. The harm is reported, not established.' }],
  [55, { type: 'ATTRIBUTION.SKIP', reason: 'Not at this stage: nothing new on the operator. Attribution stays open as a sovereign decision for later.' }],
  [57, { type: 'PROPORTIONALITY.CONFIRM' }],
  [60, { type: 'MEASURE.SELECT', measureId: 'dialogue', rationale: 'The annual EU cyber dialogue with Vostrava is the channel to raise the hosting of ransomware affiliates and the refused requests for judicial cooperation, without prejudging attribution.' }],
  [63, { type: 'MEASURE.SELECT', measureId: 'demarche-cooperative', rationale: 'A démarche by the EU delegation in Vostrava asks the authorities to act against the infrastructure and to answer the pending requests for judicial cooperation.' }],
  [66, { type: 'PRINCIPLE.ASSESS', principleId: 'integrity', status: 'met', note: 'Both measures aim at stopping the operation and at protecting hospital services and patients\' data in the Union.' }],
  [68, { type: 'PRINCIPLE.ASSESS', principleId: 'cfsp-objectives', status: 'met', note: 'Dialogue and démarches serve the CFSP objectives of preserving peace and strengthening international cooperation, through the usual Council and EEAS procedures.' }],
  // 80: Europol assessment
  [84, { type: 'FINDING.ADD', id: 'a-f7', text: 'Europol identifies, with moderate confidence, two nationals residing in Vostrava as the operators of the GREYLOCK affiliate; the ransom wallets are linked to an exchange registered in Vostrava.', source: EUROPOL_SOURCE, confidence: 'moderate' }],
  [85, { type: 'FINDING.ADD', id: 'a-f8', text: 'No information indicates direction or support by the Vostravan authorities.', source: EUROPOL_SOURCE, confidence: 'low' }],
  [88, { type: 'AWARENESS.AGREE', text: 'The attack was carried out by a criminal GREYLOCK affiliate. Europol identifies two operators in Vostrava with moderate confidence and sees no sign of State involvement. The operation disrupted essential health services in three member states.' }],
  [90, { type: 'ATTRIBUTION.SKIP', reason: AURELIA_SKIP }],
  [91, { type: 'SANCTIONS.SET', attempt: null, external: true, actorsIdentified: false, targets: ['essential-services'] }],
  [92, { type: 'PROPORTIONALITY.CONFIRM' }],
  [95, { type: 'MEASURE.SELECT', measureId: 'cbm', rationale: 'A request for consultations through the OSCE confidence-building points of contact lets Vostrava show that it acts against the group, and keeps the risk of escalation low.' }],
  [97, { type: 'DISSENT.ADD', id: 'a-d1', author: 'Cyber attaché', text: 'I would have recorded the two individuals as identified and kept a listing under the cyber sanctions regime open: a listing needs the responsible persons identified, not an attribution to a State. The delegation decided that Europol\'s moderate confidence is not enough for us yet.' }],
  [100, { type: 'PRINCIPLE.ASSESS', principleId: 'external-relations', status: 'met', note: 'The measures use the existing dialogue with Vostrava and give it the chance to act before anything stronger is considered.' }],
  [102, { type: 'PRINCIPLE.ASSESS', principleId: 'shared-awareness', status: 'met', note: 'The measures rest only on what all member states accept: the CSIRTs Network summary and the Europol assessment.' }],
  [104, { type: 'PRINCIPLE.ASSESS', principleId: 'proportionality', status: 'met', note: 'The measures are within what the level of 2 suggests; they are deliberately at its lower end.' }],
  [106, { type: 'PRINCIPLE.ASSESS', principleId: 'international-law', status: 'met', note: 'Dialogue, démarches and consultations respect international law, including the peaceful settlement of disputes, and affect no one\'s fundamental rights.' }],
  // 110: Vostravan statement
  [113, { type: 'FINDING.ADD', id: 'a-f9', text: 'Vostrava rejects any insinuation of involvement and says it is ready to examine evidence provided through appropriate channels; it does not mention the two individuals or the exchange.', source: VOSTRAVA_SOURCE, confidence: 'high' }],
  [116, { type: 'AWARENESS.AGREE', text: 'As before; Vostrava denies involvement and offers to examine evidence through appropriate channels.' }],
  [117, { type: 'ATTRIBUTION.SKIP', reason: AURELIA_SKIP }],
  [118, { type: 'PROPORTIONALITY.CONFIRM' }],
  [120, { type: 'MEASURE.SELECT', measureId: 'demarche-cooperative', rationale: 'Vostrava offered to examine evidence through appropriate channels. The démarche by the EU delegation takes it at its word: it hands over Europol\'s releasable findings and asks for action against the two individuals and the exchange within 30 days.' }],
  [122, { type: 'NOTE.ADD', id: 'a-n2', author: 'Head of delegation', text: 'The Vostravan statement is an opening, not an answer. We test it with the démarche before considering anything stronger.' }],
  // 150: leak publication
  [153, { type: 'FINDING.ADD', id: 'a-f10', text: 'GREYLOCK has published about 40,000 patient records, including diagnoses, from a hospital in Member State B; the data protection authority of Member State B has opened an investigation.', source: LEAK_SOURCE, confidence: 'moderate' }],
  [156, { type: 'AWARENESS.AGREE', text: 'As before; patient records from Member State B are now public, a lasting harm to the persons concerned. The health ministers of the three member states want the matter on the Council\'s agenda.' }],
  [157, { type: 'ATTRIBUTION.SKIP', reason: AURELIA_SKIP }],
  [158, { type: 'RATING.SET', dimension: 'impact', value: 3, rationale: 'With the diagnoses of 40,000 patients published, the harm is major and cannot be undone, on top of the disruption of essential services.' }],
  [159, { type: 'PROPORTIONALITY.CONFIRM' }],
  [161, { type: 'PRINCIPLE.ASSESS', principleId: 'proportionality', status: 'unclear', note: 'After the publication the level rises to 3, which suggests restrictive measures as well. Our measures stay at the lower end on purpose, to give Vostrava a set time to act; whether that is enough is for the Council to judge if it does not.' }],
  [166, { type: 'DECISION.SUBMIT', summary: 'Delegation Aurelia does not attribute the attack. It proposes to raise the GREYLOCK operation at the EU cyber dialogue with Vostrava; a démarche by the EU delegation in Vostrava that hands over Europol\'s releasable findings and asks for action within 30 days; and a request for consultations under the OSCE confidence-building measures. If Vostrava does not act, Aurelia is ready to discuss further measures.' }],
  // The plenary
  [188, { type: 'POSITION.SET', measureId: 'travel-ban', stance: 'opposes', text: 'A listing now would close the door our démarche opens: Vostrava has been given 30 days to act against the two individuals. Aurelia cannot agree to list them before that time has run out.' }],
  [189, { type: 'POSITION.SET', measureId: 'asset-freeze', stance: 'opposes', text: 'As for the travel ban: a freeze now would pre-empt the 30 days the démarche gives Vostrava.' }],
  [190, { type: 'POSITION.SET', measureId: 'hr-statement', stance: 'abstains', text: 'Aurelia abstains constructively. It will not associate itself with the declaration in its national communication, but accepts that the declaration commits the Union and will not act against it.' }],
  // The hot wash
  [200, { type: 'HOTWASH.SUBMIT', source: 'delegation', strengths: 'The framework kept attribution and the choice of measures apart; our legal adviser was at the table from the start.', improvements: 'We had no line for the press in our own member state, and learnt of the other delegations\' positions only in the plenary.', ratings: { scenario: 5, information: 4, framework: 5, coordination: 2, preparedness: 4 }, comments: 'More time for the plenary next time.' }],
];

// ---------------------------------------------------------------------------------------
// Delegation Borealis: State-sponsored attribution, restrictive measures.

const BOREALIS: Timed[] = [
  [6, { type: 'FINDING.ADD', id: 'b-f1', text: 'Hospitals in Member States A, B and C report encrypted patient administration and laboratory systems; ambulances are diverted and surgery postponed.', source: 'National CSIRTs through the CSIRTs Network; health ministries', confidence: 'high' }],
  [8, { type: 'FINDING.ADD', id: 'b-f2', text: 'A ransom note signed by GREYLOCK gives 72 hours to pay before patient records are published.', source: RANSOM_SOURCE, confidence: 'high' }],
  [12, { type: 'AWARENESS.AGREE', text: 'A ransomware attack signed by GREYLOCK on hospitals in three member states, disrupting essential health services.' }],
  [13, { type: 'NOTE.ADD', id: 'b-n1', author: 'Head of delegation', text: 'We agree early to gain time, and expect to revisit the assessment when the technical summary arrives.' }],
  // 20: CSIRTs Network summary
  [23, { type: 'FINDING.ADD', id: 'b-f3', text: 'Initial access in all three member states through the same VPN appliance vulnerability, patched by the vendor six weeks ago but not applied.', source: CSIRT_SOURCE, confidence: 'high' }],
  [24, { type: 'FINDING.ADD', id: 'b-f4', text: 'Patient data was exfiltrated two to five days before encryption; the encryption tool matches GREYLOCK; about 1,900 systems are affected.', source: CSIRT_SOURCE, confidence: 'moderate' }],
  [28, { type: 'AWARENESS.AGREE', text: 'A prepared, cross-border operation: access to hospitals in three member states through one vulnerability, data theft days ahead of encryption, and extortion with patient data. It disrupts essential health services.' }],
  [31, { type: 'ATTRIBUTION.SKIP', reason: 'Deferred, not declined: we decide on attribution once the law-enforcement and intelligence assessments are in. Recorded as skipped so that the rating can start.' }],
  ...ratings(33, {
    scope: [3, 'Essential health services in three member states at once.'],
    scale: [2, 'About 1,900 systems, and the patients of several hospitals.'],
    duration: [2, 'Restoring the hospital systems will take weeks, and the stolen data remains in criminal hands.'],
    intensity: [3, 'Disruption of essential services: emergency departments closed to ambulances, surgery postponed.'],
    complexity: [3, 'A campaign across several targets in three member states, prepared in stages and timed together.'],
    sophistication: [2, 'The toolkit is known, but synchronised access, exfiltration and encryption across three countries show planning beyond commodity crime.'],
    impact: [3, 'An essential service down in parts of three member states, with extortion using patient data: major.'],
  }),
  // 45: press report
  [49, { type: 'FINDING.ADD', id: 'b-f5', text: 'A stroke patient was transferred 90 km after the nearest emergency department closed to ambulances.', source: 'National broadcaster of Member State A (media report)', confidence: 'low' }],
  [52, { type: 'AWARENESS.AGREE', text: 'As before; in addition, according to a media report, the attack has put at least one patient\'s life at risk.' }],
  [54, { type: 'ATTRIBUTION.SKIP', reason: 'Deferred, as before: we wait for Europol\'s assessment.' }],
  [55, { type: 'RATING.SET', dimension: 'intensity', value: 4, rationale: 'Risk to life: the ambulance diversions delayed emergency care, and a stroke patient was transferred 90 km. We rate at the level of risk to life although the outcome is not known.' }],
  [57, { type: 'SANCTIONS.SET', attempt: null, external: false, actorsIdentified: false, targets: ['critical-infrastructure', 'essential-services'] }],
  [59, { type: 'PROPORTIONALITY.CONFIRM' }],
  [62, { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'A public signal today: a declaration by the High Representative on behalf of the EU condemning attacks on hospitals, naming no State while attribution is open.' }],
  [64, { type: 'PRINCIPLE.ASSESS', principleId: 'integrity', status: 'met', note: 'The response serves the security of patients and hospitals in the Union and deters further attacks on health services.' }],
  // 80: Europol assessment
  [83, { type: 'FINDING.ADD', id: 'b-f6', text: 'Europol identifies two nationals residing in Vostrava as the affiliate\'s operators (moderate confidence); the ransom wallets are linked to an exchange registered in Vostrava.', source: EUROPOL_SOURCE, confidence: 'moderate' }],
  [84, { type: 'FINDING.ADD', id: 'b-f7', text: 'Europol has no information indicating direction or support by the Vostravan authorities.', source: EUROPOL_SOURCE, confidence: 'low' }],
  [86, { type: 'FINDING.ADD', id: 'b-f8', text: 'The exchange is used by Vostravan security services to move funds, and the affiliate\'s operators have worked under their protection before.', source: 'Borealis national intelligence service (all-source; not shared with other member states)', confidence: 'moderate' }],
  [89, { type: 'AWARENESS.AGREE', text: 'Two operators identified in Vostrava carried out the attack with the GREYLOCK toolkit; their payment channel runs through an exchange in Vostrava. Member states hold different intelligence on the role of the Vostravan authorities.' }],
  [91, BOREALIS_ATTRIBUTION],
  [92, { type: 'SANCTIONS.SET', attempt: null, external: true, actorsIdentified: true, targets: ['critical-infrastructure', 'essential-services'] }],
  [93, { type: 'PROPORTIONALITY.CONFIRM' }],
  [95, { type: 'MEASURE.SELECT', measureId: 'travel-ban', rationale: 'List the two operators identified by Europol under the cyber sanctions regime: they are responsible for an attack with a significant effect on essential services, carried out from outside the Union.' }],
  [96, { type: 'MEASURE.SELECT', measureId: 'asset-freeze', rationale: 'Freeze the funds of the two operators and of the exchange that processes the ransom payments, and forbid making funds available to them: it hits the business model of the group.' }],
  [98, { type: 'DISSENT.ADD', id: 'b-d1', author: 'Legal adviser', text: 'I do not support the attribution to a State-sponsored actor. It rests on our national intelligence, which the other member states have not seen, and Europol found no indication of State direction. The listings do not need it: identifying the operators is enough under the cyber sanctions regime.' }],
  [100, { type: 'PRINCIPLE.ASSESS', principleId: 'external-relations', status: 'unclear', note: 'Listings and an attribution to a State-sponsored actor will strain the annual cyber dialogue with Vostrava. We accept that cost; others at the table may not.' }],
  [102, { type: 'PRINCIPLE.ASSESS', principleId: 'cfsp-objectives', status: 'met', note: 'Restrictive measures under Council Decision (CFSP) 2019/797 serve the CFSP objectives and follow its procedures, with unanimity in the Council.' }],
  [104, { type: 'PRINCIPLE.ASSESS', principleId: 'shared-awareness', status: 'unclear', note: 'The listings rest on Europol\'s findings, which all member states share; our attribution rests partly on national intelligence that is not shared. We offer to brief partners through INTCEN.' }],
  [106, { type: 'PRINCIPLE.ASSESS', principleId: 'proportionality', status: 'met', note: 'The level is 3, which suggests restrictive measures; the measures target the persons and the entity responsible, not Vostrava as a State.' }],
  [108, { type: 'PRINCIPLE.ASSESS', principleId: 'international-law', status: 'met', note: 'Listings follow the guarantees of the sanctions regime: reasons stated, the right to be heard, and review by the Court of Justice.' }],
  // 110: Vostravan statement
  [112, { type: 'FINDING.ADD', id: 'b-f9', text: 'Vostrava rejects any insinuation of involvement and offers to examine evidence through appropriate channels; it is silent on the two individuals and the exchange.', source: VOSTRAVA_SOURCE, confidence: 'high' }],
  [114, { type: 'AWARENESS.AGREE', text: 'As before; Vostrava denies involvement and avoids the question of the identified individuals.' }],
  [115, BOREALIS_ATTRIBUTION],
  [116, { type: 'PROPORTIONALITY.CONFIRM' }],
  [118, { type: 'NOTE.ADD', id: 'b-n2', author: 'Head of delegation', text: 'The offer to examine evidence "through appropriate channels" has been made before, without result. We keep the listings on the table and will propose them at the Horizontal Working Party on Cyber Issues.' }],
  // 150: leak publication
  [152, { type: 'FINDING.ADD', id: 'b-f10', text: 'About 40,000 patient records with diagnoses from a hospital in Member State B are published on GREYLOCK\'s leak site; the data protection authority of Member State B investigates.', source: LEAK_SOURCE, confidence: 'moderate' }],
  [155, { type: 'AWARENESS.AGREE', text: 'As before; the threat to publish was carried out, and the health ministers of three member states ask for action by the Council.' }],
  [156, BOREALIS_ATTRIBUTION],
  [157, { type: 'RATING.SET', dimension: 'duration', value: 4, rationale: 'Published health data cannot be recalled: the effect on 40,000 patients is lasting.' }],
  [158, { type: 'PROPORTIONALITY.CONFIRM' }],
  [160, { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'A declaration by the High Representative on behalf of the EU announces the listings, names the GREYLOCK affiliate and calls on Vostrava to end the impunity of the group operating from its territory. Our attribution allows the statement to name the State.' }],
  [163, { type: 'DECISION.SUBMIT', summary: 'Delegation Borealis attributes the attack, with moderate confidence, to a State-sponsored actor: the GREYLOCK affiliate operated by two individuals in Vostrava. It proposes listing the two operators under the cyber sanctions regime (travel ban and asset freeze), freezing the assets of the exchange that processed the ransom payments, and a declaration by the High Representative on behalf of the EU announcing the listings. The legal adviser\'s dissent on the attribution is recorded.' }],
  // The hot wash
  [201, { type: 'HOTWASH.SUBMIT', source: 'delegation', strengths: 'The injects came at a realistic pace, and the proportionality step made us write down why we rated as we did.', improvements: 'We relied on national intelligence the others had not seen; a releasable summary should have been shared through INTCEN before the attribution discussion.', ratings: { scenario: 4, information: 3, framework: 4, coordination: 2, preparedness: 3 }, comments: 'The blocked listing was frustrating, but it showed how unanimity works.' }],
];

// ---------------------------------------------------------------------------------------
// Delegation Castellan: non-state attribution, stabilising measures, a reopened decision.

const CASTELLAN: Timed[] = [
  [7, { type: 'FINDING.ADD', id: 'c-f1', text: 'Patient administration and laboratory systems are encrypted in hospitals of Member States A, B and C.', source: 'National CSIRTs through the CSIRTs Network', confidence: 'high' }],
  [9, { type: 'FINDING.ADD', id: 'c-f2', text: 'A GREYLOCK ransom note gives 72 hours to pay, or patient records are published.', source: RANSOM_SOURCE, confidence: 'high' }],
  [11, { type: 'NOTE.ADD', id: 'c-n1', author: 'Political counsellor', text: 'The question for us is not only who did it, but what the Union can usefully say to the three member states and to the public.' }],
  // 20: CSIRTs Network summary
  [26, { type: 'FINDING.ADD', id: 'c-f3', text: 'Common entry point: a VPN appliance vulnerability for which the vendor published a patch six weeks ago.', source: CSIRT_SOURCE, confidence: 'high' }],
  [28, { type: 'FINDING.ADD', id: 'c-f4', text: 'Data was exfiltrated before encryption; the tool matches earlier GREYLOCK samples; about 1,900 systems are affected.', source: CSIRT_SOURCE, confidence: 'moderate' }],
  [35, { type: 'NOTE.ADD', id: 'c-n2', author: 'Head of delegation', text: 'Long discussion on whether harm to patients is established. We agreed to record only what the health ministries confirm.' }],
  // 45: press report to the others; Castellan gets it at 50
  [47, { type: 'AWARENESS.AGREE', text: 'A criminal ransomware attack with the GREYLOCK toolkit disrupted hospital administration and laboratories in three member states and stole patient data. Harm to patients is not confirmed.' }],
  [49, { type: 'ATTRIBUTION.SKIP', reason: 'Not yet: the toolkit is GREYLOCK\'s, but the affiliate who used it is unknown. We revisit after the law-enforcement assessment.' }],
  [54, { type: 'FINDING.ADD', id: 'c-f5', text: 'A stroke patient is reported to have been transferred 90 km after an ambulance diversion; the hospital does not comment.', source: PRESS_SOURCE, confidence: 'low' }],
  [57, { type: 'AWARENESS.AGREE', text: 'As before; a media report of harm to a patient is noted, but the health authorities have not confirmed it.' }],
  [58, { type: 'ATTRIBUTION.SKIP', reason: 'Not yet, as before: the affiliate is unknown.' }],
  ...ratings(60, {
    scope: [3, 'Hospitals, an essential service, in three member states.'],
    scale: [2, 'About 1,900 systems; thousands of patients affected by postponed care.'],
    duration: [1, 'Days: the hospitals run on paper procedures and expect to restore core systems this week.'],
    intensity: [2, 'Disruption of hospital administration and laboratories. Emergency care was diverted, not stopped, and harm to patients is not confirmed.'],
    complexity: [2, 'A multi-stage intrusion: access, exfiltration, encryption.'],
    sophistication: [0, 'Commodity ransomware-as-a-service through a known vulnerability that had a patch: nothing a well-maintained network would not have stopped.'],
    impact: [2, 'Politically sensitive in three member states and costly for the hospitals; no confirmed harm to patients so far.'],
  }),
  [67, { type: 'PROPORTIONALITY.CONFIRM' }],
  [70, { type: 'MEASURE.SELECT', measureId: 'council-conclusions', rationale: 'Council conclusions condemning attacks on hospitals set out the Union\'s position for the record and commit member states to work together against the group, without needing attribution.' }],
  [72, { type: 'PRINCIPLE.ASSESS', principleId: 'integrity', status: 'met', note: 'The response protects health services and patients\' data in the Union.' }],
  // 80: Europol assessment
  [83, { type: 'FINDING.ADD', id: 'c-f6', text: 'Europol identifies, with moderate confidence, two residents of Vostrava as the affiliate\'s operators, and links the ransom wallets to an exchange registered in Vostrava.', source: EUROPOL_SOURCE, confidence: 'moderate' }],
  [84, { type: 'FINDING.ADD', id: 'c-f7', text: 'No indication of direction or support by the Vostravan authorities.', source: EUROPOL_SOURCE, confidence: 'low' }],
  [87, { type: 'AWARENESS.AGREE', text: 'A GREYLOCK affiliate, whose two operators Europol identifies in Vostrava with moderate confidence, carried out the attack for money. Nothing indicates that the Vostravan authorities directed or supported it.' }],
  [90, CASTELLAN_ATTRIBUTION],
  [92, { type: 'SANCTIONS.SET', attempt: null, external: true, actorsIdentified: true, targets: ['essential-services'] }],
  [93, { type: 'NOTE.ADD', id: 'c-n3', author: 'Legal adviser', text: 'A listing of the two operators would be legally possible: they are identified and the threat is external. We keep it in reserve: the persons are out of the Union\'s reach, and a listing now would close a door that Vostrava might still open.' }],
  [94, { type: 'PROPORTIONALITY.CONFIRM' }],
  [97, { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'A declaration by the High Representative on behalf of the EU condemns the attack on hospitals, names GREYLOCK as a criminal group and says that the Union will use all its tools against those responsible. It names no State: we have not attributed the attack to one.' }],
  [99, { type: 'PRINCIPLE.ASSESS', principleId: 'cfsp-objectives', status: 'met', note: 'A declaration and Council conclusions are ordinary CFSP instruments, adopted by the usual procedures.' }],
  [101, { type: 'PRINCIPLE.ASSESS', principleId: 'shared-awareness', status: 'met', note: 'Both rest on findings that all member states accept: the CSIRTs Network summary and Europol\'s assessment.' }],
  [103, { type: 'PRINCIPLE.ASSESS', principleId: 'proportionality', status: 'met', note: 'Stabilising measures are what the level of 2 suggests; they signal consequences without going beyond what the facts support.' }],
  [105, { type: 'PRINCIPLE.ASSESS', principleId: 'international-law', status: 'met', note: 'Public statements about a criminal group raise no issue under international law; no individual is named, so no one\'s rights are affected.' }],
  [107, { type: 'PRINCIPLE.ASSESS', principleId: 'external-relations', status: 'met', note: 'Neither measure accuses Vostrava; the dialogue with it stays open.' }],
  // 110: Vostravan statement
  [113, { type: 'FINDING.ADD', id: 'c-f8', text: 'Vostrava rejects any insinuation of involvement and offers to examine evidence through appropriate channels; its statement does not mention the individuals or the exchange.', source: VOSTRAVA_SOURCE, confidence: 'high' }],
  [115, { type: 'AWARENESS.AGREE', text: 'As before; Vostrava denies an involvement that no one at this table has alleged, and offers to examine evidence.' }],
  [116, CASTELLAN_ATTRIBUTION],
  [117, { type: 'PROPORTIONALITY.CONFIRM' }],
  [119, { type: 'NOTE.ADD', id: 'c-n4', author: 'Political counsellor', text: 'Vostrava answers an accusation we did not make. Our declaration must be worded so that it cannot be read as one.' }],
  // 150: leak publication
  [153, { type: 'FINDING.ADD', id: 'c-f9', text: 'About 40,000 patient records, including diagnoses, from a hospital in Member State B are published on GREYLOCK\'s leak site; the data protection authority of Member State B investigates.', source: LEAK_SOURCE, confidence: 'moderate' }],
  [155, { type: 'AWARENESS.AGREE', text: 'As before; the group has carried out its threat and published patient records. The health ministers of the three member states ask for the matter to be put to the Council.' }],
  [156, CASTELLAN_ATTRIBUTION],
  [157, { type: 'RATING.SET', dimension: 'impact', value: 3, rationale: 'The diagnoses of 40,000 patients are public: major and lasting harm to persons, and a matter now before the Council.' }],
  [158, { type: 'PROPORTIONALITY.CONFIRM' }],
  [160, { type: 'PRINCIPLE.ASSESS', principleId: 'proportionality', status: 'met', note: 'The publication raises impact to 3; the level stays at 2, and stabilising measures remain what it suggests.' }],
  [164, { type: 'DECISION.SUBMIT', summary: 'Delegation Castellan attributes the attack, with moderate confidence, to a criminal non-state actor, the GREYLOCK affiliate identified by Europol, and not to any State. It proposes a declaration by the High Representative on behalf of the EU condemning the attack and naming GREYLOCK as a criminal group, and Council conclusions on attacks against health services for the Council meeting the health ministers asked for. Listings remain in reserve.' }],
  [176, { type: 'DECISION.REOPEN' }],
  [177, { type: 'NOTE.ADD', id: 'c-n5', author: 'Head of delegation', text: 'Reopened after the legal adviser read the draft declaration: it said that the group operates "from Vostravan territory with impunity", which readers would take as pointing at the State. We correct the text and carry that message through a private channel instead.' }],
  [179, { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'A declaration by the High Representative on behalf of the EU condemns the attack, names GREYLOCK as a criminal group and says that the Union will use all its tools against those responsible. Corrected draft: it names no State and no territory, because we have not attributed the attack to a State.' }],
  [181, { type: 'MEASURE.SELECT', measureId: 'demarche-stabilising', rationale: 'A diplomatic démarche in Vostrava says privately what the declaration does not: that the Union expects action against the two identified individuals and the exchange, and that listings under the cyber sanctions regime are in reserve if nothing happens.' }],
  [183, { type: 'PRINCIPLE.ASSESS', principleId: 'external-relations', status: 'met', note: 'The public texts accuse no State; the consequences of inaction are conveyed to Vostrava privately, which keeps the dialogue open.' }],
  [186, { type: 'DECISION.SUBMIT', summary: 'Revised decision. Delegation Castellan attributes the attack, with moderate confidence, to a criminal non-state actor, the GREYLOCK affiliate identified by Europol, and not to any State. It proposes a declaration by the High Representative on behalf of the EU, corrected so that it names no State or territory; Council conclusions on attacks against health services; and a diplomatic démarche telling Vostrava privately that listings are in reserve if it does not act against the identified individuals and the exchange.' }],
  // The plenary
  [191, { type: 'POSITION.SET', measureId: 'travel-ban', stance: 'abstains', text: 'Castellan abstains constructively: it keeps listings in reserve and will not apply this one, but accepts that the decision commits the Union.' }],
  [192, { type: 'POSITION.SET', measureId: 'asset-freeze', stance: 'abstains', text: 'Castellan abstains constructively on the freeze, as on the travel ban, and accepts that the decision commits the Union.' }],
  // The hot wash, given on paper and entered by the facilitator
  [205, { type: 'HOTWASH.SUBMIT', source: 'paper', strengths: 'Reopening our decision to correct the public text worked as it should; the record shows why.', improvements: 'Our draft declaration pointed at a State we had not attributed the attack to. A drafting check would have caught it.', ratings: { scenario: 4, information: 4, framework: 4, coordination: 3, preparedness: 4 }, comments: '' }],
];

// ---------------------------------------------------------------------------------------
// The facilitator

type Release = readonly [minutes: number, injectId: string, to: 'all' | readonly Delegation[]];

/** At their planned offsets; the press report reached Castellan five minutes late, on purpose. */
const RELEASES: readonly Release[] = [
  [20, 'csirt-technical-summary', 'all'],
  [45, 'press-patient-impact', ['aurelia', 'borealis']],
  [50, 'press-patient-impact', ['castellan']],
  [80, 'europol-assessment', 'all'],
  [110, 'partner-vostrava-statement', 'all'],
  [150, 'leak-publication', 'all'],
];

const FACILITATOR_NOTES: readonly (readonly [minutes: number, text: string])[] = [
  [51, 'Released the press report to Castellan five minutes after the others: it was about to agree its first shared assessment, and the inject would have cut across that discussion.'],
  [99, 'Borealis attributed the attack to a State-sponsored actor after the Europol inject, partly on national intelligence that the other delegations have not seen. Asked what evidence they rely on, as the scenario notes suggest; their legal adviser recorded a dissent. Good material for the hot wash on shared situational awareness.'],
  [162, 'After the leak publication Aurelia and Castellan raised impact to 3 and Borealis raised duration to 4. Aurelia\'s overall level rose from 2 to 3; no delegation changed the categories of its measures.'],
  [207, 'Hot wash: no delegation had prepared how to explain its decision to the public in the three member states (the scenario\'s closing question). All agreed that identifying responsible persons and attributing to a State are different questions. Castellan reopened its decision to take a State\'s territory out of its public text.'],
];

const REPORT_DETAILS = {
  facilitator: 'Marit Holloway (exercise cell)',
  improvementPlan: [
    {
      id: 'sample-item-1',
      objectiveId: 'sovereign-attribution',
      priority: 'high',
      issue: 'Attribution views diverged because one delegation relied on national intelligence that the others could not see.',
      correctiveAction: 'Agree how a delegation shares a releasable summary of national intelligence through INTCEN before the attribution discussion, and rehearse it in the next exercise.',
      owner: 'Exercise cell, with the INTCEN liaison',
      dueDate: '2027-01-29',
    },
    {
      id: 'sample-item-2',
      objectiveId: 'listing-criteria',
      priority: 'medium',
      issue: 'Delegations confused identifying responsible persons (enough for a listing under the cyber sanctions regime) with attributing the attack to a State.',
      correctiveAction: 'Add a one-page note on the listing criteria of Council Decision (CFSP) 2019/797, with a worked example, to the pre-exercise reading pack.',
      owner: 'Legal adviser of the exercise cell',
      dueDate: '2026-12-11',
    },
    {
      id: 'sample-item-3',
      objectiveId: 'public-communication',
      priority: 'high',
      issue: 'No delegation prepared public communication for the three affected member states.',
      correctiveAction: 'Add a communication line to the decision template, and invite the delegations\' press officers to the next exercise.',
      owner: 'Strategic communication liaison',
      dueDate: '2026-12-18',
    },
    {
      id: 'sample-item-4',
      objectiveId: 'sovereign-attribution',
      priority: 'medium',
      issue: 'A draft public statement pointed at a third country\'s territory although no delegation had attributed the attack to that State.',
      correctiveAction: 'Add a check to the statement drafting guidance: does the text name or point to a State, and has that State been attributed?',
      owner: 'Secretariat of the Horizontal Working Party on Cyber Issues',
      dueDate: '2027-02-26',
    },
    {
      id: 'sample-item-5',
      objectiveId: 'plenary-decision',
      priority: 'low',
      issue: 'Delegations learnt of each other\'s positions only in the plenary, so the blocked listings came as a surprise.',
      correctiveAction: 'Circulate each delegation\'s draft positions through the Horizontal Working Party on Cyber Issues before the plenary, as the Council\'s preparatory bodies do.',
      owner: 'Exercise cell',
      dueDate: '2027-01-15',
    },
  ],
};

/** The plenary's outcome as the facilitator records it. */
const JOINT_DECISION: readonly (readonly [minutes: number, entry: JointEntryInput])[] = [
  [194, { kind: 'adopt', measureId: 'hr-statement', note: 'Supported by Borealis and Castellan; Aurelia abstains constructively with its declaration.' }],
  [195, { kind: 'block', measureId: 'travel-ban', note: 'Aurelia opposes while the 30 days of the démarche run; Castellan abstains.' }],
  [196, { kind: 'block', measureId: 'asset-freeze', note: 'As for the travel ban.' }],
  [197, { kind: 'statement', text: 'Declaration by the High Representative on behalf of the European Union on the ransomware attacks against hospitals in three Member States. The European Union strongly condemns the ransomware attacks by the criminal group GREYLOCK that disrupted hospital services in three Member States and led to the publication of the health data of some 40,000 patients. The European Union and its Member States will use all the tools at their disposal against those responsible, and call on all States to act, with due diligence, against criminal activity conducted from their territory.' }],
];

type Link = { readonly note: number } | { readonly delegation: Delegation; readonly event: string; readonly nth?: number } | { readonly release: string; readonly delegation: Delegation };

/** The facilitator's rating of each objective, with the timeline entries it rests on. */
const OBJECTIVE_RATINGS: readonly (readonly [minutes: number, objectiveId: string, rating: HseepRating, observations: string, links: readonly Link[]])[] = [
  [208, 'shared-assessment', 'P', 'Every delegation agreed its assessment on the findings all could see, and agreed it again after each inject; Castellan waited for the health ministries before recording harm to patients.', [{ note: 1 }, { delegation: 'castellan', event: 'AWARENESS.AGREE' }]],
  [209, 'sovereign-attribution', 'M', 'Borealis attributed to a State-sponsored actor partly on national intelligence that the other delegations had not seen, and its legal adviser dissented; Aurelia skipped attribution as a sovereign choice.', [{ note: 2 }, { delegation: 'borealis', event: 'DISSENT.ADD' }, { delegation: 'aurelia', event: 'ATTRIBUTION.SKIP', nth: 3 }]],
  [210, 'listing-criteria', 'S', 'Castellan kept listings in reserve on the grounds that the persons are identified; Borealis tied its listings to its attribution. The hot wash showed the difference was understood by the end.', [{ release: 'europol-assessment', delegation: 'castellan' }, { note: 4 }]],
  [211, 'plenary-decision', 'S', 'The plenary adopted the declaration with Aurelia\'s constructive abstention and recorded the listings as blocked by Aurelia. Positions were stated only in the plenary, which left little time.', [{ delegation: 'aurelia', event: 'POSITION.SET' }, { delegation: 'castellan', event: 'POSITION.SET' }]],
  [212, 'public-communication', 'U', 'No delegation prepared how to explain its decision to the public in the three member states.', [{ note: 4 }]],
];

// ---------------------------------------------------------------------------------------

function accept(db: Db, runId: string, who: string, event: IncomingEvent, now: string): void {
  const sent = sendEvent(db, runId, event, now);
  if (!sent.accepted) throw new Error(`Sample exercise: ${who} could not send ${event.type} at ${now}: ${sent.reasons.join(' ')}`);
}

/**
 * Builds the sample exercise in `db` (which must hold the bundled scenario "hospital-ransomware")
 * and returns its id. Every action runs in the order of its time, so the record reads as it happened.
 */
export function buildSampleExercise(db: Db): string {
  const exercise = createExercise(db, {
    id: SAMPLE_EXERCISE_ID,
    name: SAMPLE_EXERCISE_NAME,
    scenarioId: 'hospital-ransomware',
    delegationNames: [...DELEGATIONS],
    now: sampleTime(-10),
  });
  const [aurelia, borealis, castellan] = exercise.delegations;
  if (!aurelia || !borealis || !castellan) throw new Error('Sample exercise: expected three delegations.');
  const delegations: Record<Delegation, { id: string; runId: string; name: string }> = { aurelia, borealis, castellan };

  const actions: { minutes: number; order: number; run: () => void }[] = [];
  const busy = new Map<number, Set<Delegation | 'facilitator'>>();
  const schedule = (minutes: number, touches: readonly (Delegation | 'facilitator')[], run: () => void): void => {
    // Two things at the same minute for the same party would leave their order to this file, not to the clock.
    const taken = busy.get(minutes) ?? new Set();
    for (const party of touches) {
      if (taken.has(party)) throw new Error(`Sample exercise: two actions for ${party} at minute ${minutes}.`);
      taken.add(party);
    }
    busy.set(minutes, taken);
    actions.push({ minutes, order: actions.length, run });
  };
  const ALL: readonly Delegation[] = ['aurelia', 'borealis', 'castellan'];
  const scripts: Record<Delegation, Timed[]> = { aurelia: AURELIA, borealis: BOREALIS, castellan: CASTELLAN };
  for (const key of Object.keys(scripts) as Delegation[]) {
    const d = delegations[key];
    let last = -Infinity;
    for (const [minutes, event] of scripts[key]) {
      if (minutes <= last) throw new Error(`Sample exercise: ${d.name}'s script goes back in time at minute ${minutes}.`);
      last = minutes;
      schedule(minutes, [key], () => accept(db, d.runId, d.name, event, sampleTime(minutes)));
    }
  }
  for (const [minutes, injectId, to] of RELEASES) {
    schedule(minutes, ['facilitator', ...(to === 'all' ? ALL : to)], () => {
      const ids = to === 'all' ? 'all' : to.map((k) => delegations[k].id);
      const result = releaseInject(db, exercise.id, injectId, ids, sampleTime(minutes));
      if (result.skipped.length > 0) throw new Error(`Sample exercise: ${injectId} was not released to all: ${result.skipped.map((s) => s.reason).join(' ')}`);
    });
  }
  FACILITATOR_NOTES.forEach(([minutes, text], i) => {
    schedule(minutes, ['facilitator'], () => addFacilitatorNote(db, exercise.id, text, sampleTime(minutes), `${SAMPLE_EXERCISE_ID}-note-${i + 1}`));
  });

  for (const [minutes, entry] of JOINT_DECISION) schedule(minutes, ['facilitator'], () => recordJointEntry(db, exercise.id, entry, sampleTime(minutes)));
  const refOf = (link: Link): string => {
    if ('note' in link) return `note:${SAMPLE_EXERCISE_ID}-note-${link.note}`;
    const d = delegations[link.delegation];
    if ('release' in link) return `release:${d.id}:${link.release}`;
    const seqs = runHistory(db, d.runId).filter((e) => e.event.type === link.event).map((e) => e.seq);
    const seq = seqs[(link.nth ?? 1) - 1];
    if (seq === undefined) throw new Error(`Sample exercise: ${d.name}'s run has no ${link.event} number ${link.nth ?? 1}.`);
    return `run:${d.runId}:${seq}`;
  };
  for (const [minutes, objectiveId, rating, observations, links] of OBJECTIVE_RATINGS) {
    schedule(minutes, ['facilitator'], () => rateObjective(db, exercise.id, { objectiveId, rating, observations, entries: links.map(refOf) }, sampleTime(minutes)));
  }

  exerciseClock(db, exercise.id, 'start', sampleTime(0));
  for (const action of [...actions].sort((a, b) => a.minutes - b.minutes || a.order - b.order)) action.run();
  exerciseClock(db, exercise.id, 'pause', sampleTime(213));
  saveReportDetails(db, exercise.id, REPORT_DETAILS);
  return exercise.id;
}

/**
 * A package with its random parts taken out: every delegation and run id (wherever it stands:
 * a release, a joint decision's position, a timeline reference) becomes the delegation's name,
 * and the hashes (which depend on the run ids) are dropped. Two packages of the same exercise
 * made by buildSampleExercise normalise to the same value.
 */
export function normalisePackage(pkg: ExercisePackage): unknown {
  const names = new Map(pkg.exercise.delegations.flatMap((d) => [[d.id, d.name], [d.runId, d.name]] as const));
  const ids = new RegExp([...names.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const normal = (value: unknown): unknown => {
    if (typeof value === 'string') return names.size === 0 ? value : value.replace(ids, (id) => names.get(id)!);
    if (Array.isArray(value)) return value.map(normal);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'hash' && key !== 'prevHash').map(([key, v]) => [key, normal(v)]));
  };
  const { manifest, ...content } = pkg;
  return normal({ ...content, createdAt: manifest.createdAt, exerciseId: manifest.exerciseId });
}
