import { useTranslation } from 'react-i18next';
import type { Tlp } from '../../../shared/exercise/scenario';
import './exercise-banner.css';

/** A CSS-safe modifier for each TLP level ("TLP:AMBER+STRICT" -> "amber-strict"). */
export const tlpClass = (tlp: Tlp): string => `tlp--${tlp.slice(4).toLowerCase().replace('+', '-')}`;

/** The TLP label as FIRST prints it: coloured text on black, so it reads without the colour too. */
export function TlpLabel({ tlp }: { tlp: Tlp }) {
  return <span className={`tlp ${tlpClass(tlp)}`}>{tlp}</span>;
}

/**
 * The band across every exercise screen: this is an exercise, and its material is marked.
 * Without a scenario (the lists), it still says EXERCISE.
 */
export function ExerciseBanner({ marking, tlp }: { marking?: string; tlp?: Tlp }) {
  const { t } = useTranslation();
  return (
    <div className={`exercise-banner ${tlp ? `exercise-banner--${tlpClass(tlp).slice(5)}` : ''}`} role="note" aria-label={t('exercises.banner.label')}>
      <span className="exercise-banner__word">{t('exercises.banner.exercise')}</span>
      {marking !== undefined && (
        <span className="exercise-banner__marking">{marking.trim() === '' ? t('exercises.banner.noMarking') : marking}</span>
      )}
      {tlp && (
        <span className="exercise-banner__tlp">
          <span className="visually-hidden">{t('exercises.banner.tlp')} </span>
          <TlpLabel tlp={tlp} />
        </span>
      )}
      <span className="exercise-banner__word exercise-banner__word--end" aria-hidden="true">
        {t('exercises.banner.exercise')}
      </span>
    </div>
  );
}
