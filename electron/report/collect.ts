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
import { buildReport, releaseKey, type ReportRun } from '../../shared/report/build';
import { scenarioMarking, type AfterActionReport, type ChainStatus, type PlayedOn, type QuoteLanguageChoice, type ReportOverview } from '../../shared/report/model';
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
  return { delegation, runId, events, replayed: { step: stepOf(replayed), context: replayed.context }, chain, playedOn: playedOnOf(db, delegationId) };
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
    runs: delegations.map((d) => reportRun(db, d.run_id, d.name, d.id)),
    releaseTimes: new Map(releasesOf(db, exerciseId).map((r) => [releaseKey(nameOf.get(r.delegationId) ?? '', r.injectId), r.elapsedMs])),
    observations: notesOf(db, exerciseId).map((n) => ({ at: n.at, elapsedMs: n.elapsedMs, text: n.text, revisions: n.revisions, deletedAt: n.deletedAt })),
    withdrawals: releasesOf(db, exerciseId).flatMap((r) =>
      r.withdrawnAt === null
        ? []
        : [{ at: r.withdrawnAt, elapsedMs: r.withdrawnElapsedMs ?? 0, delegation: nameOf.get(r.delegationId) ?? '', title: scenario.injects.find((i) => i.id === r.injectId)?.title ?? r.injectId }],
    ),
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
    releaseTimes: new Map(),
    observations: [],
    withdrawals: [],
    improvementPlan: [],
    evidence: evidenceFrom(db),
  });
}
