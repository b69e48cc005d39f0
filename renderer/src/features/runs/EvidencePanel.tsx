import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LANG_CHOICES } from '../../../../shared/corpus';
import {
  CATEGORIES,
  CATEGORY_IDS,
  DIMENSIONS,
  DIMENSION_IDS,
  PRINCIPLES,
  PRINCIPLE_IDS,
  type StepId,
} from '../../../../shared/framework/catalogue';
import type { EvidenceItem } from '../../../../shared/framework/evidence';
import type { ResolvedLink } from '../../../../shared/framework/evidence';
import { anchorLabel } from '../../ui/anchorLabel';
import { CiteButton } from '../../ui/CiteButton';
import type { Loaded } from '../../ui/loaded';
import { ParagraphText } from '../../ui/ParagraphText';
import { evidenceSections, isMultilingual, itemKey, linkKey, paragraphsToShow, type EvidenceLang } from './model';
import { useRuns } from './store';
import './evidence-panel.css';

/** The parts of a step that carry their own evidence: what the "Show paragraphs for" choice offers. */
function subItems(step: StepId): readonly EvidenceItem[] {
  switch (step) {
    case 'proportionality':
      return DIMENSION_IDS.map((id) => ({ kind: 'dimension', id }) as const);
    case 'measures':
      return [
        ...CATEGORY_IDS.map((id) => ({ kind: 'category', id }) as const),
        ...PRINCIPLE_IDS.map((id) => ({ kind: 'principle', id }) as const),
      ];
    default:
      return [];
  }
}

export function itemName(t: TFunction, item: EvidenceItem): string {
  switch (item.kind) {
    case 'step':
      return t(`runs.steps.${item.id}`);
    case 'dimension':
      return DIMENSIONS[item.id].label;
    case 'category':
      return CATEGORIES[item.id].label;
    case 'principle':
      return t('runs.evidence.principle', { n: PRINCIPLES[item.id].indent, label: PRINCIPLES[item.id].label });
    case 'screen':
      return item.id;
    default:
      return item satisfies never;
  }
}

const LOADING: Loaded<readonly ResolvedLink[]> = { status: 'loading' };

/**
 * The paragraphs of the conclusions that support the step, verbatim, primary ones first;
 * the part of the step being worked on (a dimension, a category, a principle) comes first.
 * 10474/17 can be read in Dutch, in Latvian, or both side by side.
 */
export function EvidencePanel({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const focus = useRuns((s) => s.evidenceFocus);
  const setFocus = useRuns((s) => s.setEvidenceFocus);
  const lang = useRuns((s) => s.evidenceLang);
  const setLang = useRuns((s) => s.setEvidenceLang);
  const loadEvidence = useRuns((s) => s.loadEvidence);
  const stepItem: EvidenceItem = { kind: 'step', id: step };
  const options = subItems(step);
  const sub = focus && options.some((o) => itemKey(o) === itemKey(focus)) ? focus : null;
  const stepEvidence = useRuns((s) => s.evidence[itemKey(stepItem)] ?? LOADING);
  const subEvidence = useRuns((s) => (sub ? (s.evidence[itemKey(sub)] ?? LOADING) : null));
  const selectId = useId();
  const headingId = useId();

  useEffect(() => {
    void loadEvidence({ kind: 'step', id: step });
  }, [loadEvidence, step]);
  useEffect(() => {
    if (sub) void loadEvidence(sub);
  }, [loadEvidence, sub]);

  const error = [stepEvidence, subEvidence].find((e) => e?.status === 'error');
  const loading = stepEvidence.status === 'loading' || subEvidence?.status === 'loading';
  const sections =
    stepEvidence.status === 'ready' && (!subEvidence || subEvidence.status === 'ready')
      ? evidenceSections([...(sub && subEvidence?.status === 'ready' ? [{ item: sub, links: subEvidence.value }] : []), { item: stepItem, links: stepEvidence.value }])
      : [];
  const anyMultilingual = sections.some((s) => s.links.some(isMultilingual));

  return (
    <section className="evidence" aria-labelledby={headingId}>
      <h2 id={headingId} className="evidence__heading">
        {t('runs.evidence.heading')}
      </h2>
      <p className="evidence__intro">{t('runs.evidence.intro')}</p>
      <div className="evidence__controls">
        {options.length > 0 && (
          <div className="evidence__for">
            <label htmlFor={selectId}>{t('runs.evidence.for')}</label>
            <select
              id={selectId}
              className="input"
              value={sub ? itemKey(sub) : ''}
              onChange={(e) => setFocus(options.find((o) => itemKey(o) === e.target.value) ?? null)}
            >
              <option value="">{t('runs.evidence.forStep', { step: t(`runs.steps.${step}`) })}</option>
              {options.map((o) => (
                <option key={itemKey(o)} value={itemKey(o)}>
                  {itemName(t, o)}
                </option>
              ))}
            </select>
          </div>
        )}
        {anyMultilingual && <LanguageChoice value={lang} onChange={setLang} />}
      </div>
      {error?.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('runs.evidence.error', { message: error.message })}
        </p>
      )}
      {loading && <p className="muted">{t('runs.evidence.loading')}</p>}
      {sections.map((section) => (
        <div key={itemKey(section.item)} className="evidence__section">
          <h3 className="evidence__section-title">{itemName(t, section.item)}</h3>
          {section.links.length === 0 ? (
            <p className="muted">{t('runs.evidence.noneOfItsOwn')}</p>
          ) : (
            <ul className="evidence__links">
              {section.links.map((link) => (
                <EvidenceLinkView key={linkKey(link)} link={link} lang={lang} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

function LanguageChoice({ value, onChange }: { value: EvidenceLang; onChange: (lang: EvidenceLang) => void }) {
  const { t } = useTranslation();
  const choices: readonly { id: EvidenceLang; label: string }[] = LANG_CHOICES.map((id) => ({
    id,
    label: id === 'all' ? t('runs.evidence.sideBySide') : t(`lang.${id}`),
  }));
  return (
    <div className="evidence__lang">
      <span className="evidence__lang-label" id="evidence-lang-label">
        {t('runs.evidence.language')}
      </span>
      <div className="segmented segmented--small" role="group" aria-labelledby="evidence-lang-label">
        {choices.map((c) => (
          <button key={c.id} type="button" aria-pressed={value === c.id} onClick={() => onChange(c.id)}>
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function EvidenceLinkView({ link, lang }: { link: ResolvedLink; lang: EvidenceLang }) {
  const { t } = useTranslation();
  const shown = paragraphsToShow(link, lang);
  const first = shown[0];
  const label = first ? anchorLabel(t, first) : link.anchor;
  return (
    <li className={link.primary ? 'evidence-link evidence-link--primary' : 'evidence-link'}>
      <div className="evidence-link__head">
        <span className="evidence-link__ref">
          {link.docRef} {label}
        </span>
        {link.primary && <span className="badge badge--primary">{t('runs.evidence.primary')}</span>}
      </div>
      <p className="evidence-link__note">
        <span className="evidence-link__gloss">{t('runs.evidence.gloss')}</span> {link.note}
      </p>
      {shown.length === 0 && <p className="muted">{t('runs.evidence.missing')}</p>}
      {/* A document not held in the chosen language is shown in its own, and says so. */}
      {lang !== 'all' && first && first.lang !== lang && (
        <p className="muted">{t('runs.evidence.notInLang', { lang: t(`lang.${lang}`), shown: t(`lang.${first.lang}`) })}</p>
      )}
      <div className={shown.length > 1 ? 'evidence-link__texts evidence-link__texts--pair' : 'evidence-link__texts'}>
        {shown.map((p) => (
          <div key={p.lang} className="evidence-link__text-block">
            <span className="evidence-link__lang">{t(`lang.${p.lang}`)}</span>
            {/* Verbatim, its sub-paragraphs apart, and with the footnotes its markers call: a quotation carries them. */}
            <blockquote className="evidence-link__text" lang={p.lang}>
              <ParagraphText text={p.text} marks={p.footnoteMarks} lang={p.lang} className="evidence-link__para" />
              {p.notes.length > 0 && (
                <ol className="evidence-link__notes" aria-label={t('runs.evidence.footnotes')}>
                  {p.notes.map((f) => (
                    <li key={f.n} value={f.n}>
                      {f.text}
                      {f.inferred && <span className="muted"> ({t('reader.footnoteInferred')})</span>}
                    </li>
                  ))}
                </ol>
              )}
            </blockquote>
            <CiteButton docRef={p.docRef} lang={p.lang} paragraph={p} notes={p.notes} label={`${p.docRef} ${anchorLabel(t, p)}`} />
          </div>
        ))}
      </div>
    </li>
  );
}
