import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../../shared/workflow/runs';
import { ActionButton } from './ActionButton';
import { TextField } from './fields';
import { formatWhen } from '../../ui/format';
import { newId } from '../../ui/ids';
import { remarksInOrder } from './model';
import { useWritable } from './store';
import './remarks.css';

/** Notes and dissent, recorded at any step and listed with the step they were made in. */
export function Remarks({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const remarks = remarksInOrder(run.snapshot.context);
  const writable = useWritable();
  const [id, setId] = useState(() => newId());
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const payload = { id, text, ...(author.trim() === '' ? {} : { author: author.trim() }) };
  const reset = (): void => {
    setId(newId());
    setText('');
  };
  return (
    <section className="card remarks" aria-labelledby="remarks-heading">
      <h2 id="remarks-heading" className="card__title">
        {t('runs.remarks.heading', { count: remarks.length })}
      </h2>
      <p className="card__text">{t('runs.remarks.intro')}</p>
      {remarks.length > 0 && (
        <ol className="remarks__list">
          {remarks.map((r) => (
            <li key={r.id} className={`remark remark--${r.kind}`}>
              <p className="remark__meta">
                <span className={`tag ${r.kind === 'dissent' ? 'tag--dissent' : ''}`}>{t(`runs.remarks.${r.kind}`)}</span>
                <span>{t('runs.remarks.atStep', { step: t(`runs.steps.${r.step}`) })}</span>
                {r.author && <span>· {r.author}</span>}
                <span className="muted">· {formatWhen(r.at)}</span>
              </p>
              <p className="remark__text">{r.text}</p>
            </li>
          ))}
        </ol>
      )}
      {writable && (
        <div className="remarks__form">
          <TextField label={t('runs.remarks.text')} value={text} onChange={setText} multiline rows={2} />
          <div className="remarks__row">
            <TextField label={t('runs.remarks.author')} hint={t('runs.remarks.authorHint')} value={author} onChange={setAuthor} />
            <div className="remarks__buttons">
              <ActionButton event={{ type: 'NOTE.ADD', ...payload }} onSent={reset}>
                {t('runs.remarks.addNote')}
              </ActionButton>
              <ActionButton event={{ type: 'DISSENT.ADD', ...payload }} onSent={reset}>
                {t('runs.remarks.addDissent')}
              </ActionButton>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
