import type { Db } from '../db/open';
import { readTransaction } from '../db/transaction';
import { delegationsOf, readExercise } from './exercises';
import type { HandoutInput } from '../../shared/handouts/handouts';
import type { Scenario } from '../../shared/exercise/scenario';

/** What the handouts are made of: the exercise's own scenario (white cards included) and its delegations. */
export function handoutInputOf(db: Db, exerciseId: string): HandoutInput {
  return readTransaction(db, () => {
    const row = readExercise(db, exerciseId);
    return { exerciseName: row.name, scenario: JSON.parse(row.scenario_json) as Scenario, delegations: delegationsOf(db, exerciseId).map((d) => d.name) };
  });
}
