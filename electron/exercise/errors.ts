import { UserError } from '../../shared/errors';
import { FileError } from '../files/read';

/** A refusal by the exercise services (a wrong id, an invalid transition). */
export class ExerciseError extends UserError {
  override name = 'ExerciseError';
}

/** An exercise or scenario file refused on import or validation: its name and its problems. */
export class PackageError extends FileError {
  override name = 'PackageError';
}
