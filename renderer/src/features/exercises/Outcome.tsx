import { useTranslation } from 'react-i18next';
import type { Outcome } from './store';

/**
 * What a file action or a refused change came to, in full: the main process's lines name
 * the file, the field and the problem, so none of them is cut or summarised.
 */
export function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const error = outcome.tone === 'error';
  return (
    <div className={`notice ex-outcome ${error ? 'notice--error' : 'ex-outcome--ok'}`} role={error ? 'alert' : 'status'}>
      <div className="ex-outcome__head">
        <p className="notice__title">{t(`exercises.${outcome.key}`, outcome.values)}</p>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('exercises.dismiss')}
        </button>
      </div>
      {outcome.lines.length > 0 && (
        <ul className="ex-outcome__lines">
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
