import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './confirm-dialog.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog. The native dialog makes the rest of the page inert and turns Escape into
 * "close"; Tab and Shift+Tab are kept inside it as well (an Electron window has no browser
 * chrome for the focus to escape to). The focus starts on `initialFocus` (else the first
 * control) and returns to where it was when the dialog closes; when that control is gone
 * (a release button that disappears with the release), `onFocusLost` says where instead.
 */
export function Modal({
  title,
  intro,
  children,
  actions,
  onClose,
  initialFocus,
  onFocusLost,
  wide = false,
}: {
  title: string;
  /** What the dialog is for, read out when it opens; without it, the whole body is. */
  intro?: ReactNode;
  children: ReactNode;
  /** The buttons at its foot. */
  actions: ReactNode;
  /** Escape, or the dialog's own Cancel/Close. */
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  onFocusLost?: () => void;
  wide?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const introId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const onFocusLostRef = useRef(onFocusLost);
  onFocusLostRef.current = onFocusLost;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return undefined;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (!el.open) el.showModal();
    (initialFocus?.current ?? el.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onCancelEvent = (e: Event): void => {
      e.preventDefault(); // we close it ourselves, through React
      onCloseRef.current();
    };
    el.addEventListener('cancel', onCancelEvent);
    return () => {
      el.removeEventListener('cancel', onCancelEvent);
      if (el.open) el.close();
      // Back to the control that opened the dialog, if it is still there.
      if (opener?.isConnected) opener.focus();
      else onFocusLostRef.current?.();
    };
    // The focus is placed once, when the dialog opens.
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>): void => {
    if (e.key !== 'Tab') return;
    const items = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={dialog} className={wide ? 'dialog dialog--wide' : 'dialog'} aria-labelledby={titleId} aria-describedby={intro ? introId : bodyId} onKeyDown={trapTab}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {intro && (
          <div id={introId} className="dialog__intro">
            {intro}
          </div>
        )}
        {children}
      </div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
