import { DIMENSION_IDS, PRINCIPLE_IDS } from '../../shared/framework/catalogue';
import type { IncomingEvent } from '../../shared/workflow/event-schema';

/** A delegation's way from the first finding to a decision. */
export const TO_DECISION: IncomingEvent[] = [
  { type: 'FINDING.ADD', id: 'f1', text: 'Wiper malware on hospital networks in three member states', source: 'CERT-EU', confidence: 'high' },
  { type: 'AWARENESS.AGREE', text: 'A coordinated destructive attack on health services' },
  { type: 'ATTRIBUTION.SKIP', reason: 'Intelligence not yet shared among member states' },
  ...DIMENSION_IDS.map((dimension): IncomingEvent => ({ type: 'RATING.SET', dimension, value: 3, rationale: `Rated ${dimension}` })),
  { type: 'PROPORTIONALITY.CONFIRM' },
  { type: 'MEASURE.SELECT', measureId: 'council-conclusions', rationale: 'Signal without naming a State' },
  ...PRINCIPLE_IDS.map((principleId): IncomingEvent => ({ type: 'PRINCIPLE.ASSESS', principleId, status: 'met', note: 'Checked' })),
  { type: 'DECISION.SUBMIT', summary: 'Council conclusions condemning the attacks' },
];
