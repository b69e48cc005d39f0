import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LeaveDialog } from '../ui/LeaveDialog';
import { WorkProgress } from '../ui/WorkProgress';
import { useNavigation } from '../ui/navigation';
import { startAtTop } from '../ui/startAtTop';
import { showScreen, useCommands } from './commands';
import { useLastPlace } from './lastPlace';
import { useLiveData } from './live';
import { activeScreen, screens } from './screens';
import './app.css';

/** The shell: a header, the navigation between screens, and the active screen. */
export function App() {
  const { t } = useTranslation();
  const screen = useNavigation((s) => s.screen);
  const main = useRef<HTMLElement>(null);
  useCommands();
  useLastPlace();
  useLiveData();
  // Another screen starts at its top, the focus on its heading (a field it focused on purpose keeps it).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    startAtTop();
  }, [screen]);
  const { Component } = activeScreen(screen);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault(); // no navigation, not even to a fragment
          main.current?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <div className="shell">
        <header className="shell__header">
          <span className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.title')}</span>
          </span>
          <span className="brand__sub">{t('app.subtitle')}</span>
          <span className="shell__offline">{t('app.offline')}</span>
        </header>
        <nav className="shell__nav" aria-label={t('nav.label')}>
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="nav__item"
                  aria-current={s.id === screen ? 'page' : undefined}
                  onClick={() => showScreen(s.id)}
                >
                  {t(s.labelKey)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} className="shell__main">
          <Component />
        </main>
      </div>
      <WorkProgress />
      <LeaveDialog />
    </>
  );
}
