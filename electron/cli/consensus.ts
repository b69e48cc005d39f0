import { flag, stringOption, UsageError } from './args';
import { findExerciseId, json, JSON_OPTION, type Command, type CliIo } from './command';
import { consensusOf, recordJointEntry } from '../consensus/joint';
import { isMeasureId, MEASURE_IDS, MEASURES } from '../../shared/framework/catalogue';
import { STANCE_LABELS, STANCES } from '../../shared/framework/council';
import { listOf } from '../../shared/framework/wording';
import { formatElapsed, formatTime } from '../../shared/report/model';
import type { ConsensusView, JointEntryInput, JointEntryView } from '../../shared/consensus/joint';

/** The consensus step from the command line: the table of positions, and the joint decision recorded entry by entry. */
export const CONSENSUS_USAGE = `  exercise positions <exercise> [--json]   the table of positions: each delegation's stance on every measure,
                                          where unanimity holds and who blocks, the joint decision so far
  exercise decide <exercise> adopt|block <measure id> [--note TEXT] [--json]
  exercise decide <exercise> statement --text TEXT [--json]
  exercise decide <exercise> withdraw <entry> --reason TEXT [--json]
                                          record the plenary's outcome in the joint decision (hash-chained);
                                          a measure is not adopted while a delegation opposes it`;

const RULE_WORDS = { unanimity: 'decided by unanimity', consensus: 'decided by consensus' } as const;

/** "adopted (entry 1)", "blocked by Delegation South (entry 2)" */
function entryLine(e: JointEntryView): string {
  const name = (id: string) => e.delegations[id] ?? id;
  const { entry } = e;
  const head = `${e.seq}. ${formatTime(e.at)} (${formatElapsed(e.elapsedMs)} of exercise time)`;
  const aside = e.withdrawnBy === null ? '' : ` [withdrawn by entry ${e.withdrawnBy}]`;
  const unverified = e.verified ? '' : ' [DOES NOT VERIFY]';
  switch (entry.kind) {
    case 'adopt': {
      const abstaining = entry.abstentions.length > 0 ? `; abstaining: ${listOf(entry.abstentions.map((a) => `${name(a.delegationId)} ("${a.declaration}")`))}` : '';
      return `${head}: adopted ${MEASURES[entry.measureId].label}${abstaining}${entry.note ? `. ${entry.note}` : ''}${aside}${unverified}`;
    }
    case 'block':
      return `${head}: blocked ${MEASURES[entry.measureId].label} by ${listOf(entry.blockedBy.map((b) => `${name(b.delegationId)} ("${b.reason}")`))}${entry.note ? `. ${entry.note}` : ''}${aside}${unverified}`;
    case 'statement':
      return `${head}: statement on ${listOf(entry.measures.map((m) => MEASURES[m].label))}: "${entry.text}"${aside}${unverified}`;
    case 'withdraw':
      return `${head}: withdrew entry ${entry.seq}: ${entry.reason}${unverified}`;
  }
}

function printConsensus(view: ConsensusView, out: CliIo['out']): void {
  const { table, joint } = view;
  out(`Positions in "${view.exerciseName}": ${table.delegations.length} delegation(s); unanimity holds on ${table.counts.holds} of ${table.counts.measures} measures, fails on ${table.counts.fails}.`);
  out('');
  for (const d of table.delegations) {
    const met = d.principles.filter((p) => p.status === 'met').length;
    const notMet = d.principlesNotMet.length > 0 ? `; not met: ${listOf(d.principles.filter((p) => p.status === 'not-met').map((p) => p.label))}` : '';
    const elsewhere = d.playedElsewhereSince === undefined ? '' : ` (played on its own laptop since ${formatTime(d.playedElsewhereSince)}: as of its last return)`;
    out(`${d.name}${elsewhere}: ${d.decided ? 'decided' : 'not decided'}, ${d.level === null ? 'no overall level yet' : `overall level ${d.level}`}, principles met ${met} of ${d.principles.length}${notMet}`);
  }
  const width = Math.max(0, ...table.delegations.map((d) => d.name.length));
  for (const row of table.measures) {
    const outcome = joint.outcomes.find((o) => o.measureId === row.measureId);
    const recorded = outcome?.outcome ? ` [${outcome.outcome} in the joint decision, entry ${outcome.seq}]` : '';
    const unanimity = row.unanimity.holds ? 'unanimity holds' : `unanimity fails: ${listOf(row.unanimity.blockers.map((b) => b.delegation))} ${row.unanimity.blockers.length === 1 ? 'blocks' : 'block'}`;
    out('');
    const counts = STANCES.filter((s) => row.counts[s] > 0).map((s) => `${row.counts[s]} ${STANCE_LABELS[s].toLowerCase()}`).join(', ');
    out(`${row.label} (${row.measureId}; ${row.category.toLowerCase()}, ${RULE_WORDS[row.rule]}): ${unanimity} (${counts || 'no delegation'})${recorded}`);
    // A row where no one has taken a position says so in its counts: listing each delegation adds nothing.
    if (row.counts.undecided === row.positions.length) continue;
    for (const p of row.positions) out(`  ${p.delegation.padEnd(width)}  ${STANCE_LABELS[p.stance]}${p.text === null ? '' : `: ${p.text}`}`);
  }
  out('');
  const v = joint.verification;
  if (joint.entries.length === 0 && v.intact) out('The joint decision has no entry yet.');
  else {
    out('The joint decision:');
    for (const e of joint.entries) out(`  ${entryLine(e)}`);
  }
  if (!v.intact) out(`The joint decision's record does not verify: ${v.reason}.`);
  for (const p of v.referenceProblems) out(`Entry ${p.seq} no longer holds: ${p.reason}`);
}

function entryInput(kind: string | undefined, subject: string | undefined, args: Parameters<Command['run']>[0]['args']): JointEntryInput {
  const note = stringOption(args, 'note');
  const text = stringOption(args, 'text');
  const reason = stringOption(args, 'reason');
  const only = (allowed: string, ...given: [string, string | undefined][]) => {
    const stray = given.find(([name, value]) => name !== allowed && value !== undefined);
    if (stray) throw new UsageError(`--${stray[0]} does not apply to exercise decide ${kind}`);
  };
  const options: [string, string | undefined][] = [['note', note], ['text', text], ['reason', reason]];
  switch (kind) {
    case 'adopt':
    case 'block':
      if (subject === undefined) throw new UsageError(`exercise decide ${kind} needs a measure id: ${MEASURE_IDS.join(', ')}`);
      if (!isMeasureId(subject)) throw new UsageError(`"${subject}" is not a measure id; one of ${MEASURE_IDS.join(', ')}`);
      only('note', ...options);
      return { kind, measureId: subject, ...(note === undefined ? {} : { note }) };
    case 'statement':
      if (subject !== undefined || text === undefined) throw new UsageError('exercise decide statement needs --text TEXT (the agreed text) and nothing else');
      only('text', ...options);
      return { kind, text };
    case 'withdraw': {
      if (subject === undefined || !/^[1-9]\d{0,5}$/.test(subject) || reason === undefined) throw new UsageError('exercise decide withdraw needs the number of the entry and --reason TEXT');
      only('reason', ...options);
      return { kind, seq: Number(subject), reason };
    }
    default:
      throw new UsageError('exercise decide needs an exercise and adopt, block, statement or withdraw');
  }
}

export const CONSENSUS_COMMANDS: Readonly<Record<string, Command>> = {
  'exercise positions': {
    options: JSON_OPTION,
    database: 'read',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      if (!subject || extra !== undefined) throw new UsageError('exercise positions needs an exercise (id or name)');
      const view = consensusOf(wb.db, findExerciseId(wb, subject));
      if (flag(args, 'json')) json(io, view);
      else printConsensus(view, io.out);
      return 0;
    },
  },

  'exercise decide': {
    options: { ...JSON_OPTION, note: { type: 'string' }, text: { type: 'string' }, reason: { type: 'string' } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, kind, measure, extra] = args.positionals;
      if (!subject || extra !== undefined) throw new UsageError('exercise decide needs an exercise and adopt, block, statement or withdraw');
      const input = entryInput(kind, measure, args);
      const view = recordJointEntry(wb.db, findExerciseId(wb, subject), input);
      const recorded = view.joint.entries.at(-1)!;
      if (flag(args, 'json')) json(io, recorded);
      else io.out(`Recorded in the joint decision of "${view.exerciseName}": ${entryLine(recorded).replace(/^\d+\. /, `entry ${recorded.seq}, `)}`);
      return 0;
    },
  },
};
