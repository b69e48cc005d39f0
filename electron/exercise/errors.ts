/**
 * A refusal the user can act on (a wrong id, an invalid transition, a bad file). The CLI
 * prints the message and exits 1; over IPC it travels as the envelope's error text.
 */
export class ExerciseError extends Error {
  override name = 'ExerciseError';
}

/** An import or validation that failed, with one `<file>: <path>: <problem>` line per problem. */
export class PackageError extends ExerciseError {
  override name = 'PackageError';
  constructor(
    readonly fileName: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `${fileName}: ${p}`).join('\n'));
  }
}
