import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  CATEGORY_IDS,
  MEASURES,
  PRINCIPLES,
  PRINCIPLE_IDS,
  PRINCIPLE_STATUSES,
  REQUIREMENTS,
  measuresIn,
  type CategoryId,
  type MeasureId,
  type PrincipleId,
  type PrincipleStatus,
} from '../../../../../shared/framework/catalogue';
import { measureCaveat, type Assessment } from '../../../../../shared/framework/proportionality';
import type { WorkflowContext } from '../../../../../shared/workflow/context';
import { assessRun, caseFactsOf } from '../../../../../shared/workflow/rules';
import type { RunView } from '../../../../../shared/workflow/runs';
import { LevelFacts } from '../../../ui/LevelFacts';
import { ActionButton } from '../ActionButton';
import { LiveTextField, StepHeading, TextField } from '../fields';
import { Positions } from '../Positions';
import { RunRecap } from '../RunRecap';
import { check, useSnapshot } from '../snapshot';
import { draftKey, useRuns, useWritable } from '../store';
import { useLiveText } from '../useLiveText';
import { useSettledChoice } from '../useSettledChoice';
import './measures-step.css';

/**
 * The measures, by category, against the assessment's suggestion; the six principles of
 * 10474/17 §5; and the decision.
 */
export function MeasuresStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const assessment = assessRun(context);
  const editable = useWritable() && run.step === 'measures';
  const suggested = assessment?.categories.filter((c) => c.proportionate).map((c) => CATEGORIES[c.id].label) ?? [];
  return (
    <div className="step">
      <StepHeading step="measures">
        {assessment && (
          <>
            <p className="level-summary">
              <span className="level-summary__level">{t('runs.measures.level', { level: assessment.level })}</span>{' '}
              {t('runs.measures.suggests', { categories: suggested.join(', ') })}
            </p>
            <LevelFacts facts={assessment.facts} title={t('runs.profile.facts')} brief />
          </>
        )}
      </StepHeading>
      <section aria-labelledby="measures-heading">
        <h3 id="measures-heading" className="section-title">
          {t('runs.measures.heading')}
        </h3>
        <p className="section-intro">{t('runs.measures.intro')}</p>
        {CATEGORY_IDS.map((id) => (
          <CategorySection key={id} id={id} run={run} assessment={assessment} editable={editable} />
        ))}
      </section>
      <Principles context={context} editable={editable} />
      <Positions run={run} />
      {editable && <Decision run={run} />}
    </div>
  );
}

function CategorySection({ id, run, assessment, editable }: { id: CategoryId; run: RunView; assessment: Assessment | null; editable: boolean }) {
  const { t } = useTranslation();
  const setFocus = useRuns((s) => s.setEvidenceFocus);
  const category = assessment?.categories.find((c) => c.id === id);
  const headingId = useId();
  return (
    <section
      className={category?.proportionate ? 'category category--suggested' : 'category'}
      aria-labelledby={headingId}
      onFocus={() => setFocus({ kind: 'category', id })}
    >
      <header className="category__head">
        <h4 id={headingId} className="category__title">
          {CATEGORIES[id].label}
        </h4>
        {/* Suggested and available are two questions: a suggested category none of whose
            measures can be chosen says so, and its reasons below say what is missing. */}
        {category && (
          <span className={category.proportionate ? (category.available ? 'tag tag--suggested' : 'tag tag--warning') : 'tag'}>
            {!category.proportionate
              ? t('runs.measures.outside')
              : category.available
                ? t('runs.measures.suggested')
                : t('runs.measures.suggestedUnavailable')}
          </span>
        )}
      </header>
      <p className="category__description">{CATEGORIES[id].description}</p>
      {category && (
        <ul className="category__reasons">
          {category.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <ul className="measures">
        {measuresIn(id).map((m) => (
          <MeasureCard key={m.id} id={m.id} run={run} assessment={assessment} editable={editable} />
        ))}
      </ul>
    </section>
  );
}

function MeasureCard({ id, run, assessment, editable }: { id: MeasureId; run: RunView; assessment: Assessment | null; editable: boolean }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const send = useRuns((s) => s.send);
  const key = draftKey(run.id, `measure.${id}`);
  const draft = useRuns((s) => s.drafts[key]);
  const setDraft = useRuns((s) => s.setDraft);
  const clearDraft = useRuns((s) => s.clearDraft);
  const measure = MEASURES[id];
  const selected = run.snapshot.context.measures.find((m) => m.measureId === id) ?? null;
  const assessed = assessment?.measures.find((m) => m.id === id);
  // What stands in the way whatever the rationale says: the machine's reasons with one given.
  const blocked = editable && !selected ? check(snapshot, { type: 'MEASURE.SELECT', measureId: id, rationale: '-' }) : { ok: true, reasons: [] };
  const reasonsId = useId();
  // Shown on the card, not folded away with the assessment: it is about what the text may say.
  const caveat = measureCaveat(id, caseFactsOf(run.snapshot.context));
  const live = useLiveText(
    selected?.rationale ?? '',
    (rationale) => {
      if (selected && rationale.trim() !== '') void send({ type: 'MEASURE.SELECT', measureId: id, rationale });
    },
    { enabled: selected !== null },
  );
  const rationale = draft ?? '';
  const classes = ['measure', selected ? 'measure--selected' : '', !blocked.ok ? 'measure--blocked' : ''].filter(Boolean).join(' ');

  return (
    <li className={classes} data-measure={id}>
      <div className="measure__head">
        <p className="measure__name" id={`${reasonsId}-name`}>
          {measure.label}
        </p>
        {selected && <span className="tag tag--selected">{t('runs.measures.selected')}</span>}
        {selected?.outsideSuggestion && <span className="tag tag--warning">{t('runs.measures.outsideChosen')}</span>}
      </div>
      <p className="measure__requires">{REQUIREMENTS[measure.requires].label}</p>
      {!blocked.ok && (
        <div className="measure__blocked" id={reasonsId}>
          <p className="measure__blocked-title">{t('runs.measures.notAvailable')}</p>
          <ul>
            {blocked.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {caveat !== null && blocked.ok && (
        <p className="measure__caveat" role="note">
          {caveat}
        </p>
      )}
      {/* A blocked measure's assessment says what the box above says already: once is enough. */}
      {assessed && blocked.ok && (
        <details className="measure__why">
          <summary>{t('runs.measures.why')}</summary>
          <ul>
            {assessed.reasons.filter((r) => r !== caveat).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      {editable &&
        blocked.ok &&
        (selected ? (
          <div className="measure__form">
            <LiveTextField label={<RationaleLabel name={measure.label} />} live={live} multiline rows={2} />
            <ActionButton variant="quiet" event={{ type: 'MEASURE.DESELECT', measureId: id }}>
              {t('runs.measures.deselect')}
              <span className="visually-hidden"> {measure.label}</span>
            </ActionButton>
          </div>
        ) : (
          <div className="measure__form">
            <TextField label={<RationaleLabel name={measure.label} />} value={rationale} onChange={(v) => setDraft(key, v)} />
            <ActionButton event={{ type: 'MEASURE.SELECT', measureId: id, rationale }} onSent={() => clearDraft(key)}>
              {t('runs.measures.select')}
              <span className="visually-hidden"> {measure.label}</span>
            </ActionButton>
          </div>
        ))}
      {!editable && selected && <p className="measure__rationale">{selected.rationale}</p>}
    </li>
  );
}

/** "Rationale" on screen; for a screen reader, which measure it is for. */
function RationaleLabel({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('runs.measures.rationaleShort')}
      <span className="visually-hidden"> {t('runs.measures.rationaleFor', { name })}</span>
    </>
  );
}

function Principles({ context, editable }: { context: WorkflowContext; editable: boolean }) {
  const { t } = useTranslation();
  const assessed = PRINCIPLE_IDS.filter((id) => context.principles[id] !== undefined).length;
  return (
    <section aria-labelledby="principles-heading" className="principles">
      <h3 id="principles-heading" className="section-title">
        {t('runs.principles.heading')}
      </h3>
      <p className="section-intro">
        {t('runs.principles.intro')} {t('runs.principles.progress', { assessed, total: PRINCIPLE_IDS.length })}
      </p>
      {PRINCIPLE_IDS.map((id) => (
        <PrincipleField key={id} id={id} context={context} editable={editable} />
      ))}
    </section>
  );
}

function PrincipleField({ id, context, editable }: { id: PrincipleId; context: WorkflowContext; editable: boolean }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  const setFocus = useRuns((s) => s.setEvidenceFocus);
  const principle = PRINCIPLES[id];
  const current = context.principles[id];
  const stored = current?.status ?? null;
  // "Not met" is recorded only with its note, which says why: until then it waits here.
  const [awaitingNote, setAwaitingNote] = useState(false);
  const [askedFor, setAskedFor] = useState(0);
  const noteBox = useRef<HTMLDivElement>(null);
  const askForNote = (): void => {
    setAwaitingNote(true);
    setAskedFor((n) => n + 1);
  };
  // The focus goes to the note it asks for, once that is on screen.
  useEffect(() => {
    if (askedFor > 0) noteBox.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [askedFor]);
  const note = useLiveText(
    current?.note ?? '',
    (text) => {
      const status = awaitingNote ? 'not-met' : stored;
      if (status === null) return;
      if (status === 'not-met' && text.trim() === '') return setAwaitingNote(true);
      setAwaitingNote(false);
      void send({ type: 'PRINCIPLE.ASSESS', principleId: id, status, note: text });
    },
    { enabled: stored !== null || awaitingNote },
  );
  const choice = useSettledChoice<PrincipleStatus>(awaitingNote ? 'not-met' : stored, async (s) => {
    if (s === 'not-met' && note.value.trim() === '') return askForNote();
    setAwaitingNote(false);
    if (s !== stored) await send({ type: 'PRINCIPLE.ASSESS', principleId: id, status: s, note: note.value });
  });
  const status = choice.value;
  return (
    <div className={status ? `principle principle--${status}` : 'principle'} onFocus={() => setFocus({ kind: 'principle', id })} data-principle={id}>
      <fieldset className="principle__choices" disabled={!editable} {...choice.groupProps}>
        <legend className="principle__legend">
          <span className="principle__n">{principle.indent}</span>
          <span>
            <span className="principle__label">{principle.label}</span>
            <span className="principle__text">{t('runs.principles.text', { text: principle.text })}</span>
          </span>
        </legend>
        <div className="choices__options">
          {PRINCIPLE_STATUSES.map((s: PrincipleStatus) => (
            <label key={s} className={status === s ? `choice choice--checked choice--${s}` : 'choice'}>
              <input
                type="radio"
                name={`principle-${id}`}
                value={s}
                checked={status === s}
                onChange={(e) => choice.choose(s, e)}
              />
              <span>{t(`runs.principles.status.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div ref={noteBox}>
        <LiveTextField
          label={t('runs.principles.note', { label: principle.label })}
          hint={status === 'not-met' ? t('runs.principles.notMetHint') : undefined}
          live={note}
          disabled={!editable}
        />
      </div>
      {awaitingNote && (
        <p className="field-error principle__needs-note" role="alert">
          {t('runs.principles.needsNote', { label: principle.label })}
        </p>
      )}
    </div>
  );
}

/** The principles a delegation marked not met: a decision taken with any of them says so. */
export function principlesNotMet(context: WorkflowContext): readonly PrincipleId[] {
  return PRINCIPLE_IDS.filter((id) => context.principles[id]?.status === 'not-met');
}

function Decision({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const notMet = principlesNotMet(run.snapshot.context);
  const key = draftKey(run.id, 'decision');
  const summary = useRuns((s) => s.drafts[key]) ?? '';
  const setDraft = useRuns((s) => s.setDraft);
  const clearDraft = useRuns((s) => s.clearDraft);
  return (
    <section className="card decision-form" aria-labelledby="decision-heading">
      <h3 id="decision-heading" className="card__title">
        {t('runs.decision.heading')}
      </h3>
      <RunRecap run={run} />
      {notMet.length > 0 && (
        <p className="callout callout--warning decision__not-met" role="note">
          {t('runs.decision.notMet', { count: notMet.length, principles: notMet.map((p) => PRINCIPLES[p].label).join(', ') })}
        </p>
      )}
      <TextField
        label={t('runs.decision.summary')}
        hint={t('runs.decision.summaryHint')}
        value={summary}
        onChange={(v) => setDraft(key, v)}
        multiline
        rows={4}
      />
      <ActionButton
        variant="primary"
        event={{ type: 'DECISION.SUBMIT', summary }}
        reasonsShown
        reasonsTitle={t('runs.decision.blockers')}
        onSent={() => clearDraft(key)}
      >
        {t('runs.decision.submit')}
      </ActionButton>
    </section>
  );
}
