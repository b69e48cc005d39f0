import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingEvent } from '../../../../shared/workflow/event-schema';
import type { SendResult } from '../../../../shared/workflow/runs';
import { check, latestSnapshot, useSnapshot } from './snapshot';
import { useRuns, useWritable } from './store';
import './action-button.css';

/**
 * A button that sends one workflow event. The machine decides whether it is enabled; a
 * disabled one stays focusable (aria-disabled) so that trying it explains why not, in the
 * machine's words, next to the button. `reasonsShown` lists the reasons from the start.
 */
export function ActionButton({
  event,
  missing = [],
  reasonsTitle,
  children,
  variant = 'default',
  reasonsShown = false,
  onSent,
  className,
}: {
  /** null while the form cannot make an event yet; `missing` then says what it lacks. */
  event: IncomingEvent | null;
  missing?: readonly string[];
  reasonsTitle?: string;
  children: ReactNode;
  variant?: 'default' | 'primary' | 'quiet' | 'danger';
  reasonsShown?: boolean;
  onSent?: (result: Extract<SendResult, { accepted: true }>) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const send = useRuns((s) => s.send);
  const settled = useRuns((s) => s.settled);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const reasonsId = useId();
  const writable = useWritable();
  const state = event ? check(snapshot, event) : { ok: false, reasons: missing };
  const showReasons = !state.ok && (tried || reasonsShown) && state.reasons.length > 0;

  useEffect(() => {
    if (state.ok) setTried(false);
  }, [state.ok]);

  const onClick = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      // A text the user just left is on its way: judge the click on the run as it will be.
      await settled();
      if (!event || !check(latestSnapshot(), event).ok) {
        setTried(true);
        return;
      }
      const result = await send(event);
      if (result?.accepted) onSent?.(result);
    } finally {
      setBusy(false);
    }
  };

  // A run played on the delegation's own laptop is read here, not changed.
  if (!writable) return null;
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <span className="action">
      <button
        type="button"
        className={classes}
        aria-disabled={!state.ok || busy}
        aria-describedby={showReasons ? reasonsId : undefined}
        onClick={() => void onClick()}
      >
        {children}
      </button>
      {showReasons && (
        <span id={reasonsId} className="action__reasons" role={reasonsShown ? undefined : 'alert'}>
          {reasonsTitle ? (
            <span className="action__reasons-title">{reasonsTitle}</span>
          ) : (
            <span className="visually-hidden">{t('runs.action.notYet')} </span>
          )}
          {state.reasons.length === 1 && !reasonsTitle ? (
            <span>{state.reasons[0]}</span>
          ) : (
            <ul>
              {state.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </span>
      )}
    </span>
  );
}
