import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../../shared/workflow/runs';
import { HotWashForm } from '../../ui/HotWashForm';
import { check, latestSnapshot } from './snapshot';
import { useRuns, useWritable } from './store';
import './run-hot-wash.css';

/**
 * Where the hot wash is, on the run page: shown with the decision, and reachable at any time
 * from the bar (feedback may come before a decision, or from a delegation that never takes one).
 */
export function useHotWashPanel(): { open: boolean; asked: number; show(): void; close(): void } {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(0);
  return {
    open,
    asked,
    show: () => {
      setOpen(true);
      setAsked((n) => n + 1);
    },
    close: () => setOpen(false),
  };
}

export function HotWashButton({ run, onOpen }: { run: RunView; onOpen(): void }) {
  const { t } = useTranslation();
  const given = run.snapshot.context.hotWash !== null;
  return (
    <button type="button" className="button button--quiet run-hot-wash__open" onClick={onOpen}>
      {t('consensus.hotWash.open')}
      {given && <span className="run-hot-wash__given"> · ✓ {t('consensus.hotWash.given')}</span>}
    </button>
  );
}

export function RunHotWash({ run, asked, onClose }: { run: RunView; asked: number; onClose?: () => void }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  const writable = useWritable();
  const heading = useRef<HTMLHeadingElement>(null);

  // Asked for from the bar: to it, and the focus on its heading, so the next Tab is its first field.
  useEffect(() => {
    if (asked === 0) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [asked]);

  return (
    <section id="run-hot-wash" className="card run-hot-wash" aria-labelledby="run-hot-wash-title">
      <div className="run-hot-wash__head">
        <h2 id="run-hot-wash-title" ref={heading} className="card__title run-hot-wash__title" tabIndex={-1}>
          {t('consensus.hotWash.heading')}
        </h2>
        {onClose && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              onClose();
              // Back to the bar's button that opened it.
              requestAnimationFrame(() => document.querySelector<HTMLElement>('.run-hot-wash__open')?.focus());
            }}
          >
            {t('consensus.hotWash.close')}
          </button>
        )}
      </div>
      <p className="card__text">{t('consensus.hotWash.intro')}</p>
      <HotWashForm
        key={run.id}
        current={run.snapshot.context.hotWash}
        source="delegation"
        editable={writable}
        reasonsNow={(event) => check(latestSnapshot(), event).reasons}
        onSubmit={async (event) => {
          const result = await send(event);
          // Refused: the run page's toast says why, as for every other event.
          return result?.accepted ? null : [];
        }}
      />
    </section>
  );
}
