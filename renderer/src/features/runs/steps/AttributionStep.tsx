import { useTranslation } from 'react-i18next';
import { ACTOR_TYPES, ACTOR_TYPE_LABELS, STATE_SPONSORED_COUNTS, isActorType, isConfidence, type ActorType, type Confidence } from '../../../../../shared/framework/catalogue';
import type { IncomingEvent } from '../../../../../shared/workflow/event-schema';
import type { Attribution } from '../../../../../shared/workflow/context';
import type { RunView } from '../../../../../shared/workflow/runs';
import { ActionButton } from '../ActionButton';
import { ChoiceGroup, ConfidenceChoice, StepHeading, TextField } from '../fields';
import { draftKey, useRuns, useWritable } from '../store';
import './attribution-step.css';

/** The form's fields as drafts: kept while the user moves around, prefilled from a recorded attribution. */
function useDraft(runId: string, field: string, initial: string): [string, (v: string) => void] {
  const key = draftKey(runId, `attribution.${field}`);
  const value = useRuns((s) => s.drafts[key]);
  const setDraft = useRuns((s) => s.setDraft);
  return [value ?? initial, (v) => setDraft(key, v)];
}

function recorded(attribution: Attribution | null) {
  const attributed = attribution?.status === 'attributed' ? attribution : null;
  return {
    actorType: attributed?.actorType ?? '',
    named: attributed ? (attributed.actorNamed ? 'yes' : 'no') : '',
    name: attributed?.actorName ?? '',
    confidence: attributed?.confidence ?? '',
    basis: attributed?.basis ?? '',
    reason: attribution?.status === 'skipped' ? attribution.reason : '',
  };
}

/**
 * Attribution is optional: a sovereign political decision (10474/17 §4). The delegation
 * attributes the activity, or records why it does not, and goes on either way.
 */
export function AttributionStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const attribution = run.snapshot.context.attribution;
  const initial = recorded(attribution);
  const [actorType, setActorType] = useDraft(run.id, 'actorType', initial.actorType);
  const [named, setNamed] = useDraft(run.id, 'named', initial.named);
  const [name, setName] = useDraft(run.id, 'name', initial.name);
  const [confidence, setConfidence] = useDraft(run.id, 'confidence', initial.confidence);
  const [basis, setBasis] = useDraft(run.id, 'basis', initial.basis);
  const [reason, setReason] = useDraft(run.id, 'reason', initial.reason);
  const clearDraft = useRuns((s) => s.clearDraft);
  const clearAll = (): void => {
    for (const f of ['actorType', 'named', 'name', 'confidence', 'basis', 'reason']) clearDraft(draftKey(run.id, `attribution.${f}`));
  };
  const editable = useWritable() && run.step === 'attribution';

  // The machine judges the attribution; until the form is complete it explains what is missing.
  const attribute: IncomingEvent | null =
    isActorType(actorType) && isConfidence(confidence) && (named === 'yes' || named === 'no')
      ? {
          type: 'ATTRIBUTION.ATTRIBUTE',
          actorType,
          actorNamed: named === 'yes',
          ...(named === 'yes' ? { actorName: name } : {}),
          confidence,
          basis,
        }
      : null;
  const missing = [
    !isActorType(actorType) ? t('runs.attribution.missingActorType') : null,
    named !== 'yes' && named !== 'no' ? t('runs.attribution.missingNamed') : null,
    !isConfidence(confidence) ? t('runs.attribution.missingConfidence') : null,
  ].filter((m): m is string => m !== null);

  return (
    <div className="step">
      <StepHeading step="attribution" />
      <aside className="callout" aria-labelledby="attribution-optional">
        <p id="attribution-optional" className="callout__title">
          {t('runs.attribution.optionalTitle')}
        </p>
        <p>{t('runs.attribution.optionalBody')}</p>
      </aside>
      {attribution && <RecordedAttribution attribution={attribution} />}
      {editable && (
        <div className="attribution-choices">
          <section className="card" aria-labelledby="attribute-heading">
            <h3 id="attribute-heading" className="card__title">
              {t('runs.attribution.attributeTitle')}
            </h3>
            <ChoiceGroup
              legend={t('runs.attribution.actorType')}
              name="actor-type"
              value={isActorType(actorType) ? actorType : null}
              onChange={(v: ActorType) => setActorType(v)}
              options={ACTOR_TYPES.map((a) => ({ id: a, label: ACTOR_TYPE_LABELS[a].label }))}
            />
            {actorType === 'state-sponsored' && <p className="field__hint attribution-note">{STATE_SPONSORED_COUNTS}</p>}
            <ChoiceGroup
              legend={t('runs.attribution.named')}
              name="actor-named"
              value={named === 'yes' || named === 'no' ? named : null}
              onChange={(v) => setNamed(v)}
              options={[
                { id: 'yes', label: t('runs.attribution.namedYes') },
                { id: 'no', label: t('runs.attribution.namedNo') },
              ]}
            />
            <p className="field__hint attribution-note">{t('runs.attribution.namedHint')}</p>
            {named === 'yes' && <TextField label={t('runs.attribution.name')} value={name} onChange={setName} />}
            <ConfidenceChoice
              name="attribution-confidence"
              value={isConfidence(confidence) ? confidence : null}
              onChange={(c: Confidence) => setConfidence(c)}
            />
            <TextField
              label={t('runs.attribution.basis')}
              hint={t('runs.attribution.basisHint')}
              value={basis}
              onChange={setBasis}
              multiline
              rows={3}
            />
            <ActionButton variant="primary" event={attribute} missing={missing} onSent={clearAll}>
              {t('runs.attribution.attribute')}
            </ActionButton>
          </section>
          <section className="card" aria-labelledby="skip-heading">
            <h3 id="skip-heading" className="card__title">
              {t('runs.attribution.skipTitle')}
            </h3>
            <p className="card__text">{t('runs.attribution.skipBody')}</p>
            <TextField label={t('runs.attribution.reason')} value={reason} onChange={setReason} multiline rows={3} />
            <ActionButton variant="primary" event={{ type: 'ATTRIBUTION.SKIP', reason }} onSent={clearAll}>
              {t('runs.attribution.skip')}
            </ActionButton>
          </section>
        </div>
      )}
    </div>
  );
}

function RecordedAttribution({ attribution }: { attribution: Attribution }) {
  const { t } = useTranslation();
  return (
    <section className="card card--recorded" aria-labelledby="recorded-attribution">
      <h3 id="recorded-attribution" className="card__title">
        {t('runs.attribution.recorded')}
      </h3>
      <p>{describeAttribution(t, attribution)}</p>
      {attribution.status === 'attributed' && attribution.actorType === 'state-sponsored' && <p className="card__text">{STATE_SPONSORED_COUNTS}</p>}
    </section>
  );
}

export function describeAttribution(t: (key: string, options?: Record<string, unknown>) => string, a: Attribution): string {
  if (a.status === 'skipped') return t('runs.attribution.skippedBecause', { reason: a.reason });
  return t(a.actorNamed ? 'runs.attribution.attributedNamed' : 'runs.attribution.attributedUnnamed', {
    actor: ACTOR_TYPE_LABELS[a.actorType].label,
    name: a.actorName ?? '',
    confidence: t(`runs.confidence.${a.confidence}`).toLowerCase(),
    basis: a.basis,
  });
}
