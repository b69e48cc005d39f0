import type { Db } from '../db/open';
import { writeTransaction } from '../db/transaction';
import { updateExerciseScenario } from '../db/tables/exercises';
import { insertKitCode, selectKitsOfExercise } from '../db/tables/kits';
import { canonicalJson } from '../workflow/chain';
import { newReleaseCode } from '../exchange/seal';
import { ExerciseError } from './errors';
import { contentHash } from './hash';
import { clockOf, getExercise, readExercise } from './exercises';
import { formatIssues } from '../../shared/validation';
import { SCENARIO_LIMITS, scenarioSchema, type InjectKind, type Scenario, type ScenarioInject } from '../../shared/exercise/scenario';
import type { ExerciseView } from '../../shared/exercise/exercises';

/**
 * White cards: injects the facilitator writes during play. One joins the exercise's own copy
 * of its scenario (never the library's), marked as such, due now on the exercise clock, and
 * is released like any other. A delegation whose kit is out gets its release code at once;
 * the inject itself reaches its laptop sealed in a kit update (the kit issued again).
 */
export interface WhiteCardInput {
  readonly kind: InjectKind;
  readonly title: string;
  readonly body: string;
}

const nowIso = (): string => new Date().toISOString();

export function addWhiteCard(db: Db, exerciseId: string, input: WhiteCardInput, now = nowIso()): { readonly exercise: ExerciseView; readonly inject: ScenarioInject } {
  const inject = writeTransaction(db, () => {
    const row = readExercise(db, exerciseId);
    const scenario = JSON.parse(row.scenario_json) as Scenario;
    const taken = new Set(scenario.injects.map((i) => i.id));
    let n = scenario.injects.filter((i) => i.whiteCard).length + 1;
    while (taken.has(`white-card-${n}`)) n++;
    const minutes = Math.min(SCENARIO_LIMITS.offsetMinutes, Math.floor(clockOf(row, now).elapsedMs / 60_000));
    const card: ScenarioInject = { id: `white-card-${n}`, offsetMinutes: minutes, kind: input.kind, title: input.title.trim(), body: input.body.trim(), whiteCard: true };
    const parsed = scenarioSchema.safeParse({ ...scenario, injects: [...scenario.injects, card] });
    if (!parsed.success) {
      // Said as the form's fields: the card is the scenario's last inject.
      const last = `injects[${scenario.injects.length}]`;
      const problems = formatIssues(parsed.error).map((p) => ({ ...p, path: p.path.startsWith(last) ? p.path.slice(last.length + 1) : p.path }));
      throw new ExerciseError('The white card was not added.', problems);
    }
    updateExerciseScenario(db, exerciseId, canonicalJson(parsed.data), contentHash(parsed.data));
    for (const delegationId of selectKitsOfExercise(db, exerciseId).keys()) insertKitCode(db, delegationId, card.id, newReleaseCode());
    return card;
  });
  return { exercise: getExercise(db, exerciseId, now), inject };
}
