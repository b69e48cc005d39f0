import { useTranslation } from 'react-i18next';
import type { WhatWouldChange as Shifts } from '../../../../shared/framework/outcome';
import './what-would-change.css';

/**
 * The smallest change of one rating or one fact that would open the next category or close
 * the highest open one: what a disagreement at the table is about.
 */
export function WhatWouldChange({ change }: { change: Shifts }) {
  const { t } = useTranslation();
  const shifts = [change.open, change.close].flatMap((s) => (s === null ? [] : [s]));
  if (shifts.length === 0) return null;
  return (
    <div className="what-would-change">
      <p className="what-would-change__title">{t('runs.profile.whatWouldChange')}</p>
      <ul className="what-would-change__list">
        {shifts.map((s) => (
          <li key={s.direction} data-direction={s.direction}>
            {s.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
