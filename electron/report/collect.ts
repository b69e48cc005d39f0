import type { Db } from '../db/open';
import { readTransaction } from '../db/transaction';
import { getRun, runChain, replayRun, verifyRun } from '../workflow/runs';
import { storedEvent } from '../workflow/chain';
import { resolveEvidence } from '../workflow/evidence';
import { clockOf, delegationsOf, exerciseOfRun, notesOf, readExercise, releasesOf } from '../exercise/exercises';
import { reportDetailsOf } from '../exercise/plan';
import { contentHash } from '../exercise/hash';
import { fingerprintOf } from '../exchange/keys';
import { ownerOfRun } from '../db/tables/delegations';
import { selectKit } from '../db/tables/kits';
import { selectClockAdjustments } from '../db/tables/exercises';
import { selectWorkspace } from '../db/tables/workspaces';
import { ratedObjectives } from '../exercise/objectives';
import { consensusOf } from '../consensus/joint';
import { buildReport, type ReportInput, type ReportRun } from '../../shared/report/build';
import { exerciseClock, type ClockReading } from '../../shared/report/clock';
import {
  scenarioMarking, type AfterActionReport, type ChainStatus, type JointDecisionReport, type JointEntryReport, type PlayedOn, type PositionsReport,
  type QuoteLanguageChoice, type ReportOverview,
} from '../../shared/report/model';
import { MEASURES, PRINCIPLE_IDS, PRINCIPLES } from '../../shared/framework/catalogue';
import { positionsTable, type PositionsTable } from '../../shared/consensus/table';
import type { JointDecisionView } from '../../shared/consensus/joint';
import type { ExerciseRow } from '../db/tables/exercises';
import type { Scenario } from '../../shared/exercise/scenario';
import { stepOf } from '../../shared/workflow/explain';
import type { RecordedEvent } from '../../shared/workflow/runs';

/**
 * Gathers an after-action report from the database: each run's event log (replayed here,
 * so the report shows what the log says, not what a stored snapshot claims), the chain's
 * verdict, the exercise's releases and observations, and the quoted paragraphs.
 */
export interface ReportOptions {
  readonly quoteLanguages: QuoteLanguageChoice;
  readonly now?: string;
}



/** The log as recorded; an entry whose bytes no longer parse (tampering) is left out, and the chain says so. */
function readableLog(db: Db, runId: string): RecordedEvent[] {
  return runChain(db, runId).flatMap((e) => {
    try {
      return [{ seq: e.seq, at: e.at, event: storedEvent(e.event), hash: e.hash }];
    } catch {
      return [];
    }
  });
}

function chainStatusOf(db: Db, runId: string): ChainStatus {
  const v = verifyRun(db, runId);
  if (!v.intact) {
    return { intact: false, events: v.events, headHash: null, problem: `The hash chain breaks at event ${v.firstBroken}: ${v.reason}.` };
  }
  if (!v.replayMatches) {
    return { intact: false, events: v.events, headHash: v.headHash, problem: 'The chain verifies, but replaying it does not give the state the database holds.' };
  }
  return { intact: true, events: v.events, headHash: v.headHash, problem: null };
}

/** The laptop a delegation played on, when its kit was issued from here. */
function playedOnOf(db: Db, delegationId: string | null): PlayedOn | null {
  const kit = delegationId === null ? undefined : selectKit(db, delegationId);
  if (!kit) return null;
  return {
    kitIssuedAt: kit.issued_at,
    laptopKey: kit.laptop_key,
    laptopFingerprint: kit.laptop_key === null ? null : fingerprintOf(kit.laptop_key),
    lastReturnAt: kit.last_return_at,
  };
}

function reportRun(db: Db, runId: string, delegation: string, delegationId: string | null): ReportRun {
  // Verified first: a run another workflow version recorded is refused before these rules replay its log.
  const chain = chainStatusOf(db, runId);
  const events = readableLog(db, runId);
  const replayed = replayRun(events.map((e) => e.event));
  return { delegation, delegationId, runId, events, replayed: { step: stepOf(replayed), context: replayed.context }, chain, playedOn: playedOnOf(db, delegationId) };
}

/**
 * The table of positions from the replayed logs (not the stored snapshots), by the consensus
 * step's own builder; the report shows the measures some delegation took a position on.
 */
function positionsReport(runs: readonly ReportRun[]): PositionsReport {
  const table: PositionsTable = positionsTable(
    runs.map((r) => ({
      delegationId: r.delegationId ?? r.runId,
      name: r.delegation,
      runId: r.runId,
      context: r.replayed.context,
      head: { seq: r.events.at(-1)?.seq ?? 0, hash: r.events.at(-1)?.hash ?? '' },
    })),
  );
  const rows = table.measures.filter((m) => m.positions.some((p) => p.stance !== 'undecided'));
  return {
    delegations: table.delegations.map((d) => {
      const met = d.principles.filter((p) => p.status === 'met').length;
      const notMet = d.principlesNotMet.map((id) => PRINCIPLES[id].label);
      const open = d.principles.filter((p) => p.status === null).length;
      return {
        name: d.name,
        level: d.level,
        principles: `${met} of ${PRINCIPLE_IDS.length} met${notMet.length > 0 ? `; not met: ${notMet.join(', ')}` : ''}${open > 0 ? `; ${open} not assessed` : ''}`,
      };
    }),
    rows: rows.map((m) => ({
      measureId: m.measureId,
      measure: m.label,
      category: m.category,
      rule: m.rule,
      cells: m.positions.map((p) => ({ stance: p.stance, text: p.text, at: p.at })),
      holds: m.unanimity.holds,
      blockedBy: m.unanimity.holds ? [] : m.unanimity.blockers.map((b) => b.delegation),
    })),
    otherMeasures: table.measures.length - rows.length,
  };
}

/** The facilitator's record of the plenary, verified, its entries in the report's words. */
function jointReport(joint: JointDecisionView): JointDecisionReport {
  const v = joint.verification;
  const entries = joint.entries.map((view): JointEntryReport => {
    const e = view.entry;
    const name = (id: string): string => view.delegations[id] ?? id;
    const base = { seq: view.seq, at: view.at, elapsedMs: view.elapsedMs, withdrawnBy: view.withdrawnBy, abstentions: [], blockedBy: [], withdraws: null };
    const restsOn = e.kind === 'withdraw' ? [] : e.positions.map((p) => ({ delegation: name(p.delegationId), measure: MEASURES[p.measureId].label, stance: p.stance }));
    switch (e.kind) {
      case 'adopt':
        return {
          ...base, kind: 'adopted', measures: [MEASURES[e.measureId].label], text: e.note ?? '', restsOn,
          abstentions: e.abstentions.map((a) => ({ delegation: name(a.delegationId), declaration: a.declaration })),
        };
      case 'block':
        return {
          ...base, kind: 'blocked', measures: [MEASURES[e.measureId].label], text: e.note ?? '', restsOn,
          blockedBy: e.blockedBy.map((b) => ({ delegation: name(b.delegationId), reason: b.reason })),
        };
      case 'statement':
        return { ...base, kind: 'statement', measures: e.measures.map((m) => MEASURES[m].label), text: e.text, restsOn };
      case 'withdraw':
        return { ...base, kind: 'withdrawal', measures: [], text: e.reason, restsOn, withdraws: e.seq };
    }
  });
  return {
    entries,
    chain: v.intact
      ? { intact: true, events: v.entries, headHash: v.headHash, problem: null }
      : { intact: false, events: v.entries, headHash: null, problem: `The hash chain breaks at entry ${v.firstBroken}: ${v.reason}.` },
    referenceProblems: v.referenceProblems.map((p) => `Entry ${p.seq} no longer rests on the position it recorded (${MEASURES[p.measureId].label}): ${p.reason}`),
  };
}

/**
 * The clock as a function of time, from what the exercise stores: every reading it stamped
 * (releases, withdrawals, observations, the joint decision's entries), its adjustments and its
 * state now (clock.ts says what that can and cannot tell).
 */
function clockOfExercise(db: Db, row: ExerciseRow, now: string, readings: readonly ClockReading[]): ReportInput['clock'] {
  return exerciseClock({
    createdAt: row.created_at,
    readings,
    adjustments: selectClockAdjustments(db, row.id),
    status: row.clock_status,
    accumulatedMs: row.clock_accumulated_ms,
    runningSince: row.clock_running_since,
    endedAt: row.clock_ended_at,
    now,
  });
}

const scenarioOverview = (scenario: Pick<Scenario, 'id' | 'title' | 'incident'>, sha256: string): ReportOverview['scenario'] => ({
  id: scenario.id, title: scenario.title, incident: scenario.incident, sha256,
});

const evidenceFrom = (db: Db) => (item: Parameters<typeof resolveEvidence>[1]) => resolveEvidence(db, item);

/**
 * Each report is read in one transaction: one snapshot of the exercise, its runs and their
 * logs, even while the app or the command line appends to them on the same file.
 */
export function exerciseReport(db: Db, exerciseId: string, options: ReportOptions): AfterActionReport {
  return readTransaction(db, () => exerciseReportOf(db, exerciseId, options));
}

function exerciseReportOf(db: Db, exerciseId: string, options: ReportOptions): AfterActionReport {
  const now = options.now ?? new Date().toISOString();
  const row = readExercise(db, exerciseId);
  const scenario = JSON.parse(row.scenario_json) as Scenario;
  const delegations = delegationsOf(db, exerciseId);
  const nameOf = new Map(delegations.map((d) => [d.id, d.name]));
  const { facilitator, improvementPlan } = reportDetailsOf(db, exerciseId);
  const runs = delegations.map((d) => reportRun(db, d.run_id, d.name, d.id));
  const releases = releasesOf(db, exerciseId).map((r) => ({
    delegationId: r.delegationId,
    delegation: nameOf.get(r.delegationId) ?? r.delegationId,
    injectId: r.injectId,
    title: scenario.injects.find((i) => i.id === r.injectId)?.title ?? r.injectId,
    at: r.releasedAt,
    elapsedMs: r.elapsedMs,
    withdrawn: r.withdrawnAt === null ? null : { at: r.withdrawnAt, elapsedMs: r.withdrawnElapsedMs ?? 0 },
  }));
  const notes = notesOf(db, exerciseId);
  const joint = jointReport(consensusOf(db, exerciseId).joint);
  const readings: ClockReading[] = [
    ...releases.flatMap((r) => [{ at: r.at, elapsedMs: r.elapsedMs }, ...(r.withdrawn ? [r.withdrawn] : [])]),
    ...notes.map((n) => ({ at: n.at, elapsedMs: n.elapsedMs })),
    ...joint.entries.map((e) => ({ at: e.at, elapsedMs: e.elapsedMs })),
  ];
  return buildReport({
    generatedAt: now,
    quoteLanguages: options.quoteLanguages,
    marking: scenarioMarking(scenario),
    overview: {
      kind: 'exercise',
      title: row.name,
      scenario: scenarioOverview(scenario, row.scenario_hash),
      startedAt: row.created_at,
      facilitator,
      delegations: delegations.map((d) => d.name),
      exerciseTimeMs: clockOf(row, now).elapsedMs,
      endedAt: row.clock_ended_at,
      clockAdjustments: selectClockAdjustments(db, exerciseId).map(({ at, deltaMs, reason }) => ({ at, deltaMs, reason })),
    },
    runs,
    clock: clockOfExercise(db, row, now, readings),
    releases,
    observations: notes.map((n) => ({ id: n.id, at: n.at, elapsedMs: n.elapsedMs, text: n.text, revisions: n.revisions, deletedAt: n.deletedAt })),
    positions: positionsReport(runs),
    jointDecision: joint.entries.length === 0 && joint.chain.intact ? null : joint,
    objectives: ratedObjectives(db, exerciseId).map((o) => ({
      id: o.objective.id,
      title: o.objective.title,
      description: o.objective.description ?? '',
      tiedTo: o.tieLabel,
      rating: o.rating?.rating ?? null,
      observations: o.rating?.observations ?? '',
      ratedAt: o.rating?.ratedAt ?? null,
      entries: o.rating?.entries ?? [],
    })),
    improvementPlan,
    evidence: evidenceFrom(db),
  });
}

/** The report of one run; a delegation's run keeps its exercise's markings. */
export function runReport(db: Db, runId: string, options: ReportOptions): AfterActionReport {
  return readTransaction(db, () => runReportOf(db, runId, options));
}

function runReportOf(db: Db, runId: string, options: ReportOptions): AfterActionReport {
  const run = getRun(db, runId);
  const exercise = exerciseOfRun(db, runId);
  // On a delegation's laptop the exercise is the workspace a kit opened: its scenario without the injects.
  const workspace = exercise?.workspace ? selectWorkspace(db, runId) : undefined;
  const row = exercise && !workspace ? readExercise(db, exercise.exerciseId) : null;
  const held = row ?? (workspace ? { scenario_json: workspace.scenario_json, scenario_hash: contentHash(JSON.parse(workspace.scenario_json)) } : null);
  const scenario = held ? (JSON.parse(held.scenario_json) as Pick<Scenario, 'id' | 'title' | 'incident' | 'classification'>) : null;
  const delegation = exercise?.delegation ?? run.name;
  return buildReport({
    generatedAt: options.now ?? new Date().toISOString(),
    quoteLanguages: options.quoteLanguages,
    marking: scenarioMarking(scenario),
    overview: {
      kind: 'run',
      title: run.name,
      scenario: held && scenario ? scenarioOverview(scenario, held.scenario_hash) : null,
      startedAt: run.createdAt,
      facilitator: row ? reportDetailsOf(db, row.id).facilitator : '',
      delegations: [delegation],
      exerciseTimeMs: null,
      endedAt: null,
      clockAdjustments: [],
    },
    runs: [reportRun(db, runId, delegation, ownerOfRun(db, runId)?.delegationId ?? null)],
    clock: null,
    releases: [],
    observations: [],
    positions: null,
    jointDecision: null,
    objectives: [],
    improvementPlan: [],
    evidence: evidenceFrom(db),
  });
}
