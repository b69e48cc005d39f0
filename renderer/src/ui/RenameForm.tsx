import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './rename-form.css';
import { closeOnEscape } from './escape';

/**
 * Renames something in place (a run, a delegation): the name selected on opening, Escape or
 * Cancel to leave it as it was, and a refusal said next to the field with the typed name kept.
 * The caller shows the form while renaming and puts the focus back on its Rename button on close.
 */
export function RenameForm({
  current,
  maxLength,
  inputClassName = 'input',
  save,
  close,
}: {
  current: string;
  maxLength: number;
  inputClassName?: string;
  /** null when saved; else what the main process said is wrong. */
  save: (name: string) => Promise<string | null>;
  close: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => input.current?.select(), []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (name.trim() === current) return close();
    const problem = await save(name);
    if (problem) setError(problem);
    else close();
  };

  return (
    <form className="rename" onSubmit={(e) => void submit(e)}>
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        {t('rename.label', { name: current })}
      </label>
      <input
        ref={input}
        id={`${id}-name`}
        className={inputClassName}
        type="text"
        value={name}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={closeOnEscape(close)}
      />
      <button type="submit" className="button button--primary">
        {t('rename.save')}
      </button>
      <button type="button" className="button button--quiet" onClick={close}>
        {t('rename.cancel')}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="rename__error">
          {error}
        </p>
      )}
    </form>
  );
}
