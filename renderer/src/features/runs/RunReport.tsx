import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveReport } from '../../ui/SaveReport';
import './run-report.css';

/** The after-action report of this run alone: out of the way until asked for. */
export function RunReportToggle({ open, panelId, onToggle }: { open: boolean; panelId: string; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet run-report__toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
      {t('runs.report.toggle')}
      <span className="run-report__chevron" aria-hidden="true">
        {open ? '▴' : '▾'}
      </span>
    </button>
  );
}

export function RunReportPanel({ runId, panelId }: { runId: string; panelId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section id={panelId} className="run-report" aria-labelledby={titleId}>
      {/* Not a heading: the panel sits above the run's title, in the bar's place. */}
      <p id={titleId} className="run-report__title">
        {t('runs.report.title')}
      </p>
      <p className="run-report__intro">{t('runs.report.intro')}</p>
      <SaveReport subject={{ kind: 'run', id: runId }} compact />
    </section>
  );
}

/** Open or closed, per run page. */
export function useRunReport(): { open: boolean; panelId: string; toggle(): void } {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return { open, panelId, toggle: () => setOpen((o) => !o) };
}
