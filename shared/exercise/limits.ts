/**
 * The bounds of an exercise, in one place: the services, the IPC contract and the package
 * schema all read them here, so a package can never carry what the app would refuse to make.
 */
export const EXERCISE_LIMITS = {
  /** Exercise, delegation, run, note, release and improvement-item ids. */
  id: 100,
  exerciseName: 100,
  delegationName: 80,
  /** "<exercise> — <delegation>" fits; a renamed run may use the rest. */
  runName: 200,
  delegations: 50,
  note: 20_000,
} as const;
