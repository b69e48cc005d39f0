import { useRef, type ReactNode } from 'react';
import { Modal } from './Modal';

/**
 * A modal confirmation (ui/Modal: inert page, Escape cancels, Tab kept inside). The focus
 * starts on the safe choice and returns to where it was when the dialog closes.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
  onFocusLost,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where the focus goes when the control that opened the dialog went with what it confirmed. */
  onFocusLost?: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title={title}
      onClose={onCancel}
      initialFocus={cancel}
      onFocusLost={onFocusLost}
      actions={
        <>
          <button ref={cancel} type="button" className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
