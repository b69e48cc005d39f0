import { adjustClock, exerciseClock } from '../exercise/exercises';
import { flag, stringOption, UsageError } from './args';
import { chromiumFor, findExerciseId, json, JSON_OPTION, outputFile, write, type Command } from './command';
import { handoutInputOf } from '../exercise/handouts';
import { printPdfWithChromium } from '../report/pdf';
import { handoutsHtml } from '../../shared/handouts/handouts';
import { formatElapsed } from '../../shared/report/model';

/** The exercise's clock from the command line: start, pause, resume, end, adjust. */
export const LIVE_USAGE = `  exercise clock <exercise> start|pause|resume [--json]
  exercise clock <exercise> adjust --minutes <+n|-n> --reason <text> [--json]
  exercise end <exercise> [--json]          end the exercise: its clock stops for good
  handouts <exercise> --out FILE [--injects] [--chromium PATH]
                                          the situation manual as PDF; with --injects, one card per inject after it`;

const clockJson = (view: ReturnType<typeof exerciseClock>) => ({ id: view.id, clock: view.clock });

export const LIVE_COMMANDS: Readonly<Record<string, Command>> = {
  'exercise clock': {
    options: { ...JSON_OPTION, minutes: { type: 'string' }, reason: { type: 'string' } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, action, extra] = args.positionals;
      if (!subject || !action || extra !== undefined) throw new UsageError('exercise clock needs an exercise and start, pause, resume or adjust');
      const id = findExerciseId(wb, subject);
      let view;
      if (action === 'adjust') {
        const minutes = stringOption(args, 'minutes');
        const reason = stringOption(args, 'reason');
        if (minutes === undefined || !/^[+-]?\d+(\.\d+)?$/.test(minutes) || reason === undefined) {
          throw new UsageError('exercise clock adjust needs --minutes (e.g. +5 or -2.5) and --reason');
        }
        view = adjustClock(wb.db, id, Math.round(Number(minutes) * 60_000), reason);
      } else if (action === 'start' || action === 'pause' || action === 'resume') {
        view = exerciseClock(wb.db, id, action);
      } else throw new UsageError(`Unknown clock action "${action}": start, pause, resume or adjust.`);
      if (flag(args, 'json')) json(io, clockJson(view));
      else io.out(`The clock of "${view.name}" ${view.clock.status === 'running' ? 'runs' : `is ${view.clock.status}`} at ${formatElapsed(view.clock.elapsedMs)}.`);
      return 0;
    },
  },

  handouts: {
    options: { out: { type: 'string' }, injects: { type: 'boolean' }, chromium: { type: 'string' } },
    database: 'read',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      const out = outputFile(wb, args);
      if (!subject || !out || extra !== undefined) throw new UsageError('handouts needs an exercise (id or name) and --out FILE');
      const chromium = chromiumFor(args);
      const input = handoutInputOf(wb.db, findExerciseId(wb, subject));
      const injects = flag(args, 'injects');
      write(wb, out, printPdfWithChromium(handoutsHtml(input, injects), chromium));
      io.out(`Wrote the situation manual of "${input.exerciseName}"${injects ? ` and ${input.scenario.injects.length} inject cards` : ''} to ${out}`);
      return 0;
    },
  },

  'exercise end': {
    options: JSON_OPTION,
    database: 'write',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      if (!subject || extra !== undefined) throw new UsageError('exercise end needs an exercise (id or name)');
      const view = exerciseClock(wb.db, findExerciseId(wb, subject), 'end');
      if (flag(args, 'json')) json(io, clockJson(view));
      else io.out(`Ended "${view.name}" at ${formatElapsed(view.clock.elapsedMs)} of exercise time (${view.clock.endedAt}).`);
      return 0;
    },
  },
};
