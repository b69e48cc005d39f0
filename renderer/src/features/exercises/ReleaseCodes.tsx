import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { Modal } from '../../ui/Modal';
import { useExercises } from './store';
import './release-codes.css';

/**
 * A release code as it is read aloud: large, monospace, its groups apart as the main process
 * gives them. A screen reader hears it letter by letter, group by group.
 */
function Code({ code }: { code: string }) {
  const groups = code.split('-');
  return (
    <span className="ex-code" data-code={code}>
      <span aria-hidden="true">
        {groups.map((g, i) => (
          <span key={i}>
            {i > 0 && <span className="ex-code__dash">-</span>}
            <span className="ex-code__group">{g}</span>
          </span>
        ))}
      </span>
      <span className="visually-hidden">{groups.map((g) => g.split('').join(' ')).join(', ')}</span>
    </span>
  );
}

/**
 * After a release to delegations whose kit is out: each one's code, for the facilitator to
 * read out or hand on a slip. The inject opens only on that delegation's laptop, by its code.
 */
export function ReleaseCodesDialog({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const shown = useExercises((s) => (s.showingCodes?.exerciseId === view.id ? s.showingCodes : null));
  const closeCodes = useExercises((s) => s.closeCodes);
  const close = useRef<HTMLButtonElement>(null);
  if (!shown) return null;
  const title = view.scenario.injects.find((i) => i.id === shown.injectId)?.title ?? shown.injectId;
  return (
    <Modal
      wide
      title={t('exercises.codes.title', { title })}
      intro={<p>{t('exercises.codes.intro', { count: shown.codes.length })}</p>}
      onClose={closeCodes}
      initialFocus={close}
      // The release button is gone once every delegation has the inject: the timeline takes the focus.
      onFocusLost={() => document.getElementById(`inject-${shown.injectId}-title`)?.focus()}
      actions={
        <button ref={close} type="button" className="button button--primary" onClick={closeCodes}>
          {t('exercises.codes.close')}
        </button>
      }
    >
      <table className="ex-codes">
        <caption className="visually-hidden">{t('exercises.codes.caption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exercises.codes.delegation')}</th>
            <th scope="col">{t('exercises.codes.code')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.codes.map((c) => (
            <tr key={c.delegationId} data-code-for={c.delegation}>
              <th scope="row">{c.delegation}</th>
              <td>
                <Code code={c.code} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ex-codes__note">{t('exercises.codes.note')}</p>
    </Modal>
  );
}
