import { useTranslation } from 'react-i18next';
import './outcome-notice.css';

/** The outcome of a file action or a refused change, for the screen to show in full. */
export interface Outcome {
  readonly tone: 'ok' | 'error';
  /** The i18n key of its first line, and its values. */
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** The main process's own lines (file, field and problem), shown as a list. */
  readonly lines: readonly string[];
}

/**
 * What a file action or a refused change came to, in full: the main process's lines name
 * the file, the field and the problem, so none of them is cut or summarised.
 */
export function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const error = outcome.tone === 'error';
  return (
    <div className={`notice outcome ${error ? 'notice--error' : 'outcome--ok'}`} role={error ? 'alert' : 'status'}>
      <div className="outcome__head">
        <p className="notice__title">{t(outcome.key, outcome.values)}</p>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('outcome.dismiss')}
        </button>
      </div>
      {outcome.lines.length > 0 && (
        <ul className="outcome__lines">
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
