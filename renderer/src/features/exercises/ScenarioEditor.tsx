import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioRecord } from '../../../../shared/exercise/exercises';
import { INJECT_KINDS, parseScenario, SCENARIO_LIMITS, TLP_LEVELS, type InjectKind, type ScenarioObjective, type Tlp } from '../../../../shared/exercise/scenario';
import { STEP_IDS, STEPS, type StepId } from '../../../../shared/framework/catalogue';
import { CAPABILITIES, CAPABILITY_IDS, type ObjectiveTie } from '../../../../shared/evaluation/objectives';
import { api, errorMessage } from '../../api';
import { messageLines } from '../../ui/messages';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import {
  copyOf, draftToValue, emptyDraft, emptyInject, emptyObjective, fieldId, problemPlace, problemsOf, questionsFromText,
  type Draft, type DraftInject, type Problem,
} from './scenarioDraft';
import { useExercises } from './store';
import type { Outcome } from '../../ui/OutcomeNotice';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { useNavigation } from '../../ui/navigation';
import { startAtTop } from '../../ui/startAtTop';
import './scenario-editor.css';

type QuestionTexts = Readonly<Record<StepId, string>>;

const questionTexts = (draft: Draft): QuestionTexts =>
  Object.fromEntries(STEP_IDS.map((s) => [s, (draft.questions[s] ?? []).join('\n')])) as QuestionTexts;


type Loading = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | { readonly status: 'ready' };

/**
 * Writes or changes a scenario. Every keystroke is checked with the same parseScenario the
 * main process uses, and every problem is listed with its field, so the facilitator never
 * learns of a problem only when saving. The examples shipped with the app are read-only.
 */
export function ScenarioEditor({ id, copyOfId }: { id: string | null; copyOfId: string | null }) {
  const { t } = useTranslation();
  const { show } = useExercises.getState();
  const [loading, setLoading] = useState<Loading>(id || copyOfId ? { status: 'loading' } : { status: 'ready' });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [questions, setQuestions] = useState<QuestionTexts>(() => questionTexts(emptyDraft()));
  const [record, setRecord] = useState<ScenarioRecord | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [dirty, setDirty] = useState(false);
  const problemsBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const source = id ?? copyOfId;
    if (!source) return;
    let live = true;
    void (async () => {
      try {
        const loaded = await api().getScenario({ id: source });
        if (!live) return;
        if (copyOfId) {
          const taken = (await api().listScenarios({})).map((s) => s.id);
          const copy = copyOf(loaded.scenario, taken);
          if (!live) return;
          setDraft(copy);
          setQuestions(questionTexts(copy));
          setDirty(true);
        } else {
          setRecord(loaded);
          setDraft(loaded.scenario);
          setQuestions(questionTexts(loaded.scenario));
        }
        setLoading({ status: 'ready' });
      } catch (error) {
        if (live) setLoading({ status: 'error', message: errorMessage(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [id, copyOfId]);

  const readOnly = record?.origin === 'bundled';
  // Leaving with unsaved changes asks first: the shell's navigation, the way back and the tabs alike.
  const unsaved = dirty && !readOnly;
  useEffect(() => {
    useNavigation.getState().setUnsaved(unsaved ? 'exercises.editor.unsavedWhat' : null);
  }, [unsaved]);
  useEffect(() => () => useNavigation.getState().setUnsaved(null), []);
  const ready = loading.status === 'ready';
  useEffect(() => {
    if (ready) startAtTop();
  }, [ready]);
  const leave = (): void => useNavigation.getState().leave(() => show({ kind: 'scenarios' }));
  const full: Draft = useMemo(
    () => ({ ...draft, questions: Object.fromEntries(STEP_IDS.map((s) => [s, questionsFromText(questions[s])])) }),
    [draft, questions],
  );
  const fields = useMemo(() => fieldPaths(full), [full]);
  const parsed = useMemo(() => parseScenario(draftToValue(full)), [full]);
  const problems = parsed.ok ? [] : problemsOf(parsed.errors, fields);
  const problemsAt = (path: string): readonly Problem[] => problems.filter((p) => p.field === path);
  const editorLabel = (key: string, values?: Readonly<Record<string, unknown>>): string => t(`exercises.editor.${key}`, values);

  const update = (change: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...change }));
    setDirty(true);
  };
  const updateInject = (index: number, change: Partial<DraftInject>): void =>
    update({ injects: full.injects.map((inj, i) => (i === index ? { ...inj, ...change } : inj)) });
  const objectives = full.objectives ?? [];
  const updateObjective = (index: number, change: Partial<ScenarioObjective>): void =>
    update({ objectives: objectives.map((o, i) => (i === index ? { ...o, ...change } : o)) });
  const addObjective = (): void => {
    const taken = new Set(objectives.map((o) => o.id));
    let n = objectives.length + 1;
    while (taken.has(`objective-${n}`)) n += 1;
    update({ objectives: [...objectives, emptyObjective(n)] });
    requestAnimationFrame(() => document.getElementById(fieldId(`objectives[${objectives.length}].title`))?.focus());
  };
  const removeObjective = (index: number): void => {
    const next = objectives.filter((_, i) => i !== index);
    update({ objectives: next });
    // The focus stays in the list: on the objective that took this one's place, else on the way to add one.
    requestAnimationFrame(() => document.getElementById(next.length > 0 ? fieldId(`objectives[${Math.min(index, next.length - 1)}]`) : 'scenario-add-objective')?.focus());
  };
  const moveInject = (index: number, by: -1 | 1): void => {
    const next = [...full.injects];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    update({ injects: next });
    requestAnimationFrame(() => document.getElementById(fieldId(`injects[${index + by}]`))?.focus());
  };

  const save = async (): Promise<void> => {
    if (!parsed.ok) {
      setOutcome({ tone: 'error', key: 'exercises.editor.fixFirst', values: { count: problems.length }, lines: [] });
      problemsBox.current?.focus();
      return;
    }
    try {
      const saved = await api().saveScenario({ scenario: parsed.value });
      setRecord(saved);
      setDirty(false);
      setOutcome({ tone: 'ok', key: 'exercises.editor.saved', values: { title: saved.title }, lines: [] });
      void useExercises.getState().loadScenarios();
    } catch (error) {
      setOutcome({ tone: 'error', key: 'exercises.editor.saveFailed', lines: messageLines(errorMessage(error)) });
    }
  };

  const exportFile = async (): Promise<void> => {
    if (!record) return;
    try {
      const result = await api().exportScenario({ id: record.id });
      if (result.saved) setOutcome({ tone: 'ok', key: 'exercises.files.exported', values: { path: result.path }, lines: [] });
    } catch (error) {
      setOutcome({ tone: 'error', key: 'exercises.files.exportFailed', lines: messageLines(errorMessage(error)) });
    }
  };

  const remove = async (): Promise<void> => {
    if (!record) return;
    setDeleting(false);
    try {
      await api().deleteScenario({ id: record.id });
      show({ kind: 'scenarios' });
      useExercises.getState().setOutcome({ tone: 'ok', key: 'exercises.editor.deleted', values: { title: record.title }, lines: [] });
    } catch (error) {
      setOutcome({ tone: 'error', key: 'exercises.editor.deleteFailed', lines: messageLines(errorMessage(error)) });
    }
  };

  if (loading.status !== 'ready') {
    return (
      <>
        <ExerciseBanner />
        {loading.status === 'loading' ? (
          <p className="muted">{t('exercises.loading')}</p>
        ) : (
          <p role="alert" className="notice notice--error">
            {loading.message}
          </p>
        )}
      </>
    );
  }

  const heading = readOnly
    ? t('exercises.editor.headingExample')
    : record
      ? t('exercises.editor.headingEdit')
      : t('exercises.editor.headingNew');
  const field = (path: string, label: string, control: (props: ControlProps) => ReactNode, hint?: string): ReactNode => (
    <Field path={path} label={label} hint={hint} problems={problemsAt(path)} control={control} />
  );

  return (
    <>
      <ExerciseBanner marking={full.classification.marking} tlp={full.classification.tlp} />
      <button type="button" className="button button--quiet ex-back" onClick={leave}>
        ← {t('exercises.editor.back')}
      </button>
      <h1 className="screen-title">{heading}</h1>
      <p className="ex-subtitle">{full.title.trim() === '' ? t('exercises.editor.untitled') : full.title}</p>
      <div className="ex-editor">
        <form className="ex-editor__form" onSubmit={(e) => e.preventDefault()} noValidate aria-label={heading}>
          {readOnly && (
            <div className="notice notice--warning ex-editor__readonly">
              <p className="notice__title">{t('exercises.editor.readOnlyTitle')}</p>
              <p>{t('exercises.editor.readOnlyBody')}</p>
            </div>
          )}
          <fieldset className="ex-fieldset">
            <legend>{t('exercises.editor.identity')}</legend>
            {field('title', t('exercises.editor.title'), (p) => (
              <input {...p} className="ex-input" value={full.title} readOnly={readOnly} onChange={(e) => update({ title: e.target.value })} />
            ))}
            {field(
              'id',
              t('exercises.editor.id'),
              (p) => (
                <input {...p} className="ex-input ex-mono" value={full.id} readOnly={readOnly || record !== null} onChange={(e) => update({ id: e.target.value })} />
              ),
              record ? t('exercises.editor.idFixed') : t('exercises.editor.idHint'),
            )}
            <div className="ex-grid-2">
              {field('classification.marking', t('exercises.editor.marking'), (p) => (
                <input
                  {...p}
                  className="ex-input"
                  value={full.classification.marking}
                  readOnly={readOnly}
                  onChange={(e) => update({ classification: { ...full.classification, marking: e.target.value } })}
                />
              ))}
              {field('classification.tlp', t('exercises.editor.tlp'), (p) => (
                <select
                  {...p}
                  className="ex-input"
                  value={full.classification.tlp}
                  disabled={readOnly}
                  onChange={(e) => update({ classification: { ...full.classification, tlp: e.target.value as Tlp } })}
                >
                  {TLP_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              ))}
            </div>
          </fieldset>
          <fieldset className="ex-fieldset">
            <legend>{t('exercises.editor.story')}</legend>
            {field('background', t('exercises.editor.background'), (p) => (
              <textarea {...p} className="ex-input ex-textarea" rows={4} value={full.background} readOnly={readOnly} onChange={(e) => update({ background: e.target.value })} />
            ))}
            {field('incident', t('exercises.editor.incident'), (p) => (
              <textarea {...p} className="ex-input ex-textarea" rows={4} value={full.incident} readOnly={readOnly} onChange={(e) => update({ incident: e.target.value })} />
            ))}
          </fieldset>
          <fieldset className="ex-fieldset" id={fieldId('objectives')} tabIndex={-1}>
            <legend>{t('exercises.editor.objectives', { count: objectives.length })}</legend>
            <p className="ex-hint">{t('exercises.editor.objectivesHint')}</p>
            {problemsAt('objectives').map((p, i) => (
              <p key={i} className="ex-field__error">
                {p.message}
              </p>
            ))}
            {objectives.length === 0 && <p className="ex-hint">{t('exercises.editor.noObjectives')}</p>}
            <ol className="ex-injects-edit">
              {objectives.map((objective, index) => (
                <li key={index}>
                  <fieldset className="ex-inject-edit" id={fieldId(`objectives[${index}]`)} tabIndex={-1}>
                    <legend>
                      {t('exercises.editor.objective', { n: index + 1 })}
                      {objective.title.trim() !== '' && <span className="ex-inject-edit__title">: {objective.title}</span>}
                    </legend>
                    {problemsAt(`objectives[${index}]`).map((p, i) => (
                      <p key={i} className="ex-field__error">
                        {p.path}: {p.message}
                      </p>
                    ))}
                    {field(`objectives[${index}].title`, t('exercises.editor.objectiveTitle'), (p) => (
                      <input {...p} className="ex-input" value={objective.title} readOnly={readOnly} maxLength={SCENARIO_LIMITS.objectiveTitle} onChange={(e) => updateObjective(index, { title: e.target.value })} />
                    ))}
                    <div className="ex-grid-2">
                      {field(`objectives[${index}].tiedTo`, t('exercises.editor.objectiveTie'), (p) => (
                        <select {...p} className="ex-input" value={objective.tiedTo} disabled={readOnly} onChange={(e) => updateObjective(index, { tiedTo: e.target.value as ObjectiveTie })}>
                          <optgroup label={t('exercises.editor.tieSteps')}>
                            {STEP_IDS.map((step) => (
                              <option key={step} value={step}>
                                {STEPS[step].label}
                              </option>
                            ))}
                          </optgroup>
                          <optgroup label={t('exercises.editor.tieCapabilities')}>
                            {CAPABILITY_IDS.map((c) => (
                              <option key={c} value={c}>
                                {CAPABILITIES[c].label}
                              </option>
                            ))}
                          </optgroup>
                        </select>
                      ))}
                      {field(`objectives[${index}].id`, t('exercises.editor.objectiveId'), (p) => (
                        <input {...p} className="ex-input ex-mono" value={objective.id} readOnly={readOnly} onChange={(e) => updateObjective(index, { id: e.target.value })} />
                      ))}
                    </div>
                    {field(`objectives[${index}].description`, t('exercises.editor.objectiveDescription'), (p) => (
                      <textarea {...p} className="ex-input ex-textarea" rows={2} value={objective.description ?? ''} readOnly={readOnly} onChange={(e) => updateObjective(index, { description: e.target.value })} />
                    ))}
                    {!readOnly && (
                      <div className="ex-inject-edit__actions">
                        <button type="button" className="button button--quiet" aria-label={t('exercises.editor.removeObjective', { n: index + 1 })} onClick={() => removeObjective(index)}>
                          {t('exercises.editor.remove')}
                        </button>
                      </div>
                    )}
                  </fieldset>
                </li>
              ))}
            </ol>
            {!readOnly && (
              <button type="button" id="scenario-add-objective" className="button" disabled={objectives.length >= SCENARIO_LIMITS.objectives} onClick={addObjective}>
                + {t('exercises.editor.addObjective')}
              </button>
            )}
          </fieldset>
          <fieldset className="ex-fieldset" id={fieldId('injects')} tabIndex={-1}>
            <legend>{t('exercises.editor.injects', { count: full.injects.length })}</legend>
            {problemsAt('injects').map((p, i) => (
              <p key={i} className="ex-field__error">
                {p.message}
              </p>
            ))}
            <ol className="ex-injects-edit">
              {full.injects.map((inj, index) => (
                <li key={index}>
                  <fieldset className="ex-inject-edit" id={fieldId(`injects[${index}]`)} tabIndex={-1}>
                    <legend>
                      {t('exercises.editor.inject', { n: index + 1 })}
                      {inj.title.trim() !== '' && <span className="ex-inject-edit__title">: {inj.title}</span>}
                    </legend>
                    {problemsAt(`injects[${index}]`).map((p, i) => (
                      <p key={i} className="ex-field__error">
                        {p.path}: {p.message}
                      </p>
                    ))}
                    <div className="ex-grid-3">
                      {field(`injects[${index}].id`, t('exercises.editor.injectId'), (p) => (
                        <input {...p} className="ex-input ex-mono" value={inj.id} readOnly={readOnly} onChange={(e) => updateInject(index, { id: e.target.value })} />
                      ))}
                      {field(`injects[${index}].offsetMinutes`, t('exercises.editor.offset'), (p) => (
                        <input
                          {...p}
                          className="ex-input"
                          type="number"
                          min={0}
                          step={1}
                          inputMode="numeric"
                          value={inj.offsetMinutes}
                          readOnly={readOnly}
                          onChange={(e) => updateInject(index, { offsetMinutes: e.target.value })}
                        />
                      ))}
                      {field(`injects[${index}].kind`, t('exercises.editor.kind'), (p) => (
                        <select {...p} className="ex-input" value={inj.kind} disabled={readOnly} onChange={(e) => updateInject(index, { kind: e.target.value as InjectKind })}>
                          {INJECT_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`exercises.kind.${k}`)}
                            </option>
                          ))}
                        </select>
                      ))}
                    </div>
                    {field(`injects[${index}].title`, t('exercises.editor.injectTitle'), (p) => (
                      <input {...p} className="ex-input" value={inj.title} readOnly={readOnly} onChange={(e) => updateInject(index, { title: e.target.value })} />
                    ))}
                    {field(`injects[${index}].body`, t('exercises.editor.injectBody'), (p) => (
                      <textarea {...p} className="ex-input ex-textarea" rows={3} value={inj.body} readOnly={readOnly} onChange={(e) => updateInject(index, { body: e.target.value })} />
                    ))}
                    {(inj.suggestedFindings?.length ?? 0) > 0 && (
                      <div className="ex-suggested">
                        <p className="ex-hint">{t('exercises.editor.findingsKept', { count: inj.suggestedFindings!.length })}</p>
                        <ul className="ex-suggested__list">
                          {inj.suggestedFindings!.map((f, i) => (
                            <li key={i}>
                              <span className="ex-pre">{f.text}</span>{' '}
                              <span className="ex-suggested__meta">
                                — {f.source}, {t(`runs.confidence.${f.confidence}`).toLowerCase()}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {!readOnly && (
                      <div className="ex-inject-edit__actions">
                        <button type="button" className="button button--quiet" disabled={index === 0} onClick={() => moveInject(index, -1)}>
                          ↑ {t('exercises.editor.up')}
                        </button>
                        <button type="button" className="button button--quiet" disabled={index === full.injects.length - 1} onClick={() => moveInject(index, 1)}>
                          ↓ {t('exercises.editor.down')}
                        </button>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={t('exercises.editor.removeInject', { n: index + 1 })}
                          onClick={() => update({ injects: full.injects.filter((_, i) => i !== index) })}
                        >
                          {t('exercises.editor.remove')}
                        </button>
                      </div>
                    )}
                  </fieldset>
                </li>
              ))}
            </ol>
            {!readOnly && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  const last = full.injects[full.injects.length - 1];
                  const offset = typeof last?.offsetMinutes === 'number' ? last.offsetMinutes + 15 : 0;
                  update({ injects: [...full.injects, { ...emptyInject(full.injects.length + 1), offsetMinutes: offset }] });
                  requestAnimationFrame(() => document.getElementById(fieldId(`injects[${full.injects.length}].title`))?.focus());
                }}
              >
                + {t('exercises.editor.addInject')}
              </button>
            )}
          </fieldset>
          <fieldset className="ex-fieldset">
            <legend>{t('exercises.editor.questions')}</legend>
            <p className="ex-hint">{t('exercises.editor.questionsHint')}</p>
            {STEP_IDS.map((step) =>
              field(`questions.${step}`, STEPS[step].label, (p) => (
                <textarea
                  {...p}
                  className="ex-input ex-textarea"
                  rows={2}
                  value={questions[step]}
                  readOnly={readOnly}
                  onChange={(e) => {
                    setQuestions({ ...questions, [step]: e.target.value });
                    setDirty(true);
                  }}
                />
              )),
            )}
          </fieldset>
          <fieldset className="ex-fieldset">
            <legend>{t('exercises.editor.forFacilitator')}</legend>
            {field('facilitatorNotes', t('exercises.editor.facilitatorNotes'), (p) => (
              <textarea {...p} className="ex-input ex-textarea" rows={4} value={full.facilitatorNotes} readOnly={readOnly} onChange={(e) => update({ facilitatorNotes: e.target.value })} />
            ))}
          </fieldset>
        </form>
        <aside className="ex-editor__side" aria-label={t('exercises.editor.sideLabel')}>
          <div className="ex-editor__actions">
            {readOnly && record ? (
              <button type="button" className="button button--primary" onClick={() => show({ kind: 'scenario', id: null, copyOf: record.id })}>
                {t('exercises.editor.saveCopy')}
              </button>
            ) : (
              <button type="button" className="button button--primary" onClick={() => void save()}>
                {t('exercises.editor.save')}
              </button>
            )}
            {record && (
              <button type="button" className="button" onClick={() => void exportFile()}>
                {dirty ? t('exercises.editor.exportSaved') : t('exercises.editor.export')}
              </button>
            )}
            {record && !readOnly && (
              <button type="button" className="button button--quiet ex-danger-text" onClick={() => setDeleting(true)}>
                {t('exercises.editor.delete')}
              </button>
            )}
          </div>
          {!readOnly && <p className="ex-hint ex-editor__dirty">{dirty ? t('exercises.editor.unsaved') : record ? t('exercises.editor.allSaved') : ''}</p>}
          <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
          <div ref={problemsBox} tabIndex={-1} className={`ex-problems ${problems.length === 0 ? 'ex-problems--ok' : ''}`} aria-labelledby="ex-problems-title">
            <h2 id="ex-problems-title" className="ex-problems__title">
              {problems.length === 0 ? t('exercises.editor.valid') : t('exercises.editor.problems', { count: problems.length })}
            </h2>
            <p className="visually-hidden" role="status">
              {problems.length === 0 ? t('exercises.editor.valid') : t('exercises.editor.problems', { count: problems.length })}
            </p>
            {problems.length > 0 && (
              <ul className="ex-problems__list">
                {problems.map((p, i) => (
                  <li key={i} data-path={p.path}>
                    {p.field ? (
                      <button type="button" className="ex-link ex-problems__path" onClick={() => document.getElementById(fieldId(p.field!))?.focus()}>
                        {problemPlace(p.path, editorLabel)}
                      </button>
                    ) : (
                      <span className="ex-problems__path">{problemPlace(p.path, editorLabel)}</span>
                    )}
                    <span className="ex-problems__message">{p.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </aside>
      </div>
      {deleting && record && (
        <ConfirmDialog
          title={t('exercises.editor.deleteTitle', { title: record.title })}
          confirmLabel={t('exercises.editor.deleteConfirm')}
          cancelLabel={t('exercises.cancel')}
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
        >
          <p>{t('exercises.editor.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
}

function Field({
  path, label, hint, problems, control,
}: { path: string; label: string; hint?: string; problems: readonly Problem[]; control: (props: ControlProps) => ReactNode }) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problems.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`ex-field ${problems.length > 0 ? 'ex-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="ex-hint">
          {hint}
        </p>
      )}
      {control({ id, ...(problems.length > 0 ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {problems.length > 0 && (
        <p id={errorId} className="ex-field__error">
          {problems.map((p) => p.message).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** Every path the form has a field (or a group) for, so each problem finds its place. */
function fieldPaths(draft: Draft): ReadonlySet<string> {
  const paths = ['id', 'title', 'classification.marking', 'classification.tlp', 'background', 'incident', 'injects', 'facilitatorNotes'];
  draft.injects.forEach((_, i) => {
    paths.push(`injects[${i}]`);
    for (const f of ['id', 'offsetMinutes', 'kind', 'title', 'body']) paths.push(`injects[${i}].${f}`);
  });
  for (const step of STEP_IDS) paths.push(`questions.${step}`);
  paths.push('objectives');
  (draft.objectives ?? []).forEach((_, i) => {
    paths.push(`objectives[${i}]`);
    for (const f of ['id', 'title', 'tiedTo', 'description']) paths.push(`objectives[${i}].${f}`);
  });
  return new Set(paths);
}
