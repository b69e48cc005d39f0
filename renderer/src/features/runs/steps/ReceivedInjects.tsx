import { useTranslation } from 'react-i18next';
import type { ScenarioInject } from '../../../../../shared/exercise/scenario';
import type { Finding, Inject, WorkflowContext } from '../../../../../shared/workflow/context';
import type { RunView } from '../../../../../shared/workflow/runs';
import { formatClock, formatWhen } from '../../../ui/format';
import { newId } from '../../../ui/ids';
import { ActionButton } from '../ActionButton';
import { useRuns, useWritable } from '../store';
import './received-injects.css';

type Suggested = NonNullable<ScenarioInject['suggestedFindings']>[number];

// One empty list for every selector that finds none: a new one each time would never settle.
const NONE: readonly Suggested[] = [];

const adopted = (findings: readonly Finding[], s: Suggested): boolean =>
  findings.some((f) => f.text.trim() === s.text.trim() && f.source.trim() === s.source.trim());

/**
 * The injects the facilitator released to this run, newest first: each marked new until the
 * delegation has read it, with its exercise time and the wall clock, marked when the
 * facilitator withdrew it, and the findings its scenario suggests, each adopted in one action.
 */
export function ReceivedInjects({ run, editable }: { run: RunView; editable: boolean }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const fresh = useRuns((s) => context.injects.filter((i) => !(s.readInjects[run.id] ?? []).includes(i.id)).length);
  return (
    <section className="card card--inject" aria-labelledby="injects-heading">
      <h3 id="injects-heading" className="card__title">
        {t('runs.awareness.injects')}
        {fresh > 0 && <span className="status inject-new-count">{t('runs.injects.newCount', { count: fresh })}</span>}
      </h3>
      <ol className="received" reversed>
        {[...context.injects].reverse().map((i) => (
          <InjectItem key={i.id} runId={run.id} inject={i} context={context} editable={editable} />
        ))}
      </ol>
    </section>
  );
}

function InjectItem({ runId, inject, context, editable }: { runId: string; inject: Inject; context: WorkflowContext; editable: boolean }) {
  const { t } = useTranslation();
  const read = useRuns((s) => (s.readInjects[runId] ?? []).includes(inject.id));
  const markRead = useRuns((s) => s.markRead);
  const elapsed = useRuns((s) => s.exercise?.injectTimes[inject.id]);
  const withdrawn = useRuns((s) => s.exercise?.withdrawn.find((w) => w.injectId === inject.id) ?? null);
  const suggested = useRuns((s) => s.exercise?.context?.suggestedFindings[inject.id]) ?? NONE;
  const writable = useWritable();
  const titleId = `received-${inject.id}`;
  const classes = ['received__item', read ? '' : 'received__item--new', withdrawn ? 'received__item--withdrawn' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} aria-labelledby={titleId} data-received={inject.id}>
      <p className="received__head">
        {!read && <span className="received__new">{t('runs.injects.new')}</span>}
        {withdrawn && <span className="received__withdrawn-tag">{t('runs.injects.withdrawnTag')}</span>}
        <span id={titleId} className="received__title">
          {inject.title}
        </span>
      </p>
      <p className="received__when">
        {elapsed !== undefined && (
          <>
            <span className="received__clock">{t('runs.injects.atClock', { time: formatClock(elapsed) })}</span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <time dateTime={inject.at}>{formatWhen(inject.at)}</time>
      </p>
      {withdrawn && (
        <p className="received__withdrawn" role="note">
          {t('runs.injects.withdrawn', { when: formatWhen(withdrawn.at) })}
        </p>
      )}
      {inject.body && <p className="received__body">{inject.body}</p>}
      {!withdrawn && suggested.length > 0 && (
        <div className="suggested">
          <p className="suggested__title">{t('runs.injects.suggested', { count: suggested.length })}</p>
          <ul className="suggested__list">
            {suggested.map((s, n) => (
              <li key={n} className="suggested__item">
                <div className="suggested__body">
                  <p className="suggested__text">{s.text}</p>
                  <p className="suggested__meta">
                    {t('runs.awareness.sourceIs')} {s.source} · <span className={`confidence confidence--${s.confidence}`}>{t(`runs.confidence.${s.confidence}`)}</span>
                  </p>
                </div>
                {adopted(context.findings, s) ? (
                  <span className="tag tag--selected">{t('runs.injects.adopted')}</span>
                ) : (
                  editable && (
                    <ActionButton
                      event={{ type: 'FINDING.ADD', id: newId(), text: s.text, source: s.source, confidence: s.confidence }}
                      onSent={() => markRead(runId, inject.id)}
                    >
                      {t('runs.injects.adopt')}
                      <span className="visually-hidden"> {t('runs.injects.adoptHidden', { text: s.text })}</span>
                    </ActionButton>
                  )
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!read && writable && (
        <button type="button" className="button button--quiet received__read" onClick={() => markRead(runId, inject.id)}>
          {t('runs.injects.markRead')}
          <span className="visually-hidden"> {inject.title}</span>
        </button>
      )}
    </li>
  );
}
