import type { Db } from '../../electron/db/open';
import { getScenario, saveScenario } from '../../electron/exercise/scenarios';
import type { Scenario, ScenarioObjective } from '../../shared/exercise/scenario';
import { at } from './exercise';

export const OBJECTIVES: readonly ScenarioObjective[] = [
  { id: 'shared-picture', title: 'Agree a shared picture of the incident', tiedTo: 'awareness', description: 'Every delegation agrees what happened before it rates anything.' },
  { id: 'principles-checked', title: 'Check each measure against the six principles', tiedTo: 'principles' },
  { id: 'consensus', title: 'Reach the decision by consensus', tiedTo: 'consensus' },
];

/** The bundled hospital scenario with three objectives, saved as "hospital-objectives" (needs the bundled scenarios). */
export function saveScenarioWithObjectives(db: Db): Scenario {
  const { scenario } = getScenario(db, 'hospital-ransomware');
  const withObjectives: Scenario = { ...scenario, id: 'hospital-objectives', title: `${scenario.title} (with objectives)`, objectives: [...OBJECTIVES] };
  return saveScenario(db, withObjectives, at(0)).scenario;
}
