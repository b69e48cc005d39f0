import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { HOT_WASH_QUESTIONS, HOT_WASH_SCALE, type HotWashScore, type HotWashSource } from '../../../shared/evaluation/hot-wash';
import type { HotWash } from '../../../shared/workflow/context';
import { formatWhen } from './format';
import { draftOf, hotWashEvent, isEmptyDraft, withRating, type HotWashDraft, type HotWashEvent } from './hotWash';
import './hot-wash-form.css';

/**
 * The hot wash (FRAMEWORK.md §7), one form for both ways in: the delegation in its run, and
 * the facilitator typing in a paper form in the console. What was given last is shown with
 * its time; changing it opens the form on those answers, and submitting replaces them.
 */
export function HotWashForm({
  current,
  source,
  editable,
  onSubmit,
  reasonsNow,
  startEditing = false,
  focusOnMount = false,
}: {
  current: HotWash | null;
  source: HotWashSource;
  editable: boolean;
  /** Sends the event: null once recorded, else the reasons to show here (none: they are shown elsewhere). */
  onSubmit(event: HotWashEvent): Promise<readonly string[] | null>;
  /** Why the run would refuse it now, before it is sent (the machine's words). */
  reasonsNow?(event: HotWashEvent): readonly string[];
  /** Open on the form even when answers were given (the facilitator came to enter a paper form). */
  startEditing?: boolean;
  /** Take the focus when it appears (in a dialog that opened before the answers were read). */
  focusOnMount?: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(startEditing || current === null);
  const [draft, setDraft] = useState<HotWashDraft>(() => draftOf(current));
  const [reasons, setReasons] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [justRecorded, setJustRecorded] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);
  const given = useRef<HTMLParagraphElement>(null);
  const refusal = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  const id = useId();

  useEffect(() => {
    if (focusOnMount) first.current?.focus();
    // Once, when the form appears.
  }, []);

  // Reasons given at the foot of a long form (in a dialog, below the fold) are brought into view.
  useEffect(() => {
    if (reasons.length > 0) refusal.current?.scrollIntoView({ block: 'nearest' });
  }, [reasons]);

  // The focus follows what opens: the first field when the form opens from "Change", the record once submitted.
  useEffect(() => {
    if (!asked.current) return;
    asked.current = false;
    if (editing) first.current?.focus();
    else given.current?.focus();
  }, [editing]);

  const open = (): void => {
    setDraft(draftOf(current));
    setReasons([]);
    setJustRecorded(false);
    asked.current = true;
    setEditing(true);
  };
  const cancel = (): void => {
    setReasons([]);
    asked.current = true;
    setEditing(false);
  };
  const submit = async (): Promise<void> => {
    if (busy) return;
    const event = hotWashEvent(draft, source);
    const local = isEmptyDraft(draft) ? [t('consensus.hotWash.empty')] : (reasonsNow?.(event) ?? []);
    if (local.length > 0) {
      setReasons(local);
      return;
    }
    setBusy(true);
    try {
      const refused = await onSubmit(event);
      if (refused === null) {
        setReasons([]);
        setJustRecorded(true);
        asked.current = true;
        setEditing(false);
      } else {
        setReasons(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  if (!editing || !editable) {
    return current === null ? (
      <p className="hw-none">{t('consensus.hotWash.notGiven')}</p>
    ) : (
      <div className="hw-given" data-hot-wash-source={current.source}>
        <p ref={given} className="hw-given__when" tabIndex={-1} role={justRecorded ? 'status' : undefined}>
          <span className="status status--ok">{t('consensus.hotWash.submitted', { when: formatWhen(current.at) })}</span>{' '}
          <span className="muted">{t(`consensus.hotWash.submittedBy.${current.source}`)}</span>
        </p>
        <HotWashAnswers hotWash={current} />
        {editable && (
          <button type="button" className="button" onClick={open}>
            {t('consensus.hotWash.edit')}
          </button>
        )}
      </div>
    );
  }

  const text = (field: 'strengths' | 'improvements' | 'comments', rows: number, hint?: string, ref?: Ref<HTMLTextAreaElement>) => (
    <div className="field hw-field">
      <label htmlFor={`${id}-${field}`} className="field__label">
        {t(`consensus.hotWash.${field}`)}
      </label>
      {hint && (
        <p id={`${id}-${field}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <textarea
        ref={ref}
        id={`${id}-${field}`}
        className="input input--area"
        rows={rows}
        value={draft[field]}
        aria-describedby={hint ? `${id}-${field}-hint` : undefined}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      />
    </div>
  );

  return (
    <div className="hw-form">
      {text('strengths', 3, t('consensus.hotWash.strengthsHint'), first)}
      {text('improvements', 3, t('consensus.hotWash.improvementsHint'))}
      <div className="hw-ratings" role="group" aria-labelledby={`${id}-ratings`} aria-describedby={`${id}-ratings-hint`}>
        <p id={`${id}-ratings`} className="field__label">
          {t('consensus.hotWash.ratings')}
        </p>
        <p id={`${id}-ratings-hint`} className="field__hint">
          {t('consensus.hotWash.ratingsHint')}
        </p>
        {HOT_WASH_QUESTIONS.map((q) => {
          const value = draft.ratings[q.id] ?? null;
          return (
            <fieldset key={q.id} className="hw-question" data-question={q.id}>
              <legend className="hw-question__text">{q.text}</legend>
              <div className="hw-scale">
                {HOT_WASH_SCALE.map((score: HotWashScore) => (
                  <label key={score} className={value === score ? 'hw-score hw-score--checked' : 'hw-score'}>
                    <input
                      type="radio"
                      name={`${id}-${q.id}`}
                      value={score}
                      checked={value === score}
                      onChange={() => setDraft(withRating(draft, q.id, score))}
                    />
                    <span className="hw-score__n">{score}</span>
                    <span className="hw-score__word">{t(`consensus.hotWash.scale.${score}`)}</span>
                  </label>
                ))}
                <button
                  type="button"
                  className="button button--quiet hw-clear"
                  aria-label={t('consensus.hotWash.clearNamed', { question: q.text })}
                  disabled={value === null}
                  onClick={() => setDraft(withRating(draft, q.id, null))}
                >
                  {t('consensus.hotWash.clear')}
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      {text('comments', 2)}
      <div className="hw-actions">
        <button type="button" className="button button--primary" aria-disabled={busy || undefined} aria-describedby={reasons.length > 0 ? `${id}-reasons` : undefined} onClick={() => void submit()}>
          {current === null ? t('consensus.hotWash.submit') : t('consensus.hotWash.replace')}
        </button>
        {current !== null && (
          <button type="button" className="button button--quiet" onClick={cancel}>
            {t('consensus.hotWash.cancel')}
          </button>
        )}
      </div>
      {reasons.length > 0 && (
        <div ref={refusal} id={`${id}-reasons`} className="hw-reasons" role="alert">
          <p className="hw-reasons__title">{t('consensus.hotWash.refused')}</p>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** What was given, as answered: each text, and each rating with the scale's words. */
export function HotWashAnswers({ hotWash }: { hotWash: HotWash }) {
  const { t } = useTranslation();
  const textOr = (s: string): string => (s.trim() === '' ? t('consensus.hotWash.nothing') : s);
  return (
    <dl className="hw-answers">
      <div>
        <dt>{t('consensus.hotWash.strengths')}</dt>
        <dd className="hw-answers__text">{textOr(hotWash.strengths)}</dd>
      </div>
      <div>
        <dt>{t('consensus.hotWash.improvements')}</dt>
        <dd className="hw-answers__text">{textOr(hotWash.improvements)}</dd>
      </div>
      {HOT_WASH_QUESTIONS.map((q) => {
        const v = hotWash.ratings[q.id];
        return (
          <div key={q.id} className="hw-answers__rating" data-question={q.id}>
            <dt>{q.text}</dt>
            <dd>{v === undefined ? <span className="muted">{t('consensus.hotWash.notAnswered')}</span> : `${v} · ${t(`consensus.hotWash.scale.${v}`)}`}</dd>
          </div>
        );
      })}
      <div>
        <dt>{t('consensus.hotWash.comments')}</dt>
        <dd className="hw-answers__text">{textOr(hotWash.comments)}</dd>
      </div>
    </dl>
  );
}
