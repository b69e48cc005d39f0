import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../shared/corpus';
import type { Input } from '../../../shared/ipc/contract';
import { REPORT_FILE_FORMATS, type QuoteLanguageChoice, type ReportFileFormat } from '../../../shared/report/model';
import { api, errorMessage } from '../api';
import { messageLines } from './messages';
import { OutcomeNotice, type Outcome } from './OutcomeNotice';
import './save-report.css';

/** What an after-action report is of: a whole exercise, or one run. */
export type ReportSubject = Input<'saveReport'>['subject'];

/** All languages first: the default, and what a mixed room of delegations reads. */
const LANGUAGE_CHOICES: readonly QuoteLanguageChoice[] = ['all', ...LANGS];

/** Asks the main process for the file and the report; null when the user cancelled the dialog. */
async function saveReport(subject: ReportSubject, format: ReportFileFormat, quoteLanguages: QuoteLanguageChoice): Promise<Outcome | null> {
  try {
    const outcome = await api().saveReport({ subject, format, quoteLanguages });
    return outcome.saved ? { tone: 'ok', key: 'report.savedTo', values: { path: outcome.path }, lines: [] } : null;
  } catch (error) {
    return { tone: 'error', key: 'report.saveFailed', lines: messageLines(errorMessage(error)) };
  }
}

/**
 * The report as a file: the language of the quotations, and one button per format. The main
 * process asks where to save it; a cancelled dialog says nothing, a saved file says where.
 */
export function SaveReport({ subject, note = null, compact = false }: { subject: ReportSubject; note?: ReactNode; compact?: boolean }) {
  const { t } = useTranslation();
  const [languages, setLanguages] = useState<QuoteLanguageChoice>('all');
  const [busy, setBusy] = useState<ReportFileFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const name = useId();

  const save = async (format: ReportFileFormat): Promise<void> => {
    if (busy) return;
    setBusy(format);
    setOutcome(null);
    const result = await saveReport(subject, format, languages);
    setBusy(null);
    setOutcome(result);
  };

  return (
    <div className={`save-report ${compact ? 'save-report--compact' : ''}`}>
      <fieldset className="save-report__langs">
        <legend>{t('report.quotes')}</legend>
        {LANGUAGE_CHOICES.map((choice) => (
          <label key={choice} className="save-report__lang">
            <input type="radio" name={name} value={choice} checked={languages === choice} onChange={() => setLanguages(choice)} />
            {t(`report.lang.${choice}`)}
          </label>
        ))}
      </fieldset>
      {note}
      <div className="save-report__buttons">
        {REPORT_FILE_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            aria-disabled={busy !== null || undefined}
            onClick={() => void save(format)}
          >
            {t(`report.saveAs.${format}`)}
          </button>
        ))}
        <span className="save-report__busy" role="status">
          {busy ? t('report.preparing') : ''}
        </span>
      </div>
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
    </div>
  );
}
