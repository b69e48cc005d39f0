import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { INJECT_KINDS, type InjectKind } from '../../../../shared/exercise/scenario';
import type { Problem } from '../../../../shared/errors';
import { useExercises } from './store';
import './white-card.css';
import { closeOnEscape } from '../../ui/escape';

/**
 * A white card: an inject the facilitator writes during play (kind, title, text). It joins
 * the exercise's timeline, due now, and is released like the others; the record and the
 * report keep it. A delegation whose kit is out gets it sealed in a kit update: Issue kits again.
 */
export function WhiteCardForm({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const addWhiteCard = useExercises((s) => s.addWhiteCard);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<InjectKind>('partner-message');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const id = useId();
  const kits = view.delegations.filter((d) => d.kit !== null).map((d) => d.name);
  const ended = view.clock.status === 'ended';

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    setProblems([]);
    requestAnimationFrame(() => opener.current?.focus());
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const missing: Problem[] = [
      ...(title.trim() === '' ? [{ path: 'title', message: t('exercises.whiteCard.needTitle') }] : []),
      ...(body.trim() === '' ? [{ path: 'body', message: t('exercises.whiteCard.needBody') }] : []),
    ];
    if (missing.length > 0) {
      setProblems(missing);
      document.getElementById(`${id}-${missing[0]!.path}`)?.focus();
      return;
    }
    setBusy(true);
    const answer = await addWhiteCard(kind, title, body);
    setBusy(false);
    if ('problems' in answer) {
      setProblems(answer.problems);
      return;
    }
    setTitle('');
    setBody('');
    setProblems([]);
    setOpen(false);
    // To the new card in the timeline, where it is released.
    requestAnimationFrame(() => {
      const heading = document.getElementById(`inject-${answer.id}-title`);
      heading?.scrollIntoView({ block: 'center' });
      heading?.focus({ preventScroll: true });
    });
  };

  const at = (path: string): readonly Problem[] => problems.filter((p) => p.path === path);
  const elsewhere = problems.filter((p) => !['kind', 'title', 'body'].includes(p.path));
  const fieldProps = (path: string) => {
    const here = at(path);
    return {
      id: `${id}-${path}`,
      'aria-invalid': here.length > 0 ? true : undefined,
      'aria-describedby': here.length > 0 ? `${id}-${path}-error` : undefined,
    };
  };
  const errorOf = (path: string) =>
    at(path).length > 0 && (
      <p id={`${id}-${path}-error`} className="ex-field__error">
        {at(path).map((p) => p.message).join(' · ')}
      </p>
    );

  if (ended) return null;
  if (!open) {
    return (
      <div className="ex-white">
        <button ref={opener} type="button" className="button" aria-expanded={false} onClick={() => setOpen(true)}>
          + {t('exercises.whiteCard.open')}
        </button>
        <span className="ex-hint ex-white__hint">{t('exercises.whiteCard.hint')}</span>
      </div>
    );
  }
  return (
    <form
      className="ex-white ex-white--open"
      aria-labelledby={`${id}-title-h`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={closeOnEscape(close)}
      noValidate
    >
      <h3 id={`${id}-title-h`} className="ex-white__title">
        {t('exercises.whiteCard.title')}
      </h3>
      <p className="ex-hint">{t('exercises.whiteCard.intro')}</p>
      {kits.length > 0 && (
        <p className="ex-white__kits" role="note">
          {t('exercises.whiteCard.kits', { names: kits.join(', ') })}
        </p>
      )}
      <div className="ex-white__grid">
        <div className={`ex-field ${at('kind').length > 0 ? 'ex-field--invalid' : ''}`}>
          <label htmlFor={`${id}-kind`}>{t('exercises.editor.kind')}</label>
          <select ref={first} {...fieldProps('kind')} className="ex-input" value={kind} onChange={(e) => setKind(e.target.value as InjectKind)}>
            {INJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`exercises.kind.${k}`)}
              </option>
            ))}
          </select>
          {errorOf('kind')}
        </div>
        <div className={`ex-field ${at('title').length > 0 ? 'ex-field--invalid' : ''}`}>
          <label htmlFor={`${id}-title`}>{t('exercises.editor.injectTitle')}</label>
          <input {...fieldProps('title')} className="ex-input" value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
          {errorOf('title')}
        </div>
      </div>
      <div className={`ex-field ${at('body').length > 0 ? 'ex-field--invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>{t('exercises.editor.injectBody')}</label>
        <textarea {...fieldProps('body')} className="ex-input ex-textarea" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
        {errorOf('body')}
      </div>
      {elsewhere.length > 0 && (
        <ul className="notice notice--error outcome__lines" role="alert">
          {elsewhere.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="ex-form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('exercises.whiteCard.add')}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t('exercises.cancel')}
        </button>
      </div>
    </form>
  );
}
