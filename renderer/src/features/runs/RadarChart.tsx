import { useTranslation } from 'react-i18next';
import { DIMENSIONS, RATING_VALUES, type DimensionId, type RatingValue } from '../../../../shared/framework/catalogue';
import { labelPlacement, pointsAttr, radarPoints, ringPoints, type RadarFrame } from '../../../../shared/radar';
import './radar-chart.css';

export interface RadarValue {
  readonly id: DimensionId;
  /** null: not rated yet. */
  readonly achieved: RatingValue | null;
  /** The effect an attempt would have had; null when it was not an attempt. */
  readonly potential: RatingValue | null;
}

const FRAME: RadarFrame = { cx: 200, cy: 150, radius: 90, max: 4 };
const WIDTH = 400;
const HEIGHT = 296;
/** Labels are two lines (name, then rating): half their height, and the line offset. */
const LABEL_HALF = 15;
const LINE = 8;

/**
 * The profile of the seven ratings (and, for an attempt, the potential effect), drawn as
 * inline SVG. Screen readers get the values from its label; the table below says the same.
 */
export function RadarChart({ values, description }: { values: readonly RadarValue[]; description: string }) {
  const { t } = useTranslation();
  const n = values.length;
  const achieved = radarPoints(FRAME, values.map((v) => v.achieved));
  const hasPotential = values.some((v) => v.potential !== null);
  const potential = hasPotential ? radarPoints(FRAME, values.map((v) => v.potential ?? v.achieved)) : [];
  const anyRated = values.some((v) => v.achieved !== null);

  return (
    <figure className="radar">
      <svg
        className="radar__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={description}
        data-testid="radar"
        focusable="false"
      >
        <g className="radar__grid">
          {RATING_VALUES.filter((v) => v > 0).map((v) => (
            <polygon key={v} points={pointsAttr(ringPoints(FRAME, v, n))} className={v === 4 ? 'radar__ring radar__ring--outer' : 'radar__ring'} />
          ))}
          {ringPoints(FRAME, 4, n).map((p, i) => (
            <line key={i} x1={FRAME.cx} y1={FRAME.cy} x2={p.x} y2={p.y} className="radar__axis" />
          ))}
          {RATING_VALUES.filter((v) => v > 0).map((v) => (
            <text key={v} x={FRAME.cx + 4} y={FRAME.cy - (v / 4) * FRAME.radius + 11} className="radar__scale">
              {v}
            </text>
          ))}
        </g>
        {hasPotential && <polygon points={pointsAttr(potential)} className="radar__potential" data-series="potential" />}
        {anyRated && <polygon points={pointsAttr(achieved)} className="radar__achieved" data-series="achieved" />}
        {values.map((v, i) =>
          v.achieved === null ? null : <circle key={v.id} cx={achieved[i]!.x} cy={achieved[i]!.y} r={3.5} className="radar__dot" />,
        )}
        {values.map((v, i) => {
          const at = labelPlacement(FRAME, i, n, 10, LABEL_HALF);
          return (
            <text key={v.id} x={at.x} y={at.y} textAnchor={at.anchor} className="radar__label">
              <tspan x={at.x} dy={-LINE + 4} className="radar__label-name">
                {DIMENSIONS[v.id].label}
              </tspan>
              <tspan x={at.x} dy={2 * LINE + 2} className={v.achieved === null ? 'radar__label-value radar__label-value--none' : 'radar__label-value'}>
                {v.achieved ?? '–'}
                {v.potential !== null && v.potential > (v.achieved ?? 0) ? ` → ${v.potential}` : ''}
              </tspan>
            </text>
          );
        })}
      </svg>
      <figcaption className="radar__legend">
        <span className="radar__key radar__key--achieved">{t('runs.radar.achieved')}</span>
        {hasPotential && <span className="radar__key radar__key--potential">{t('runs.radar.potential')}</span>}
      </figcaption>
      <details className="radar__table-wrap">
        <summary>{t('runs.radar.asTable')}</summary>
        <table className="radar__table">
          <thead>
            <tr>
              <th scope="col">{t('runs.radar.dimension')}</th>
              <th scope="col">{t('runs.radar.rating')}</th>
              {hasPotential && <th scope="col">{t('runs.radar.potentialColumn')}</th>}
            </tr>
          </thead>
          <tbody>
            {values.map((v) => (
              <tr key={v.id}>
                <th scope="row">{DIMENSIONS[v.id].label}</th>
                <td>{v.achieved ?? t('runs.radar.notRated')}</td>
                {hasPotential && <td>{v.potential ?? '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
