import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressBridge, WorkProgress as Progress } from '../../../shared/ipc/contract';
import './work-progress.css';

declare global {
  interface Window {
    /** Present in the desktop app, where long work runs in a worker thread. */
    readonly cdtWork?: ProgressBridge;
  }
}

/**
 * Where long work in the main process is (an import of a large package): a bar at the foot of
 * the window, announced politely to screen readers. The window stays usable meanwhile.
 */
export function WorkProgress() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => window.cdtWork?.onProgress(setProgress), []);
  if (progress === null) return null;
  const label = t(`work.${progress.task}`);
  return (
    <div className="work-progress" role="status">
      <span className="work-progress__text">
        {label}: {t(`work.step.${progress.step}`)} ({t('work.of', { done: progress.done + 1, total: progress.total })})
      </span>
      <progress className="work-progress__bar" value={progress.done} max={progress.total} aria-label={label} />
    </div>
  );
}
