import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { useNavigation } from './navigation';

/** Asks before a move would leave unsaved changes behind (ui/navigation's leave guard). */
export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useNavigation((s) => s.pendingLeave);
  const unsaved = useNavigation((s) => s.unsaved);
  const { confirmLeave, cancelLeave } = useNavigation.getState();
  if (!pending || unsaved === null) return null;
  return (
    <ConfirmDialog
      title={t('leave.title')}
      confirmLabel={t('leave.confirm')}
      cancelLabel={t('leave.cancel')}
      danger
      onCancel={cancelLeave}
      onConfirm={confirmLeave}
    >
      <p>{t('leave.body', { what: t(unsaved) })}</p>
    </ConfirmDialog>
  );
}
