import { UserError, type Problem } from '../../shared/errors';

/** A refusal by the exercise services (a wrong id, an invalid transition). */
export class ExerciseError extends UserError {
  override name = 'ExerciseError';
}

/**
 * An import or validation that failed: the file's name and its problems. A plain string is a
 * problem of the file as a whole (it cannot be read, it is not JSON).
 */
export class PackageError extends UserError {
  override name = 'PackageError';
  constructor(
    readonly fileName: string,
    problems: readonly (Problem | string)[],
  ) {
    const structured = problems.map((p): Problem => (typeof p === 'string' ? { path: '', message: p } : p));
    super('', structured, fileName);
  }
}
