import type { LevelFact } from '../../../shared/framework/proportionality';
import './level-facts.css';

/**
 * The facts an overall level rests on besides the ratings (attribution, persons or entities
 * identified, external threat, attempt, targets), shown wherever the level is: a reader who
 * sees a level sees what it comes from. The words are the assessment's, as in the report.
 */
export function LevelFacts({ facts, title, brief = false }: { facts: readonly LevelFact[]; title: string; brief?: boolean }) {
  return (
    <div className="level-facts">
      <p className="level-facts__title">{title}</p>
      <dl className="level-facts__list">
        {facts.map((f) => (
          <div key={f.id} className="level-facts__row" data-fact={f.id}>
            <dt>{f.label}</dt>
            <dd>{brief ? f.brief : f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
