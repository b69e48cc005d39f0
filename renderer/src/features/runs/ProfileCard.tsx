import { useTranslation } from 'react-i18next';
import { CATEGORIES, DIMENSIONS, DIMENSION_IDS } from '../../../../shared/framework/catalogue';
import type { WorkflowContext } from '../../../../shared/workflow/context';
import { assessRun } from '../../../../shared/workflow/rules';
import { LevelFacts } from '../../ui/LevelFacts';
import { RadarChart, type RadarValue } from './RadarChart';
import { WhatWouldChange } from './WhatWouldChange';
import './profile-card.css';

/**
 * The proportionality profile as it stands: the radar of the seven ratings, the overall
 * level with the formula that produced it and the facts it rests on, what single change would
 * move it, and the categories it suggests. Computed by the shared assessment (the same as
 * `cdt assess` and the machine), never here.
 */
export function ProfileCard({ context }: { context: WorkflowContext }) {
  const { t } = useTranslation();
  const assessment = assessRun(context);
  const values: RadarValue[] = DIMENSION_IDS.map((id) => ({
    id,
    achieved: context.ratings[id]?.value ?? null,
    potential: context.attempt ? context.attempt.potential[id] : null,
  }));
  const rated = values.filter((v) => v.achieved !== null).length;
  const list = values
    .map((v) => {
      const name = DIMENSIONS[v.id].label.toLowerCase();
      const value = v.achieved === null ? t('runs.radar.notRated') : String(v.achieved);
      return v.potential !== null ? t('runs.radar.withPotential', { name, value, potential: v.potential }) : `${name} ${value}`;
    })
    .join(', ');
  const description = assessment
    ? t('runs.radar.description', { list, level: assessment.level })
    : t('runs.radar.descriptionNoLevel', { list });

  return (
    <section className="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="profile__heading">
        {t('runs.profile.heading')}
      </h2>
      <RadarChart values={values} description={description} />
      {assessment ? (
        <>
          <p className="profile__level" data-testid="overall-level">
            <span className="profile__level-label">{t('runs.profile.level')}</span>
            <span className="profile__level-value">{assessment.level}</span>
            <span className="profile__level-of">{t('runs.profile.of4')}</span>
          </p>
          <details className="profile__formula" open>
            <summary>{t('runs.profile.formula')}</summary>
            <p>{assessment.formula}</p>
          </details>
          <LevelFacts facts={assessment.facts} title={t('runs.profile.facts')} />
          <WhatWouldChange change={assessment.whatWouldChange} />
          <h3 className="profile__subheading">{t('runs.profile.categories')}</h3>
          <ul className="profile__categories">
            {assessment.categories.map((c) => (
              <li
                key={c.id}
                className={['category-line', c.proportionate ? 'category-line--in' : '', c.proportionate && !c.available ? 'category-line--unavailable' : ''].filter(Boolean).join(' ')}
                data-category={c.id}
              >
                <span className="category-line__mark" aria-hidden="true">
                  {c.proportionate ? '✓' : '–'}
                </span>
                <span>
                  {CATEGORIES[c.id].label}
                  <span className="visually-hidden">: </span>
                  <span className="category-line__state">
                    {!c.proportionate
                      ? t('runs.profile.notSuggested')
                      : c.available
                        ? t('runs.profile.suggested')
                        : t('runs.profile.suggestedUnavailable')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <p className="profile__note">{t('runs.profile.decides')}</p>
        </>
      ) : (
        <p className="profile__pending">
          {context.attribution === null ? t('runs.profile.noAttribution') : t('runs.profile.pending', { rated, total: DIMENSION_IDS.length })}
        </p>
      )}
    </section>
  );
}
