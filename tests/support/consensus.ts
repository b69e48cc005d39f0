import type { Db } from '../../electron/db/open';
import { addFacilitatorNote, createExercise, exerciseClock } from '../../electron/exercise/exercises';
import type { ExerciseView } from '../../shared/exercise/exercises';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { accept, at, reseal } from './exercise';
import { jointEntryHash, jointGenesisHash } from '../../electron/consensus/joint';
import { canonicalJson } from '../../electron/workflow/chain';
import type { ExercisePackage } from '../../shared/exercise/package';
import { TO_DECISION } from './workflow';

export const SOUTH_OBJECTION = 'Our consular staff in the State concerned would be expelled.';
export const SOUTH_DECLARATION = 'We abstain constructively: we will not apply the conclusions nationally, and accept that they commit the Union.';

/**
 * Three delegations before their plenary: North decided on Council conclusions; South decided
 * on a statement by the High Representative, abstains on the conclusions and opposes a travel
 * ban; East has only begun (undecided on everything). The clock runs from minute 1, and the
 * facilitator has a note the room must never see. Needs the bundled scenario
 * "hospital-ransomware".
 */
export function plenaryExercise(db: Db, options: { name?: string; id?: string } = {}): ExerciseView {
  const exercise = createExercise(db, {
    name: options.name ?? 'Cold Ward plenary',
    scenarioId: 'hospital-ransomware',
    delegationNames: ['Delegation North', 'Delegation South', 'Delegation East'],
    now: at(0),
    ...(options.id ? { id: options.id } : {}),
  });
  const [north, south, east] = exercise.delegations;
  exerciseClock(db, exercise.id, 'start', at(1));
  TO_DECISION.forEach((event, i) => accept(db, north!.runId, event, at(2 + i * 0.1)));
  const southEvents: IncomingEvent[] = [
    ...TO_DECISION.map((e): IncomingEvent => (e.type === 'MEASURE.SELECT' ? { ...e, measureId: 'hr-statement', rationale: 'A statement is enough for now' } : e)),
    { type: 'POSITION.SET', measureId: 'council-conclusions', stance: 'abstains', text: SOUTH_DECLARATION },
    { type: 'POSITION.SET', measureId: 'travel-ban', stance: 'opposes', text: SOUTH_OBJECTION },
  ];
  southEvents.forEach((event, i) => accept(db, south!.runId, event, at(10 + i * 0.1)));
  accept(db, east!.runId, TO_DECISION[0]!, at(20));
  return addFacilitatorNote(db, exercise.id, 'Secret facilitator thought: South bluffs.', at(25), `${exercise.id}-note-1`);
}

/**
 * Recomputes the joint decision's chain, then every run's chain and the manifest (reseal), as a
 * forger who knows the format would: what is left to catch a change is the importer's own
 * checks of what the app makes true.
 */
export function resealJoint(pkg: ExercisePackage): ExercisePackage {
  let prev = jointGenesisHash(pkg.exercise.id);
  const jointDecision = pkg.exercise.jointDecision?.map((e, i) => {
    const hash = jointEntryHash(prev, i + 1, e.at, canonicalJson(e.entry));
    const sealed = { ...e, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return sealed;
  });
  return reseal({ ...pkg, exercise: { ...pkg.exercise, ...(jointDecision ? { jointDecision } : {}) } });
}
