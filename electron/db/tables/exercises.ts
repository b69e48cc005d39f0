import type { Db } from '../open';
import { statement } from '../statements';
import type { ClockAdjustment, ClockState } from '../../../shared/exercise/exercises';

/**
 * exercises: an exercise's own copy of its scenario and its clock. Written by the exercise
 * service and, through insertExercise, by a package import; the facilitator column belongs
 * to the improvement plan (tables/plan.ts).
 */
export interface ExerciseRow {
  id: string;
  name: string;
  scenario_id: string;
  scenario_json: string;
  scenario_hash: string;
  created_at: string;
  clock_status: ClockState;
  clock_accumulated_ms: number;
  clock_running_since: string | null;
  clock_ended_at: string | null;
  /** 1: the facilitator shows the table of positions on the room's screen (electron/consensus/joint.ts sets it). */
  room_shows_positions: 0 | 1;
}

export interface ClockRow {
  readonly status: ClockState;
  readonly accumulatedMs: number;
  readonly runningSince: string | null;
}

export function selectExercise(db: Db, id: string): ExerciseRow | undefined {
  return statement(db, 'SELECT * FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined;
}

export function exerciseExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM exercises WHERE id = ?').get(id) !== undefined;
}

/** Newest first. */
export function selectExercises(db: Db): ExerciseRow[] {
  return statement(db, 'SELECT * FROM exercises ORDER BY created_at DESC, id').all() as ExerciseRow[];
}

/** A new exercise starts with its clock not started; an imported one brings the clock it had. */
export function insertExercise(
  db: Db,
  e: {
    readonly id: string; readonly name: string; readonly scenarioId: string; readonly scenarioJson: string;
    readonly scenarioHash: string; readonly createdAt: string; readonly clock: ClockRow;
  },
): void {
  statement(
    db,
    `INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms, clock_running_since)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, e.name, e.scenarioId, e.scenarioJson, e.scenarioHash, e.createdAt, e.clock.status, e.clock.accumulatedMs, e.clock.runningSince);
}

/** The exercise's own copy of its scenario, with a white card added during play. */
export function updateExerciseScenario(db: Db, id: string, scenarioJson: string, scenarioHash: string): void {
  statement(db, 'UPDATE exercises SET scenario_json = ?, scenario_hash = ? WHERE id = ?').run(scenarioJson, scenarioHash, id);
}

export function updateClock(db: Db, id: string, clock: ClockRow): void {
  statement(db, 'UPDATE exercises SET clock_status = ?, clock_accumulated_ms = ?, clock_running_since = ? WHERE id = ?').run(
    clock.status, clock.accumulatedMs, clock.runningSince, id,
  );
}

export function updateClockEnded(db: Db, id: string, endedAt: string): void {
  statement(db, 'UPDATE exercises SET clock_ended_at = ? WHERE id = ?').run(endedAt, id);
}

export function updateRoomShowsPositions(db: Db, id: string, show: boolean): void {
  statement(db, 'UPDATE exercises SET room_shows_positions = ? WHERE id = ?').run(show ? 1 : 0, id);
}

/** clock_adjustments: every correction of an exercise's clock, in time order. */
export function selectClockAdjustments(db: Db, exerciseId: string): ClockAdjustment[] {
  return statement(
    db,
    'SELECT at, elapsed_before_ms AS elapsedBeforeMs, delta_ms AS deltaMs, reason FROM clock_adjustments WHERE exercise_id = ? ORDER BY at',
  ).all(exerciseId) as ClockAdjustment[];
}

export function insertClockAdjustment(db: Db, exerciseId: string, a: ClockAdjustment): void {
  statement(db, 'INSERT INTO clock_adjustments (exercise_id, at, elapsed_before_ms, delta_ms, reason) VALUES (?, ?, ?, ?, ?)').run(
    exerciseId, a.at, a.elapsedBeforeMs, a.deltaMs, a.reason,
  );
}

/** Its delegations, releases, notes and improvement items go with it (ON DELETE CASCADE); its runs do not. */
export function deleteExercise(db: Db, id: string): void {
  statement(db, 'DELETE FROM exercises WHERE id = ?').run(id);
}
