import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIMENSIONS,
  DIMENSION_IDS,
  RATING_VALUES,
  TARGETS,
  TARGET_KINDS,
  isRatingValue,
  termsOf,
  type DimensionId,
  type RatingValue,
} from '../../../../../shared/framework/catalogue';
import type { WorkflowContext } from '../../../../../shared/workflow/context';
import type { RunView } from '../../../../../shared/workflow/runs';
import { ActionButton } from '../ActionButton';
import { LiveTextField, StepHeading } from '../fields';
import { sanctionsEvent, type SanctionsChange } from '../model';
import { useRuns, useWritable } from '../store';
import { useLiveText } from '../useLiveText';
import { useOptimisticSend } from '../useOptimisticSend';
import { useSettledChoice } from '../useSettledChoice';
import './proportionality-step.css';

/**
 * The seven characteristics of 10474/17 §2, each rated 0-4 against the rubric with a
 * rationale, and the facts the cyber sanctions regime asks for. Every choice is sent at
 * once; the profile beside the form follows.
 */
export function ProportionalityStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const editable = useWritable() && run.step === 'proportionality';
  const rated = DIMENSION_IDS.filter((id) => context.ratings[id] !== undefined).length;
  return (
    <div className="step">
      <StepHeading step="proportionality">
        <p className="step-head__progress">{t('runs.proportionality.rated', { rated, total: DIMENSION_IDS.length })}</p>
      </StepHeading>
      <div className="dimensions">
        {DIMENSION_IDS.map((id) => (
          <DimensionField key={id} id={id} context={context} editable={editable} />
        ))}
      </div>
      <SanctionsFacts context={context} editable={editable} />
      {editable && (
        <div className="step-foot">
          <ActionButton variant="primary" event={{ type: 'PROPORTIONALITY.CONFIRM' }} reasonsTitle={t('runs.proportionality.beforeConfirm')}>
            {t('runs.proportionality.confirm')}
          </ActionButton>
        </div>
      )}
    </div>
  );
}

function DimensionField({ id, context, editable }: { id: DimensionId; context: WorkflowContext; editable: boolean }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  const setFocus = useRuns((s) => s.setEvidenceFocus);
  const dimension = DIMENSIONS[id];
  const rating = context.ratings[id];
  const stored = rating?.value ?? null;
  // The arrow keys pass through the levels: only the one the user settles on is recorded.
  const choice = useSettledChoice(stored, (level: RatingValue) => send({ type: 'RATING.SET', dimension: id, value: level, rationale: rationale.value }));
  const value = choice.value;
  const rationale = useLiveText(
    rating?.rationale ?? '',
    (text) => {
      if (value !== null) void send({ type: 'RATING.SET', dimension: id, value, rationale: text });
    },
    { enabled: value !== null },
  );

  return (
    <div
      className={value === null ? 'dimension' : 'dimension dimension--rated'}
      data-dimension={id}
      onFocus={() => setFocus({ kind: 'dimension', id })}
    >
      <fieldset className="dimension__levels" disabled={!editable} {...choice.groupProps}>
        <legend className="dimension__legend">
          <span className="dimension__name">{dimension.label}</span>
          <span className="dimension__terms">
            {termsOf(dimension).map(({ lang, term }, i) => (
              <span key={lang}>
                {i > 0 && ' · '}
                <span lang={lang}>{term}</span>
              </span>
            ))}
          </span>
          {value === null && <span className="dimension__unrated">{t('runs.proportionality.notRated')}</span>}
          {choice.unsettled && <span className="dimension__unsettled">{t('runs.proportionality.unsettled')}</span>}
        </legend>
        <div className="levels">
          {RATING_VALUES.map((level) => (
            <label key={level} className={value === level ? 'level level--checked' : 'level'}>
              <input
                type="radio"
                name={`rating-${id}`}
                value={level}
                checked={value === level}
                onChange={(e) => choice.choose(level, e)}
              />
              <span className="level__n" aria-hidden="true">
                {level}
              </span>
              <span className="level__text">
                <span className="visually-hidden">{t('runs.proportionality.levelPrefix', { level })}</span>
                {dimension.rubric[level]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <LiveTextField
        label={t('runs.proportionality.rationale', { name: dimension.label })}
        hint={value === null ? t('runs.proportionality.rationaleFirst') : undefined}
        live={rationale}
        multiline
        rows={2}
        disabled={!editable}
      />
    </div>
  );
}

function PotentialField({ id, context, potential: stored, editable }: { id: DimensionId; context: WorkflowContext; potential: RatingValue; editable: boolean }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  // A closed select steps through its options with the arrow keys: record the one left on.
  const choice = useSettledChoice(stored, (v: RatingValue) => send(sanctionsEvent(context, { kind: 'potential', dimension: id, value: v })));
  const potential = choice.value ?? stored;
  const keyedAt = useRef(0);
  const selectId = useId();
  const dimension = DIMENSIONS[id];
  return (
    <div className="field field--potential">
      <label htmlFor={selectId} className="field__label">
        <span className="visually-hidden">{t('runs.proportionality.potential', { name: dimension.label })}</span>
        <span aria-hidden="true">{dimension.label}</span>
      </label>
      <select
        id={selectId}
        className="input"
        value={potential}
        disabled={!editable}
        {...choice.groupProps}
        onKeyDown={(e) => {
          keyedAt.current = Date.now();
          choice.groupProps.onKeyDown(e);
        }}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (!isRatingValue(v)) return;
          // A closed select steps through its options on the arrow keys; a pick from its list is a choice.
          if (Date.now() - keyedAt.current < 500) choice.choose(v);
          else choice.settleNow(v);
        }}
      >
        {RATING_VALUES.map((level) => (
          <option key={level} value={level}>
            {level} – {dimension.rubric[level]}
          </option>
        ))}
      </select>
    </div>
  );
}

function SanctionsFacts({ context, editable }: { context: WorkflowContext; editable: boolean }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  const change = (c: SanctionsChange): Promise<unknown> => send(sanctionsEvent(context, c));
  return (
    <section className="card sanctions" aria-labelledby="sanctions-heading">
      <h3 id="sanctions-heading" className="card__title">
        {t('runs.sanctions.heading')}
      </h3>
      <p className="card__text">{t('runs.sanctions.intro')}</p>
      <fieldset className="checks" disabled={!editable}>
        <legend className="field__label">{t('runs.sanctions.factsLegend')}</legend>
        <Check checked={context.attempt !== null} onChange={(on) => change({ kind: 'attempt', on })} label={t('runs.sanctions.attempt')} hint={t('runs.sanctions.attemptHint')} />
        {/* Right at their checkbox, and next in the tab order: what the attempt would have done. */}
        {context.attempt && (
          <fieldset className="potentials" disabled={!editable}>
            <legend className="field__label">{t('runs.sanctions.potentialLegend')}</legend>
            <div className="potentials__grid">
              {DIMENSION_IDS.map((id) => (
                <PotentialField key={id} id={id} context={context} potential={context.attempt!.potential[id]} editable={editable} />
              ))}
            </div>
          </fieldset>
        )}
        <Check checked={context.external} onChange={(on) => change({ kind: 'external', on })} label={t('runs.sanctions.external')} hint={t('runs.sanctions.externalHint')} />
        <Check
          checked={context.actorsIdentified}
          onChange={(on) => change({ kind: 'actorsIdentified', on })}
          label={t('runs.sanctions.actors')}
          hint={t('runs.sanctions.actorsHint')}
        />
      </fieldset>
      <fieldset className="checks checks--targets" disabled={!editable}>
        <legend className="field__label">{t('runs.sanctions.targets')}</legend>
        {TARGET_KINDS.map((kind) => (
          <Check
            key={kind}
            checked={context.targets.includes(kind)}
            onChange={(on) => change({ kind: 'target', target: kind, on })}
            label={TARGETS[kind].label}
          />
        ))}
      </fieldset>
    </section>
  );
}

function Check({ checked: stored, onChange, label, hint }: { checked: boolean; onChange: (on: boolean) => Promise<unknown>; label: string; hint?: string }) {
  const hintId = useId();
  const [checked, choose] = useOptimisticSend(stored);
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => {
          const on = e.target.checked;
          choose(on, () => onChange(on));
        }} aria-describedby={hint ? hintId : undefined} />
      <span className="check__text">
        <span className="check__label">{label}</span>
        {hint && (
          <span id={hintId} className="check__hint">
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}
