import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RenameForm } from '../../ui/RenameForm';
import { useExercises } from './store';
import type { DelegationView, ExerciseView } from '../../../../shared/exercise/exercises';
import { DIMENSION_IDS, DIMENSIONS, MEASURES, PRINCIPLES, STEP_IDS, STEPS } from '../../../../shared/framework/catalogue';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LEVEL_FACT_IDS, LEVEL_FACT_LABELS } from '../../../../shared/framework/proportionality';
import { LevelFacts } from '../../ui/LevelFacts';
import { formatWhen } from '../../ui/format';
import { Fingerprint } from '../../ui/LaptopKey';
import { PaperHotWash } from './PaperHotWash';
import './delegations.css';
import { closeOnEscape } from '../../ui/escape';

const stepNumber = (d: DelegationView): number => STEP_IDS.indexOf(d.run.step) + 1;
const ratedCount = (d: DelegationView): number => DIMENSION_IDS.filter((id) => d.ratings[id] !== undefined).length;

/**
 * The delegations in one table, a column each: where they are and what they decided, with
 * the rows where they differ marked, so the facilitator sees the debrief's talking points.
 */
export function GlanceTable({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const ds = view.delegations;
  if (ds.length < 2) return null;
  const rows: { key: string; label: string; cells: string[] }[] = [
    { key: 'step', label: t('exercises.glance.step'), cells: ds.map((d) => `${stepNumber(d)}. ${STEPS[d.run.step].label}`) },
    {
      key: 'level',
      label: t('exercises.glance.level'),
      cells: ds.map((d) => (d.level === null ? t('exercises.glance.rated', { count: ratedCount(d) }) : String(d.level))),
    },
    // Beside the level, the facts it rests on: delegations that differ in level often differ here.
    ...LEVEL_FACT_IDS.map((id) => ({
      key: `fact-${id}`,
      label: LEVEL_FACT_LABELS[id],
      cells: ds.map((d) => d.levelFacts.find((f) => f.id === id)?.brief ?? '–'),
    })),
    { key: 'injects', label: t('exercises.glance.injects'), cells: ds.map((d) => `${d.injectsReceived.length} / ${view.injects.length}`) },
    {
      key: 'principles',
      label: t('exercises.glance.principles'),
      cells: ds.map((d) => {
        const notMet = d.principlesNotMet;
        return d.run.step !== 'decided' ? '–' : notMet.length > 0 ? t('exercises.glance.notMet', { count: notMet.length }) : t('exercises.glance.allMet');
      }),
    },
    { key: 'measures', label: t('exercises.glance.measures'), cells: ds.map((d) => String(d.measures.length)) },
  ];
  return (
    <div className="ex-glance-wrap">
      <table className="ex-glance">
        <caption>{t('exercises.glance.caption')}</caption>
        <thead>
          <tr>
            <td />
            {ds.map((d) => (
              <th key={d.id} scope="col">
                {d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const differs = new Set(row.cells).size > 1;
            return (
              <tr key={row.key} className={differs ? 'ex-glance__differs' : undefined} data-row={row.key}>
                <th scope="row">
                  {row.label}
                  {differs && <span className="ex-differs">{t('exercises.glance.differs')}</span>}
                </th>
                {row.cells.map((c, i) => (
                  <td key={ds[i]!.id}>{c}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One delegation in full: step, ratings, level, measures, injects and the questions for its step. */
export function DelegationCard({
  view, delegation: d, onOpenRun,
}: { view: ExerciseView; delegation: DelegationView; onOpenRun: (runId: string) => void }) {
  const { t } = useTranslation();
  const headingId = `delegation-${d.id}`;
  const questions = view.scenario.questions[d.run.step] ?? [];
  const titleOf = (id: string): string => view.scenario.injects.find((i) => i.id === id)?.title ?? id;
  const notMet = d.principlesNotMet;
  const withdrawn = new Set(view.releases.filter((r) => r.delegationId === d.id && r.withdrawnAt !== null).map((r) => r.injectId));
  return (
    <article className="ex-card" aria-labelledby={headingId} data-delegation={d.name}>
      <header className="ex-card__head">
        <h3 id={headingId} className="ex-card__name" tabIndex={-1}>
          {d.name}
        </h3>
        <RenameDelegation delegation={d} />
        {d.removable && <RemoveDelegation view={view} delegation={d} />}
        <button type="button" className="button" aria-label={t('exercises.card.openRunNamed', { name: d.name })} onClick={() => onOpenRun(d.runId)}>
          {t('exercises.card.openRun')}
        </button>
      </header>
      <p className="ex-card__step" data-step={d.run.step}>
        <span className="ex-card__label">{t('exercises.card.step', { n: stepNumber(d), total: STEP_IDS.length })}</span>{' '}
        <strong>{STEPS[d.run.step].label}</strong>
      </p>
      {d.run.step === 'decided' && notMet.length > 0 && (
        <p className="ex-card__not-met" data-not-met={notMet.join(' ')}>
          {t('exercises.card.notMet', { count: notMet.length, principles: notMet.map((p) => PRINCIPLES[p].label).join(', ') })}
        </p>
      )}
      <KitLine delegation={d} />
      <div className="ex-card__block">
        <h4 className="ex-card__label">
          {t('exercises.card.ratings')}{' '}
          <span className="ex-card__level">
            {d.level === null ? t('exercises.card.noLevel', { count: ratedCount(d) }) : t('exercises.card.level', { level: d.level })}
          </span>
        </h4>
        <dl className="ex-bars">
          {DIMENSION_IDS.map((id) => {
            const v = d.ratings[id];
            return (
              <div key={id} className="ex-bar" data-dimension={id}>
                <dt>{DIMENSIONS[id].label}</dt>
                <dd>
                  <span className="ex-bar__track" aria-hidden="true">
                    {[1, 2, 3, 4].map((n) => (
                      <span key={n} className={v !== undefined && n <= v ? 'ex-bar__seg ex-bar__seg--on' : 'ex-bar__seg'} />
                    ))}
                  </span>
                  <span className="ex-bar__value">{v ?? <span aria-label={t('exercises.card.notRated')}>–</span>}</span>
                </dd>
              </div>
            );
          })}
        </dl>
        <LevelFacts facts={d.levelFacts} title={t('exercises.card.levelFacts')} brief />
      </div>
      <div className="ex-card__block">
        <h4 className="ex-card__label">{t('exercises.card.measures', { count: d.measures.length })}</h4>
        {d.measures.length === 0 ? (
          <p className="ex-card__none">{t('exercises.card.noMeasures')}</p>
        ) : (
          <ul className="ex-card__list">
            {d.measures.map((m) => (
              <li key={m.measureId}>
                {MEASURES[m.measureId].label}
                {m.outsideSuggestion && <span className="ex-flag">{t('exercises.card.outside')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ex-card__block">
        <h4 className="ex-card__label">{t('exercises.card.injects', { count: d.injectsReceived.length, total: view.injects.length })}</h4>
        {d.injectsReceived.length === 0 ? (
          <p className="ex-card__none">{t('exercises.card.noInjects')}</p>
        ) : (
          <ul className="ex-card__list ex-card__injects">
            {d.injectsReceived.map((id) => (
              <li key={id} className={withdrawn.has(id) ? 'ex-card__withdrawn' : undefined}>
                {titleOf(id)}
                {withdrawn.has(id) && <span className="ex-flag">{t('exercises.card.withdrawn')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ex-card__block ex-card__questions">
        <h4 className="ex-card__label">{t('exercises.card.questions', { step: STEPS[d.run.step].label })}</h4>
        {questions.length === 0 ? (
          <p className="ex-card__none">{t('exercises.card.noQuestions')}</p>
        ) : (
          <ul className="ex-card__list">
            {questions.map((q, i) => (
              <li key={i} className="ex-pre">
                {q}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ex-card__block ex-card__hot-wash">
        <p className="ex-card__hot-wash-state" data-hot-wash={d.hotWash?.source ?? 'none'}>
          {d.hotWash === null
            ? t('consensus.hotWash.card.none')
            : t(d.hotWash.source === 'paper' ? 'consensus.hotWash.card.paper' : 'consensus.hotWash.card.given', { when: formatWhen(d.hotWash.at) })}
        </p>
        <PaperHotWash delegation={d} />
      </div>
    </article>
  );
}

/**
 * Where the delegation plays: once its kit is out, on its own laptop, whose key its first
 * return makes known; the run here moves on with each return.
 */
function KitLine({ delegation: d }: { delegation: DelegationView }) {
  const { t } = useTranslation();
  const { kit } = d;
  if (!kit) return null;
  return (
    <div className="ex-card__kit" data-kit={kit.laptopFingerprint === null ? 'out' : 'returned'}>
      <p>
        {t(kit.sealed ? 'exercises.card.kitSealed' : 'exercises.card.kitClear', { when: formatWhen(kit.issuedAt) })}
      </p>
      {kit.laptopFingerprint === null ? (
        <p className="ex-card__kit-wait">{t('exercises.card.noReturn')}</p>
      ) : (
        <p>
          {t('exercises.card.playedOn')} <Fingerprint value={kit.laptopFingerprint} />
          {kit.lastReturnAt && <> · {t('exercises.card.lastReturn', { when: formatWhen(kit.lastReturnAt) })}</>}
        </p>
      )}
    </div>
  );
}

/** Removes a delegation whose run is still empty (nothing released to it, no kit out), after asking. */
function RemoveDelegation({ view, delegation: d }: { view: ExerciseView; delegation: DelegationView }) {
  const { t } = useTranslation();
  const removeDelegation = useExercises((s) => s.removeDelegation);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet button--danger-text" aria-label={t('exercises.card.removeNamed', { name: d.name })} onClick={() => setAsking(true)}>
        {t('exercises.card.remove')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('exercises.card.removeTitle', { name: d.name })}
          confirmLabel={t('exercises.card.removeConfirm')}
          cancelLabel={t('exercises.cancel')}
          danger
          onCancel={() => setAsking(false)}
          onFocusLost={() => document.getElementById('ex-delegations')?.focus()}
          onConfirm={() => {
            setAsking(false);
            void removeDelegation(d.id);
          }}
        >
          <p>{t('exercises.card.removeBody', { name: d.name, exercise: view.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** Adds a delegation while the exercise runs: it gets its own run, and the injects are released to it as to the others. */
export function AddDelegation({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const addDelegation = useExercises((s) => s.addDelegation);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const close = (): void => {
    setOpen(false);
    setName('');
    setErrors([]);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setErrors([t('exercises.delegations.needName')]);
      return;
    }
    setBusy(true);
    const refused = await addDelegation(name);
    setBusy(false);
    if (refused) {
      setErrors(refused);
      return;
    }
    const added = name.trim();
    setOpen(false);
    setName('');
    setErrors([]);
    // To the new delegation's card.
    requestAnimationFrame(() => {
      const heading = [...document.querySelectorAll<HTMLElement>('.ex-card__name')].find((h) => h.textContent === added);
      heading?.scrollIntoView({ block: 'center' });
      heading?.focus({ preventScroll: true });
    });
  };
  if (view.clock.status === 'ended') return null;
  if (!open) {
    return (
      <button ref={opener} type="button" className="button ex-add-delegation" onClick={() => setOpen(true)}>
        + {t('exercises.delegations.add')}
      </button>
    );
  }
  return (
    <form
      className="ex-add-delegation-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={closeOnEscape(close)}
      noValidate
    >
      <label htmlFor={id}>{t('exercises.delegations.name')}</label>
      <input
        ref={input}
        id={id}
        className="ex-input"
        value={name}
        maxLength={80}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : `${id}-hint`}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
        {t('exercises.delegations.submit')}
      </button>
      <button type="button" className="button button--quiet" onClick={close}>
        {t('exercises.cancel')}
      </button>
      {errors.length > 0 ? (
        <p id={`${id}-error`} className="ex-field__error ex-add-delegation-form__note" role="alert">
          {errors.join(' ')}
        </p>
      ) : (
        <p id={`${id}-hint`} className="ex-hint ex-add-delegation-form__note">
          {t('exercises.delegations.hint')}
        </p>
      )}
    </form>
  );
}

/** The delegation's Rename button, and the form in its place while renaming. */
function RenameDelegation({ delegation: d }: { delegation: DelegationView }) {
  const { t } = useTranslation();
  const renameDelegation = useExercises((s) => s.renameDelegation);
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setEditing(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (editing) {
    return (
      <div className="ex-rename">
        <RenameForm
          current={d.name}
          maxLength={80}
          inputClassName="ex-input"
          save={async (name) => (await renameDelegation(d.id, name))?.join(' ') ?? null}
          close={close}
        />
      </div>
    );
  }
  return (
    <button ref={opener} type="button" className="button button--quiet" aria-label={t('exercises.card.renameNamed', { name: d.name })} onClick={() => setEditing(true)}>
      {t('exercises.card.rename')}
    </button>
  );
}
