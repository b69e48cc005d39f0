import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_IDS, STEPS } from '../../../../shared/framework/catalogue';
import type { OpenedInject, WorkspaceView } from '../../../../shared/exchange/views';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import { formatWhen } from '../../ui/format';
import { Fingerprint } from '../../ui/LaptopKey';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { useStartAtTop } from '../../ui/startAtTop';
import { useWorkspace } from './store';
import './workspace.css';

/**
 * A delegation's workspace on its own laptop: the exercise as the delegation may see it, the
 * keys to compare aloud, its injects (opened by the facilitator's codes), the way to its run,
 * and its returns. Not the facilitator's console: nothing here releases or reads the others.
 * onOpenRun: the run is on the runs screen, which the shell knows.
 */
export function WorkspacePage({ onOpenRun }: { onOpenRun: (runId: string) => void }) {
  const { t } = useTranslation();
  const loaded = useWorkspace((s) => s.workspace);
  const { reloadWorkspace, closeWorkspace } = useWorkspace.getState();
  // Back from the run, or from another screen: the run may have moved on meanwhile.
  useEffect(() => {
    void reloadWorkspace();
  }, [reloadWorkspace]);

  if (!loaded || loaded.status === 'loading') {
    return (
      <div className="ws">
        <ExerciseBanner />
        <p className="muted">{t('exchange.loading')}</p>
      </div>
    );
  }
  if (loaded.status === 'error') {
    return (
      <div className="ws">
        <ExerciseBanner />
        <p role="alert" className="notice notice--error">
          {loaded.message}
        </p>
        <button type="button" className="button" onClick={closeWorkspace}>
          {t('exchange.workspace.back')}
        </button>
      </div>
    );
  }
  return <WorkspaceBody view={loaded.value} onOpenRun={onOpenRun} />;
}

function WorkspaceBody({ view, onOpenRun }: { view: WorkspaceView; onOpenRun: (runId: string) => void }) {
  const { t } = useTranslation();
  const outcome = useWorkspace((s) => s.outcome);
  const { closeWorkspace, writeReturn, setOutcome } = useWorkspace.getState();
  const step = STEP_IDS.indexOf(view.run.step) + 1;
  useStartAtTop(view.runId);
  return (
    <div className="ws">
      <ExerciseBanner marking={view.marking} tlp={view.tlp} />
      <button type="button" className="button button--quiet ws-back" onClick={closeWorkspace}>
        <span aria-hidden="true">← </span>
        {t('exchange.workspace.back')}
      </button>
      <header className="ws-head">
        <p className="ws-head__kicker">{t('exchange.workspace.kicker')}</p>
        <h1 className="screen-title">{view.delegation}</h1>
        <p className="ws-head__sub">
          {t('exchange.workspace.exercise', { exercise: view.exerciseName, scenario: view.scenario.title })}
        </p>
      </header>
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      <section className="ws-run" aria-labelledby="ws-run-title">
        <div className="ws-run__text">
          <h2 id="ws-run-title" className="ws-section__title">
            {t('exchange.workspace.run.title')}
          </h2>
          <p className="ws-run__step" data-step={view.run.step}>
            {t('exchange.workspace.run.step', { n: step, total: STEP_IDS.length, step: STEPS[view.run.step].label })}{' '}
            <span className="muted">{t('exchange.workspace.run.changes', { count: view.run.eventCount, when: formatWhen(view.run.updatedAt) })}</span>
          </p>
          <p className="ws-hint">{t('exchange.workspace.run.returnHint')}</p>
        </div>
        <div className="ws-run__actions">
          <button type="button" className="button button--primary" onClick={() => onOpenRun(view.runId)}>
            {t('exchange.workspace.run.open')}
            <span aria-hidden="true"> →</span>
          </button>
          <button type="button" className="button" onClick={() => void writeReturn()}>
            {t('exchange.workspace.run.writeReturn')}
          </button>
        </div>
      </section>
      <Keys view={view} />
      <div className="ws-body">
        <Injects view={view} />
        <ScenarioBrief view={view} />
      </div>
    </div>
  );
}

/** Both keys of the exchange, for the delegation and the facilitator to read out to each other. */
function Keys({ view }: { view: WorkspaceView }) {
  const { t } = useTranslation();
  return (
    <section className="ws-section ws-keys" aria-labelledby="ws-keys-title">
      <h2 id="ws-keys-title" className="ws-section__title">
        {t('exchange.workspace.keys.title')}
      </h2>
      <dl className="ws-keys__list">
        <div className="ws-keys__item">
          <dt>{t('exchange.workspace.keys.facilitator')}</dt>
          <dd>
            <Fingerprint value={view.facilitatorFingerprint} />
          </dd>
        </div>
        <div className="ws-keys__item">
          <dt>{t('exchange.workspace.keys.laptop')}</dt>
          <dd>
            <Fingerprint value={view.laptopFingerprint} />
          </dd>
        </div>
      </dl>
      <p className="ws-hint">
        {t('exchange.workspace.keys.hint', { when: formatWhen(view.acceptedAt) })}{' '}
        {view.sealedWithPassphrase ? t('exchange.workspace.keys.sealed') : t('exchange.workspace.keys.clear')}
      </p>
    </section>
  );
}

/** The kit's injects in its order: the opened ones in full, the others sealed; and the code that opens the next. */
function Injects({ view }: { view: WorkspaceView }) {
  const { t } = useTranslation();
  const unsealed = useWorkspace((s) => s.unsealed);
  return (
    <section className="ws-section ws-injects" aria-labelledby="ws-injects-title">
      <h2 id="ws-injects-title" className="ws-section__title">
        {t('exchange.workspace.injects.title')}{' '}
        <span className="ws-count">{t('exchange.workspace.injects.count', { opened: view.injectsOpened, total: view.injects.length })}</span>
      </h2>
      <CodeForm />
      {view.injects.length === 0 ? (
        <p className="muted">{t('exchange.workspace.injects.none')}</p>
      ) : (
        <ol className="ws-inject-list">
          {view.injects.map((i) =>
            i.opened ? (
              <OpenedItem key={i.n} inject={i.opened} fresh={unsealed?.id === i.opened.id} />
            ) : (
              <li key={i.n} className="ws-inject ws-inject--sealed" data-sealed={i.n}>
                <LockIcon />
                {t('exchange.workspace.injects.sealed', { n: i.n })}
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}

/** A padlock drawn in the text's colour: no emoji font is needed, nor any colour of its own. */
function LockIcon() {
  return (
    <svg className="ws-inject__lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function OpenedItem({ inject, fresh }: { inject: OpenedInject; fresh: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <li className={fresh ? 'ws-inject ws-inject--opened ws-inject--fresh' : 'ws-inject ws-inject--opened'} data-inject={inject.id} aria-labelledby={titleId}>
      <h3 id={titleId} className="ws-inject__title">
        {inject.title}
      </h3>
      <p className="ws-inject__when">{t('exchange.workspace.injects.openedAt', { when: formatWhen(inject.openedAt) })}</p>
      <p className="ws-pre ws-inject__body">{inject.body}</p>
    </li>
  );
}

/** The release code the facilitator read out: it opens one inject, on this laptop only. */
function CodeForm() {
  const { t } = useTranslation();
  const unseal = useWorkspace((s) => s.unseal);
  const unsealed = useWorkspace((s) => s.unsealed);
  const [code, setCode] = useState('');
  const [refused, setRefused] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (code.trim() === '') {
      setRefused([t('exchange.workspace.code.empty')]);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setRefused(null);
    const answer = await unseal(code);
    setBusy(false);
    setRefused(answer);
    if (answer === null) setCode('');
    input.current?.focus();
  };

  const described = [`${id}-hint`, refused ? `${id}-error` : ''].filter((s) => s !== '').join(' ');
  return (
    <form className="ws-code" onSubmit={(e) => void submit(e)} noValidate>
      <label className="field__label" htmlFor={id}>
        {t('exchange.workspace.code.label')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('exchange.workspace.code.hint')}
      </p>
      <div className="ws-code__row">
        <input
          ref={input}
          id={id}
          className={refused ? 'input ws-code__input ws-code__input--invalid' : 'input ws-code__input'}
          type="text"
          value={code}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          placeholder="XXXX-XXXX-XXXX"
          aria-invalid={refused ? true : undefined}
          aria-describedby={described}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('exchange.workspace.code.submit')}
        </button>
      </div>
      {refused && (
        <div id={`${id}-error`} className="field-error ws-code__error" role="alert">
          {refused.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      <p className="ws-code__opened" role="status">
        {busy ? t('exchange.workspace.code.busy') : unsealed && !refused ? t('exchange.workspace.code.opened', { title: unsealed.title }) : ''}
      </p>
    </form>
  );
}

/** What the delegation may read of its scenario: the incident, the background, and the questions for each step. */
function ScenarioBrief({ view }: { view: WorkspaceView }) {
  const { t } = useTranslation();
  const s = view.scenario;
  const steps = STEP_IDS.filter((id) => (s.questions[id] ?? []).length > 0);
  return (
    <section className="ws-section ws-brief" aria-labelledby="ws-brief-title">
      <h2 id="ws-brief-title" className="ws-section__title">
        {t('exchange.workspace.brief.title')}
      </h2>
      <h3 className="ws-brief__label">{t('exchange.workspace.brief.incident')}</h3>
      <p className="ws-pre ws-brief__text">{s.incident}</p>
      {s.background.trim() !== '' && (
        <>
          <h3 className="ws-brief__label">{t('exchange.workspace.brief.background')}</h3>
          <p className="ws-pre ws-brief__text">{s.background}</p>
        </>
      )}
      <h3 className="ws-brief__label">{t('exchange.workspace.brief.questions')}</h3>
      {steps.length === 0 ? (
        <p className="muted">{t('exchange.workspace.brief.noQuestions')}</p>
      ) : (
        steps.map((id) => (
          <div key={id} className={id === view.run.step ? 'ws-questions ws-questions--current' : 'ws-questions'} data-step={id}>
            <h4 className="ws-questions__step">
              {t('exchange.workspace.brief.step', { n: STEP_IDS.indexOf(id) + 1, step: STEPS[id].label })}
              {id === view.run.step && <span className="ws-here">{t('exchange.workspace.brief.here')}</span>}
            </h4>
            <ul className="ws-questions__list">
              {(s.questions[id] ?? []).map((q, i) => (
                <li key={i} className="ws-pre">
                  {q}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
