import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKeys } from '../i18n/format';
import './find-field.css';

/**
 * Finds in a list as the user types (Ctrl/Cmd+F takes the focus here: `focusKey` is bumped).
 * Escape empties it.
 */
export function FindField({
  label,
  placeholder,
  query,
  onQuery,
  focusKey,
}: {
  label: string;
  placeholder: string;
  query: string;
  onQuery: (query: string) => void;
  focusKey: number;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (focusKey > 0) input.current?.select();
  }, [focusKey]);
  return (
    <div className="find-field" role="search">
      <label htmlFor={id} className="find-field__label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="input find-field__input"
        type="search"
        value={query}
        maxLength={200}
        placeholder={placeholder}
        aria-describedby={`${id}-keys`}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      <span id={`${id}-keys`} className="hint find-field__keys">
        {t('find.keys', { keys: shortcutKeys('F') })}
      </span>
    </div>
  );
}
