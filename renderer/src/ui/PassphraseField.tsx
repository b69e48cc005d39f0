import { useId, type ReactNode, type Ref } from 'react';
import { PASSPHRASE_LIMITS } from '../../../shared/exchange/format';
import './passphrase-field.css';

/**
 * A passphrase as people type it in a room: hidden unless `shown`, never offered to a
 * password manager or a spelling checker, with its hint and its problem said beside it.
 */
export function PassphraseField({
  label,
  value,
  onChange,
  hint = null,
  error = null,
  shown = false,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  shown?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '').join(' ');
  return (
    <div className={error ? 'passphrase passphrase--invalid' : 'passphrase'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        className="input passphrase__input"
        type={shown ? 'text' : 'password'}
        value={value}
        maxLength={PASSPHRASE_LIMITS.max}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
