import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, MEASURES, type MeasureId } from '../../../../shared/framework/catalogue';
import { RECORDED_STANCES, type RecordedStance } from '../../../../shared/framework/council';
import type { RunView } from '../../../../shared/workflow/runs';
import { formatWhen } from '../../ui/format';
import { ActionButton } from './ActionButton';
import { otherMeasures, positionEvent, STANCE_TEXT_KEY, startingText } from './positions';
import { useWritable } from './store';
import './positions.css';
import { closeOnEscape } from '../../ui/escape';

/**
 * The delegation's position on each measure it did not choose, for the Council's table
 * (FRAMEWORK.md §6): left open (undecided), an objection with its reason, or a constructive
 * abstention with its formal declaration. In the Measures and Decision steps.
 */
export function Positions({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const editable = useWritable() && (run.step === 'measures' || run.step === 'decided');
  const others = otherMeasures(context);
  return (
    <section className="positions" aria-labelledby="positions-heading" data-positions>
      <h3 id="positions-heading" className="section-title">
        {t('consensus.positions.heading')}
      </h3>
      <p className="section-intro">{t('consensus.positions.intro')}</p>
      <dl className="positions__meaning">
        <div>
          <dt>{t('consensus.stance.opposes')}:</dt>
          <dd>{t('consensus.positions.opposeMeaning')}</dd>
        </div>
        <div>
          <dt>{t('consensus.stance.abstains')}:</dt>
          <dd>{t('consensus.positions.abstainMeaning')}</dd>
        </div>
      </dl>
      <p className="positions__note">{t('consensus.positions.chosenNote')}</p>
      {others.length === 0 ? (
        <p className="muted">{t('consensus.positions.none')}</p>
      ) : (
        <ul className="positions__list">
          {others.map((id) => (
            <PositionRow key={id} id={id} run={run} editable={editable} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PositionRow({ id, run, editable }: { id: MeasureId; run: RunView; editable: boolean }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const current = context.positions[id] ?? null;
  const measure = MEASURES[id];
  const name = measure.label;
  const [stance, setStance] = useState<RecordedStance | null>(null);
  const [text, setText] = useState('');
  const row = useRef<HTMLLIElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const focusAfter = useRef<'field' | 'row' | null>(null);
  const fieldId = useId();

  // The focus follows what opens (the text field) and comes back to the row's buttons when it closes.
  useEffect(() => {
    const where = focusAfter.current;
    if (where === null) return;
    focusAfter.current = null;
    if (where === 'field') field.current?.focus();
    else row.current?.querySelector<HTMLElement>('.position__actions button')?.focus();
  });

  const open = (s: RecordedStance): void => {
    setStance(s);
    setText(startingText(context, id, s));
    focusAfter.current = 'field';
  };
  const close = (): void => {
    setStance(null);
    focusAfter.current = 'row';
  };
  const shown = current?.stance ?? 'undecided';

  return (
    <li ref={row} className={`position position--${shown}`} data-position={id} data-stance={shown}>
      <div className="position__head">
        <p className="position__name">
          {name}
          {CATEGORIES[measure.category].label !== name && <span className="position__category">{CATEGORIES[measure.category].label}</span>}
        </p>
        <span className={`tag position__stance position__stance--${shown}`}>{t(`consensus.stance.${shown}`)}</span>
        {editable && stance === null && (
          <div className="position__actions">
            {current ? (
              <>
                <button type="button" className="button" onClick={() => open(current.stance)}>
                  {t('consensus.positions.change')}
                  <span className="visually-hidden"> {t('consensus.positions.onMeasure', { name })}</span>
                </button>
                <ActionButton variant="quiet" event={{ type: 'POSITION.WITHDRAW', measureId: id }} onSent={() => (focusAfter.current = 'row')}>
                  {t('consensus.positions.withdraw')}
                  <span className="visually-hidden"> {t('consensus.positions.onMeasure', { name })}</span>
                </ActionButton>
              </>
            ) : (
              <>
                <button type="button" className="button" onClick={() => open('opposes')}>
                  {t('consensus.positions.oppose')}
                  <span className="visually-hidden"> {name}</span>
                </button>
                <button type="button" className="button" onClick={() => open('abstains')}>
                  {t('consensus.positions.abstain')}
                  <span className="visually-hidden"> {t('consensus.positions.onMeasure', { name })}</span>
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {current && (
        <div className="position__recorded">
          <p className="position__text-label">
            {t(STANCE_TEXT_KEY[current.stance].label)} <span className="muted">· {t('consensus.positions.recordedAt', { when: formatWhen(current.at) })}</span>
          </p>
          <p className="position__text">{current.text}</p>
        </div>
      )}
      {editable && stance !== null && (
        <div
          className="position__form"
          onKeyDown={closeOnEscape(close)}
        >
          <fieldset className="choices choices--inline position__kinds">
            <legend className="visually-hidden">{t('consensus.positions.kindFor', { name })}</legend>
            <div className="choices__options">
              {RECORDED_STANCES.map((s) => (
                <label key={s} className={stance === s ? 'choice choice--checked' : 'choice'}>
                  <input type="radio" name={`${fieldId}-stance`} value={s} checked={stance === s} onChange={() => setStance(s)} />
                  <span>{t(`consensus.stance.${s}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={fieldId} className="field__label">
              {t(STANCE_TEXT_KEY[stance].label)}
              <span className="visually-hidden"> {t('consensus.positions.onMeasure', { name })}</span>
            </label>
            <p id={`${fieldId}-hint`} className="field__hint">
              {t(STANCE_TEXT_KEY[stance].hint)}
            </p>
            <textarea
              ref={field}
              id={fieldId}
              className="input input--area"
              rows={2}
              value={text}
              aria-describedby={`${fieldId}-hint`}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="position__form-actions">
            <ActionButton variant="primary" event={positionEvent(id, stance, text)} onSent={close}>
              {t(STANCE_TEXT_KEY[stance].record)}
              <span className="visually-hidden"> {t('consensus.positions.onMeasure', { name })}</span>
            </ActionButton>
            <button type="button" className="button button--quiet" onClick={close}>
              {t('consensus.positions.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
