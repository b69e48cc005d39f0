import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../../../../shared/framework/catalogue';
import type { Finding } from '../../../../../shared/workflow/context';
import type { RunView } from '../../../../../shared/workflow/runs';
import { ActionButton } from '../ActionButton';
import { ConfidenceChoice, StepHeading, TextField } from '../fields';
import { newId } from '../../../ui/ids';
import { check, useSnapshot } from '../snapshot';
import { draftKey, useRuns, useWritable } from '../store';
import { ReceivedInjects } from './ReceivedInjects';
import './awareness-step.css';

/** Findings about the incident, then the shared assessment the member states agree. */
export function AwarenessStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const editable = useWritable() && run.step === 'awareness';
  return (
    <div className="step">
      <StepHeading step="awareness" />
      {context.injects.length > 0 && <ReceivedInjects run={run} editable={editable} />}
      <section className="card" aria-labelledby="findings-heading">
        <h3 id="findings-heading" className="card__title">
          {t('runs.awareness.findings', { count: context.findings.length })}
        </h3>
        {context.findings.length === 0 ? (
          <p className="muted">{t('runs.awareness.noFindings')}</p>
        ) : (
          <ol className="findings">
            {context.findings.map((f, i) => (
              <FindingItem key={f.id} finding={f} index={i + 1} editable={editable} />
            ))}
          </ol>
        )}
        {editable && <NewFinding runId={run.id} agreed={context.sharedAssessment.agreed} />}
      </section>
      <SharedAssessment run={run} />
    </div>
  );
}

function FindingItem({ finding, index, editable }: { finding: Finding; index: number; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(finding.text);
  const [source, setSource] = useState(finding.source);
  const [confidence, setConfidence] = useState<Confidence>(finding.confidence);

  if (editing) {
    return (
      <li className="finding finding--editing">
        <FindingFields
          idPrefix={`edit-${finding.id}`}
          text={text}
          source={source}
          confidence={confidence}
          onText={setText}
          onSource={setSource}
          onConfidence={setConfidence}
        />
        <div className="row">
          <ActionButton
            variant="primary"
            event={{ type: 'FINDING.EDIT', id: finding.id, text, source, confidence }}
            onSent={() => setEditing(false)}
          >
            {t('runs.awareness.saveFinding')}
          </ActionButton>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setEditing(false);
              setText(finding.text);
              setSource(finding.source);
              setConfidence(finding.confidence);
            }}
          >
            {t('runs.common.cancel')}
          </button>
        </div>
      </li>
    );
  }
  return (
    <li className="finding">
      <span className="finding__n" aria-hidden="true">
        {index}
      </span>
      <div className="finding__body">
        <p className="finding__text">{finding.text}</p>
        <p className="finding__meta">
          <span>
            {t('runs.awareness.sourceIs')} {finding.source}
          </span>
          <span className={`confidence confidence--${finding.confidence}`}>{t(`runs.confidence.${finding.confidence}`)}</span>
        </p>
      </div>
      {editable && (
        <div className="finding__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setEditing(true)}
            aria-label={t('runs.awareness.editNamed', { n: index })}
          >
            {t('runs.common.edit')}
          </button>
          <ActionButton variant="quiet" className="button--danger-text" event={{ type: 'FINDING.REMOVE', id: finding.id }}>
            <span aria-hidden="true">{t('runs.common.remove')}</span>
            <span className="visually-hidden">{t('runs.awareness.removeNamed', { n: index })}</span>
          </ActionButton>
        </div>
      )}
    </li>
  );
}

function FindingFields(props: {
  idPrefix: string;
  text: string;
  source: string;
  confidence: Confidence | null;
  onText: (v: string) => void;
  onSource: (v: string) => void;
  onConfidence: (c: Confidence) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="finding-fields">
      <TextField label={t('runs.awareness.what')} value={props.text} onChange={props.onText} multiline rows={2} />
      <div className="finding-fields__row">
        <TextField label={t('runs.awareness.source')} hint={t('runs.awareness.sourceHint')} value={props.source} onChange={props.onSource} />
        <ConfidenceChoice name={`${props.idPrefix}-confidence`} value={props.confidence} onChange={props.onConfidence} />
      </div>
    </div>
  );
}

function NewFinding({ runId, agreed }: { runId: string; agreed: boolean }) {
  const { t } = useTranslation();
  const [id, setId] = useState(() => newId());
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [confidence, setConfidence] = useState<Confidence>('moderate');
  return (
    <div className="new-finding" role="group" aria-labelledby={`new-finding-${runId}`}>
      <h4 id={`new-finding-${runId}`} className="new-finding__title">
        {t('runs.awareness.addTitle')}
      </h4>
      {agreed && <p className="hint">{t('runs.awareness.changeWithdraws')}</p>}
      <FindingFields
        idPrefix="new-finding"
        text={text}
        source={source}
        confidence={confidence}
        onText={setText}
        onSource={setSource}
        onConfidence={setConfidence}
      />
      <ActionButton
        event={{ type: 'FINDING.ADD', id, text, source, confidence }}
        onSent={() => {
          setId(newId());
          setText('');
          setSource('');
        }}
      >
        {t('runs.awareness.add')}
      </ActionButton>
    </div>
  );
}

function SharedAssessment({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const shared = run.snapshot.context.sharedAssessment;
  const key = draftKey(run.id, 'sharedAssessment');
  const draft = useRuns((s) => s.drafts[key]);
  const setDraft = useRuns((s) => s.setDraft);
  const clearDraft = useRuns((s) => s.clearDraft);
  const text = draft ?? shared.text;
  const event = { type: 'AWARENESS.AGREE', text } as const;
  const editable = useWritable() && run.step === 'awareness';
  return (
    <section className="card" aria-labelledby="shared-heading">
      <h3 id="shared-heading" className="card__title">
        {t('runs.awareness.shared')}
        <span className={shared.agreed ? 'status status--ok' : 'status'}>
          {shared.agreed ? t('runs.awareness.agreed') : t('runs.awareness.notAgreed')}
        </span>
      </h3>
      <TextField
        label={t('runs.awareness.sharedLabel')}
        hint={t('runs.awareness.sharedHint')}
        value={text}
        onChange={(v) => setDraft(key, v)}
        multiline
        rows={4}
        disabled={!editable}
      />
      {editable && (
        <div className="row">
          <ActionButton variant="primary" event={event} onSent={() => clearDraft(key)}>
            {shared.agreed ? t('runs.awareness.agreeAgain') : t('runs.awareness.agree')}
          </ActionButton>
          {check(snapshot, event).ok && <span className="hint">{t('runs.awareness.agreeNext')}</span>}
        </div>
      )}
    </section>
  );
}
