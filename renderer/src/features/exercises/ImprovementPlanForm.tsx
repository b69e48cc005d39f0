import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { PLAN_LIMITS } from '../../../../shared/report/plan';
import type { ImprovementItem } from '../../../../shared/report/model';
import { PRIORITIES } from '../../../../shared/evaluation/objectives';
import type { ScenarioObjective } from '../../../../shared/exercise/scenario';
import { newId } from '../../ui/ids';
import { emptyItem, planOf, planProblemOf, samePlan, type ItemField, type PlanDraft } from './improvementPlan';
import { useExercises } from './store';
import { SaveReport } from '../../ui/SaveReport';
import './improvement-plan-form.css';

/** The console's after-action report: the facilitator's part of it, and the report saved as a file. */
export function ReportSection({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const stored = useExercises((s) => s.planDrafts[view.id]);
  const saved = planOf(view);
  const draft = stored ?? saved;
  const dirty = stored !== undefined && !samePlan(stored, saved);
  return (
    <section id="ex-report" className="ex-section ex-report" aria-labelledby="ex-report-title">
      <h2 id="ex-report-title" className="ex-section__title" tabIndex={-1}>
        {t('exercises.report.title')}
      </h2>
      <p className="ex-report__intro">{t('exercises.report.intro')}</p>
      <PlanForm exerciseId={view.id} draft={draft} dirty={dirty} objectives={view.scenario.objectives ?? []} />
      <div className="ex-report__files">
        <h3 className="ex-report__subtitle">{t('exercises.report.files')}</h3>
        <SaveReport
          subject={{ kind: 'exercise', id: view.id }}
          note={dirty ? <p className="notice notice--warning ex-report__stale">{t('exercises.report.stale')}</p> : null}
        />
      </div>
    </section>
  );
}

/** How a field the refusal names is marked: invalid, and described by the refusal. */
interface InvalidProps {
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
}

/** A field of the form: the facilitator's name (itemId null) or one field of one item. */
interface Target {
  readonly itemId: string | null;
  readonly field: ItemField | 'facilitator';
}

/**
 * One line of a refusal: the main process's words, and the field they name (by item id, as
 * rows may move or go before the user has read it).
 */
interface RefusalLine {
  readonly raw: string;
  readonly target: Target | null;
  /** What is wrong, without the technical path the raw line starts with. */
  readonly message: string;
}

function PlanForm({ exerciseId, draft, dirty, objectives }: { exerciseId: string; draft: PlanDraft; dirty: boolean; objectives: readonly ScenarioObjective[] }) {
  const { t } = useTranslation();
  const { setPlanDraft, saveReportDetails } = useExercises.getState();
  const [refusal, setRefusal] = useState<readonly RefusalLine[] | null>(null);
  const [busy, setBusy] = useState(false);
  const focusNext = useRef<string | null>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const base = useId();
  const facilitatorId = `${base}-facilitator`;
  const addId = `${base}-add`;
  const errorId = `${base}-error`;
  const cellId = (itemId: string, field: ItemField): string => `${base}-${itemId}-${field}`;

  // After a row is added or removed, the focus goes where the user's work continues.
  useEffect(() => {
    if (focusNext.current !== null) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  // A new refusal takes the focus, so a screen reader says it and the keyboard is next to it.
  useEffect(() => {
    if (refusal !== null) errorBox.current?.focus();
  }, [refusal]);

  // Back to what is saved (discarded, or the refused row removed): the refusal no longer applies.
  useEffect(() => {
    if (!dirty) setRefusal(null);
  }, [dirty]);

  const edit = (next: PlanDraft): void => setPlanDraft(exerciseId, next);
  const editItem = (id: string, field: ItemField, value: string): void =>
    edit({ ...draft, items: draft.items.map((item) => (item.id === id ? { ...item, [field]: value } : item)) });
  const add = (): void => {
    const item = emptyItem(newId());
    focusNext.current = cellId(item.id, 'issue');
    edit({ ...draft, items: [...draft.items, item] });
  };
  const remove = (index: number): void => {
    const items = draft.items.filter((_, i) => i !== index);
    const next = items[Math.min(index, items.length - 1)];
    focusNext.current = next ? cellId(next.id, 'issue') : addId;
    edit({ ...draft, items });
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const refused = await saveReportDetails(exerciseId, draft);
    setBusy(false);
    if (!refused) {
      setRefusal(null);
      return;
    }
    setRefusal(
      refused.map((raw): RefusalLine => {
        const problem = planProblemOf(raw);
        if (!problem) return { raw, target: null, message: raw };
        const { target, message } = problem;
        if (target.kind === 'facilitator') return { raw, target: { itemId: null, field: 'facilitator' }, message };
        const itemId = draft.items[target.index]?.id;
        return { raw, target: itemId ? { itemId, field: target.field } : null, message: itemId ? message : raw };
      }),
    );
  };

  const invalid = (itemId: string | null, field: ItemField | 'facilitator'): boolean =>
    refusal?.some((line) => line.target?.itemId === itemId && line.target.field === field) ?? false;
  const invalidProps = (itemId: string | null, field: ItemField | 'facilitator'): InvalidProps =>
    invalid(itemId, field) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  /** Where a refusal's field is now, and its name as the form labels it; null once its row is gone. */
  const locate = (target: Target): { readonly domId: string; readonly name: string } | null => {
    if (target.itemId === null) return { domId: facilitatorId, name: t('exercises.report.facilitator') };
    const index = draft.items.findIndex((i) => i.id === target.itemId);
    if (index < 0 || target.field === 'facilitator') return null;
    return {
      domId: cellId(target.itemId, target.field),
      name: t('exercises.report.cell', { field: t(`exercises.report.${target.field}`), n: index + 1 }),
    };
  };

  return (
    <form className="ex-plan-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="ex-report__subtitle">
        {t('exercises.report.details')}
      </h3>
      <div className={`ex-field ex-plan-form__facilitator ${invalid(null, 'facilitator') ? 'ex-field--invalid' : ''}`}>
        <label htmlFor={facilitatorId}>{t('exercises.report.facilitator')}</label>
        <input
          id={facilitatorId}
          className="ex-input"
          value={draft.facilitator}
          maxLength={PLAN_LIMITS.facilitator}
          autoComplete="name"
          onChange={(e) => edit({ ...draft, facilitator: e.target.value })}
          {...invalidProps(null, 'facilitator')}
        />
      </div>
      <h4 className="ex-plan__title" id={`${base}-plan`}>
        {t('exercises.report.plan')}
      </h4>
      <p className="ex-hint" id={`${base}-plan-hint`}>
        {t('exercises.report.planHint')}
      </p>
      {draft.items.length === 0 ? (
        <p className="ex-plan__empty">{t('exercises.report.noItems')}</p>
      ) : (
        <div className="ex-plan-wrap">
          <table className="ex-table ex-plan" aria-labelledby={`${base}-plan`} aria-describedby={`${base}-plan-hint`}>
            <thead>
              <tr>
                <th scope="col" className="ex-plan__n">
                  {t('exercises.report.item')}
                </th>
                <th scope="col">
                  {t('exercises.report.issue')} <span className="ex-plan__required">{t('exercises.report.required')}</span>
                </th>
                <th scope="col">{t('exercises.report.correctiveAction')}</th>
                <th scope="col" className="ex-plan__owner">
                  {t('exercises.report.owner')}
                </th>
                <th scope="col" className="ex-plan__due">
                  {t('exercises.report.dueDate')} <span className="ex-plan__format">{t('exercises.report.dateFormat')}</span>
                </th>
                <th scope="col" className="ex-plan__objective">
                  {t('exercises.report.objectivePriority')}
                </th>
                <th scope="col" className="ex-plan__actions">
                  <span className="visually-hidden">{t('exercises.report.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.items.map((item, index) => (
                <PlanRow
                  key={item.id}
                  item={item}
                  n={index + 1}
                  objectives={objectives}
                  cellId={(field) => cellId(item.id, field)}
                  invalidProps={(field) => invalidProps(item.id, field)}
                  onChange={(field, value) => editItem(item.id, field, value)}
                  onRemove={() => remove(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button id={addId} type="button" className="button ex-plan__add" disabled={draft.items.length >= PLAN_LIMITS.items} onClick={add}>
        + {t('exercises.report.addItem')}
      </button>
      {refusal && (
        <div ref={errorBox} id={errorId} tabIndex={-1} className="notice notice--error ex-plan__refusal" role="alert">
          <p className="notice__title">{t('exercises.report.refused')}</p>
          <ul className="outcome__lines">
            {refusal.map((line, i) => {
              const where = line.target ? locate(line.target) : null;
              return (
                <li key={i}>
                  {where ? (
                    <>
                      <strong>{where.name}:</strong> {line.message}
                      <button type="button" className="button ex-plan__goto" onClick={() => document.getElementById(where.domId)?.focus()}>
                        {t('exercises.report.goTo', { field: where.name })}
                      </button>
                    </>
                  ) : (
                    line.raw
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="ex-form-actions ex-plan-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('exercises.report.save')}
        </button>
        {dirty && (
          <button
            type="button"
            className="button"
            onClick={() => setPlanDraft(exerciseId, null)}
          >
            {t('exercises.report.discard')}
          </button>
        )}
        <p className={`ex-plan-form__state ${dirty ? 'ex-plan-form__state--dirty' : ''}`} role="status">
          {busy ? t('exercises.report.saving') : dirty ? t('exercises.report.unsaved') : t('exercises.report.allSaved')}
        </p>
      </div>
    </form>
  );
}

/** The item's fields written as text (the due date is a date). */
const TEXT_FIELDS = ['issue', 'correctiveAction', 'owner'] as const satisfies readonly ItemField[];

interface PlanRowProps {
  readonly item: ImprovementItem;
  readonly n: number;
  readonly objectives: readonly ScenarioObjective[];
  cellId(field: ItemField): string;
  invalidProps(field: ItemField): InvalidProps;
  onChange(field: ItemField, value: string): void;
  onRemove(): void;
}

function PlanRow({ item, n, objectives, cellId, invalidProps, onChange, onRemove }: PlanRowProps) {
  const { t } = useTranslation();
  const label = (field: ItemField): ReactNode => (
    <label className="visually-hidden" htmlFor={cellId(field)}>
      {t('exercises.report.cell', { field: t(`exercises.report.${field}`), n })}
    </label>
  );
  const cellClass = (field: ItemField): string =>
    invalidProps(field)['aria-invalid'] ? 'ex-plan__cell ex-field--invalid' : 'ex-plan__cell';
  return (
    <tr data-item={n}>
      <th scope="row" className="ex-plan__n">
        {n}
      </th>
      {TEXT_FIELDS.map((field) => (
        <td key={field} className={cellClass(field)}>
          {label(field)}
          <textarea
            id={cellId(field)}
            className="ex-input ex-textarea"
            rows={2}
            value={item[field]}
            maxLength={field === 'owner' ? PLAN_LIMITS.owner : PLAN_LIMITS.text}
            aria-required={field === 'issue' ? 'true' : undefined}
            onChange={(e) => onChange(field, e.target.value)}
            {...invalidProps(field)}
          />
        </td>
      ))}
      <td className={cellClass('dueDate')}>
        {label('dueDate')}
        <input
          id={cellId('dueDate')}
          className="ex-input ex-mono"
          value={item.dueDate}
          maxLength={10}
          placeholder={t('exercises.report.dateFormat')}
          spellCheck={false}
          onChange={(e) => onChange('dueDate', e.target.value)}
          {...invalidProps('dueDate')}
        />
      </td>
      <td className={`${cellClass('objectiveId')} ex-plan__objective`}>
        {label('objectiveId')}
        <select id={cellId('objectiveId')} className="ex-input" value={item.objectiveId} onChange={(e) => onChange('objectiveId', e.target.value)} {...invalidProps('objectiveId')}>
          <option value="">{t('exercises.report.noObjective')}</option>
          {objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
          {/* An objective the scenario no longer has stays visible, so that saving says what is wrong. */}
          {item.objectiveId !== '' && !objectives.some((o) => o.id === item.objectiveId) && <option value={item.objectiveId}>{item.objectiveId}</option>}
        </select>
        {label('priority')}
        <select id={cellId('priority')} className="ex-input ex-plan__priority" value={item.priority} onChange={(e) => onChange('priority', e.target.value)} {...invalidProps('priority')}>
          <option value="">{t('exercises.report.noPriority')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`exercises.report.priorityLevel.${p}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="ex-plan__actions">
        <button type="button" className="button button--quiet" aria-label={t('exercises.report.removeItem', { n })} onClick={onRemove}>
          {t('exercises.report.remove')}
        </button>
      </td>
    </tr>
  );
}
