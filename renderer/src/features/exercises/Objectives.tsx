import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITIES, HSEEP_RATINGS, type CapabilityId } from '../../../../shared/evaluation/objectives';
import { RATING_LIMITS, type RatedObjective, type TimelineEntry } from '../../../../shared/evaluation/ratings';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { STEPS, STEP_IDS, type StepId } from '../../../../shared/framework/catalogue';
import { formatClock, formatWhen } from '../../ui/format';
import { useObjectives } from './objectivesStore';
import { sameRatingDraft, savedDraftOf, type RatingDraft } from './objectiveDraft';
import './objectives.css';

/**
 * The facilitator's evaluation of the exercise during and after play: each of the scenario's
 * objectives rated on HSEEP's scale (P, S, M, U), with the observations that support it and
 * the timeline entries they rest on. Each objective is saved on its own, by its button, and
 * says whether what is shown is saved.
 */
export function Objectives({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const loaded = useObjectives((s) => (s.exerciseId === view.id ? s.objectives : null));
  useEffect(() => {
    void useObjectives.getState().load(view.id);
  }, [view.id]);
  const objectives = loaded?.status === 'ready' ? loaded.value.objectives : [];
  const rated = objectives.filter((o) => o.rating !== null).length;
  return (
    <section id="ex-objectives" className="ex-section ex-objectives" aria-labelledby="ex-objectives-title">
      <div className="ex-objectives__head">
        <h2 id="ex-objectives-title" className="ex-section__title" tabIndex={-1}>
          {t('exercises.objectives.title')}
        </h2>
        {objectives.length > 0 && <p className="ex-objectives__summary">{t('exercises.objectives.summary', { rated, count: objectives.length })}</p>}
      </div>
      {!loaded || loaded.status === 'loading' ? (
        <p className="muted">{t('exercises.objectives.loading')}</p>
      ) : loaded.status === 'error' ? (
        <p role="alert" className="notice notice--error">
          {t('exercises.objectives.failed')} {loaded.message}
        </p>
      ) : objectives.length === 0 ? (
        <p className="muted">{t('exercises.objectives.none')}</p>
      ) : (
        <>
          <p className="ex-objectives__intro">{t('exercises.objectives.intro')}</p>
          <ol className="ex-objectives__list">
            {objectives.map((o) => (
              <li key={o.objective.id}>
                <ObjectiveForm rated={o} entries={loaded.value.entries} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const TIME_OF_DAY = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const timeOfDay = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : TIME_OF_DAY.format(t);
};

/** The tie in the screen's words: a step's or a capability's label. */
function useTieText(): (tie: StepId | CapabilityId) => string {
  return (tie) => ((STEP_IDS as readonly string[]).includes(tie) ? STEPS[tie as StepId].label : CAPABILITIES[tie as CapabilityId].label);
}

function ObjectiveForm({ rated, entries }: { rated: RatedObjective; entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const tieText = useTieText();
  const { objective, rating } = rated;
  const saved = savedDraftOf(rating);
  // null: the form shows what is saved (and follows it when it changes elsewhere); else what is typed.
  const [draft, setDraft] = useState<RatingDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<readonly string[] | null>(null);
  // Closed, each objective is one line and one stop of the keyboard in a long console; opened, its form.
  const [open, setOpen] = useState(false);
  const refusalBox = useRef<HTMLDivElement>(null);
  const base = useId();
  const bodyId = `${base}-body`;
  const shown = draft ?? saved;
  const dirty = draft !== null && !sameRatingDraft(draft, saved);
  const titleId = `${base}-title`;

  useEffect(() => {
    if (refusal !== null) refusalBox.current?.focus();
  }, [refusal]);

  const edit = (change: Partial<RatingDraft>): void => setDraft({ ...shown, ...change });
  const toggle = (ref: string, on: boolean): void =>
    edit({ entries: on ? [...shown.entries.filter((r) => r !== ref), ref] : shown.entries.filter((r) => r !== ref) });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (shown.rating === null) {
      setRefusal([t('exercises.objectives.chooseRating')]);
      return;
    }
    setBusy(true);
    const refused = await useObjectives.getState().rate(objective.id, shown.rating, shown.observations, shown.entries);
    setBusy(false);
    setRefusal(refused);
    if (!refused) setDraft(null);
  };
  const clear = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const refused = await useObjectives.getState().clear(objective.id);
    setBusy(false);
    setRefusal(refused);
    if (!refused) setDraft(null);
  };

  // Linked entries no longer on the list (a run changed elsewhere) stay linked and shown, so saving keeps them.
  const listed = new Set(entries.map((e) => e.ref));
  const unlisted = shown.entries.filter((r) => !listed.has(r));
  const state = busy
    ? t('exercises.objectives.saving')
    : dirty
      ? t('exercises.objectives.unsaved')
      : rating === null
        ? t('exercises.objectives.notRated')
        : t('exercises.objectives.saved', { letter: rating.rating, label: t(`exercises.objectives.hseep.${rating.rating}`), time: formatWhen(rating.ratedAt) });

  const stateLine = (
    <p className={`ex-objective__state ${dirty ? 'ex-objective__state--dirty' : rating !== null ? 'ex-objective__state--saved' : ''}`} role="status">
      {state}
    </p>
  );
  return (
    <article className={`ex-objective ${rating !== null ? `ex-objective--rated-${rating.rating}` : ''}`} aria-labelledby={titleId} data-objective={objective.id}>
      <div className="ex-objective__head">
        {rating !== null && (
          <span className={`ex-objective__badge ex-objective__badge--${rating.rating}`} aria-hidden="true">
            {rating.rating}
          </span>
        )}
        <div className="ex-objective__heading">
          <h3 id={titleId} className="ex-objective__title">
            {objective.title}
          </h3>
          <p className="ex-objective__tie">{t('exercises.objectives.tiedTo', { tie: tieText(objective.tiedTo) })}</p>
          {objective.description !== undefined && objective.description.trim() !== '' && <p className="ex-objective__description ex-pre">{objective.description}</p>}
          {!open && stateLine}
        </div>
        <button type="button" className="button ex-objective__toggle" aria-expanded={open} aria-controls={bodyId} aria-describedby={titleId} onClick={() => setOpen(!open)}>
          {open ? t('exercises.objectives.close') : rating === null ? t('exercises.objectives.open') : t('exercises.objectives.change')}
        </button>
      </div>
      {open && (
        <form id={bodyId} className="ex-objective__form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
          <fieldset className="ex-objective__scale">
            <legend>{t('exercises.objectives.rating')}</legend>
            {HSEEP_RATINGS.map((letter) => (
              <label key={letter} className={`ex-objective__choice ${shown.rating === letter ? 'ex-objective__choice--on' : ''}`}>
                <input type="radio" name={`${base}-rating`} value={letter} checked={shown.rating === letter} onChange={() => edit({ rating: letter })} />
                <span className="ex-objective__letter">{letter}</span>
                <span>{t(`exercises.objectives.hseep.${letter}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="ex-field">
            <label htmlFor={`${base}-observations`}>{t('exercises.objectives.observations')}</label>
            <textarea
              id={`${base}-observations`}
              className="ex-input ex-textarea"
              rows={3}
              maxLength={RATING_LIMITS.observations}
              value={shown.observations}
              onChange={(e) => edit({ observations: e.target.value })}
            />
          </div>
          <fieldset className="ex-objective__entries" aria-describedby={`${base}-entries-hint`}>
            <legend>
              {t('exercises.objectives.entries')} <span className="ex-objective__count">({t('exercises.objectives.linked', { count: shown.entries.length })})</span>
            </legend>
            <p id={`${base}-entries-hint`} className="ex-hint">
              {t('exercises.objectives.entriesHint')}
            </p>
            {entries.length === 0 && unlisted.length === 0 ? (
              <p className="muted">{t('exercises.objectives.noEntries')}</p>
            ) : (
              <ul className="ex-objective__checklist">
                {entries.map((entry) => (
                  <li key={entry.ref}>
                    <label className="ex-check ex-objective__entry">
                      <input type="checkbox" checked={shown.entries.includes(entry.ref)} onChange={(e) => toggle(entry.ref, e.target.checked)} />
                      {/* Exercise time where the clock's record gives it; else the time of day, said as such. */}
                      <span className={`ex-objective__when ex-mono ${entry.elapsedMs === null ? 'ex-objective__when--wall' : ''}`}>
                        {entry.elapsedMs !== null ? formatClock(entry.elapsedMs) : t('exercises.objectives.entryWall', { time: timeOfDay(entry.at) })}
                      </span>
                      <span className="ex-objective__who">{entry.delegation ?? t('exercises.objectives.facilitator')}</span>
                      <span className="ex-objective__what">{entry.label}</span>
                    </label>
                  </li>
                ))}
                {unlisted.map((ref) => (
                  <li key={ref}>
                    <label className="ex-check ex-objective__entry">
                      <input type="checkbox" checked onChange={() => toggle(ref, false)} />
                      <span className="ex-objective__what ex-mono">{ref}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          {refusal && (
            <div ref={refusalBox} tabIndex={-1} className="notice notice--error ex-objective__refusal" role="alert">
              <p className="notice__title">{t('exercises.objectives.refused')}</p>
              <ul className="outcome__lines">
                {refusal.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="ex-form-actions ex-objective__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined} aria-describedby={titleId}>
              {t('exercises.objectives.save')}
            </button>
            {rating !== null && (
              <button type="button" className="button button--quiet" aria-describedby={titleId} onClick={() => void clear()}>
                {t('exercises.objectives.clear')}
              </button>
            )}
            {stateLine}
          </div>
        </form>
      )}
    </article>
  );
}
