import { flag, stringOption, stringsOption, UsageError } from './args';
import { findExerciseId, json, JSON_OPTION, type Command } from './command';
import { objectivesOf, rateObjective } from '../exercise/objectives';
import { HSEEP_RATINGS, HSEEP_RATING_LABELS } from '../../shared/evaluation/objectives';
import type { ObjectivesView } from '../../shared/evaluation/ratings';
import { formatElapsed, formatTime } from '../../shared/report/model';

/** The objectives of an exercise and their HSEEP ratings, from the command line. */
export const OBJECTIVES_USAGE = `  exercise objectives <exercise> [--json]  the scenario's objectives with their ratings, and the timeline entries to link
  exercise rate <exercise> <objective id> --rating ${HSEEP_RATINGS.join('|')} --observations TEXT [--entry REF]... [--json]
                                          rate an objective (again: the rating is replaced); REF as
                                          exercise objectives lists them: run:<run>:<n>, note:<id>, release:<delegation>:<inject>`;

function printObjectives(view: ObjectivesView, out: (text: string) => void): void {
  if (view.objectives.length === 0) out("The exercise's scenario sets no objectives.");
  for (const { objective, tieLabel, rating } of view.objectives) {
    out(`${objective.id}  ${objective.title}`);
    out(`  ${tieLabel}`);
    if (rating === null) {
      out('  not rated');
      continue;
    }
    out(`  ${rating.rating}: ${HSEEP_RATING_LABELS[rating.rating]} (rated ${formatTime(rating.ratedAt)})`);
    for (const line of rating.observations.split('\n')) if (line.trim() !== '') out(`    ${line}`);
    for (const ref of rating.entries) out(`    -> ${ref}`);
  }
}

export const OBJECTIVES_COMMANDS: Readonly<Record<string, Command>> = {
  'exercise objectives': {
    options: JSON_OPTION,
    database: 'read',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      if (!subject || extra !== undefined) throw new UsageError('exercise objectives needs an exercise (id or name)');
      const view = objectivesOf(wb.db, findExerciseId(wb, subject));
      if (flag(args, 'json')) {
        json(io, view);
        return 0;
      }
      printObjectives(view, io.out);
      if (view.entries.length > 0) {
        io.out('');
        io.out('Timeline entries a rating can link (--entry REF):');
        for (const e of view.entries) {
          const when = `${formatTime(e.at)}${e.elapsedMs !== null ? ` (${formatElapsed(e.elapsedMs)} of exercise time)` : ''}`;
          io.out(`  ${e.ref}  ${when}  ${e.delegation ?? 'Facilitator'}: ${e.label}`);
        }
      }
      return 0;
    },
  },

  'exercise rate': {
    options: { ...JSON_OPTION, rating: { type: 'string' }, observations: { type: 'string' }, entry: { type: 'string', multiple: true } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, objectiveId, extra] = args.positionals;
      const rating = stringOption(args, 'rating');
      const observations = stringOption(args, 'observations');
      if (!subject || !objectiveId || extra !== undefined || rating === undefined || observations === undefined) {
        throw new UsageError(`exercise rate needs an exercise, an objective id, --rating ${HSEEP_RATINGS.join('|')} and --observations TEXT`);
      }
      const view = rateObjective(wb.db, findExerciseId(wb, subject), { objectiveId, rating, observations, entries: [...stringsOption(args, 'entry')] });
      const rated = view.objectives.find((o) => o.objective.id === objectiveId)!;
      if (flag(args, 'json')) json(io, rated);
      else {
        const r = rated.rating!;
        io.out(`Rated "${rated.objective.title}" ${r.rating} (${HSEEP_RATING_LABELS[r.rating].toLowerCase()}), with ${r.entries.length} linked entr${r.entries.length === 1 ? 'y' : 'ies'}.`);
      }
      return 0;
    },
  },
};
