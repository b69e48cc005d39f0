import { useEffect } from 'react';

/**
 * A new view starts at its top with the focus on its heading, so that neither the eye nor a
 * screen reader begins in the middle of a page the user never saw. A field the view itself
 * focused on purpose (the search box Ctrl+K opens, a new run's name) keeps the focus.
 */
export function startAtTop(): void {
  window.scrollTo({ top: 0, left: 0 });
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.matches('input, textarea, select') && active.closest('main')) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

/** Starts the view at its top when it appears, and again whenever `key` changes. */
export function useStartAtTop(key: unknown = null): void {
  useEffect(() => {
    startAtTop();
  }, [key]);
}
