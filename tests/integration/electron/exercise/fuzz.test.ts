import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { PackageError } from '../../../../electron/exercise/errors';
import { addFacilitatorNote, createExercise, exerciseClock, releaseInject } from '../../../../electron/exercise/exercises';
import { contentHash } from '../../../../electron/exercise/hash';
import { exportExercise, importExercisePackage, importScenarioText, packageText, parseScenarioText } from '../../../../electron/exercise/package';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { sendEvent } from '../../../../electron/workflow/runs';
import { STAMPED_EVENT_TYPES } from '../../../../shared/workflow/event-schema';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import type { Scenario } from '../../../../shared/exercise/scenario';
import { at, databaseBytes, populatedExercise, reseal } from '../../../support/exercise';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, tempDir } from '../../../support/temp';

/**
 * Damaged packages whose every hash was recomputed (reseal): only the importer's checks of
 * what the app itself makes true can tell them from real ones. Each damage below breaks one
 * such relation for certain, so every one must be refused, with a PackageError, leaving the
 * database file byte for byte as it was.
 */

fc.configureGlobal({ seed: Number(process.env.CDT_FUZZ_SEED ?? 20261014), numRuns: Number(process.env.CDT_FUZZ_RUNS ?? 150) });

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function fileDb(): { db: Db; file: string } {
  const file = join(temp.dir, `fuzz-${n++}.sqlite`);
  const db = openDatabase(file);
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return { db, file };
}

// -----------------------------------------------------------------------------------------
// Damage, one relation at a time

interface LooseEvent {
  seq: number;
  at: string;
  event: { type: string; at?: string; id?: string; title?: string; body?: string; [k: string]: unknown };
  prevHash: string;
  hash: string;
}
interface Loose {
  manifest: { createdAt: string; exerciseId: string };
  scenario: { title: string; classification: { marking: string }; injects: { id: string; title: string; body: string }[] };
  exercise: {
    id: string; name: string; createdAt: string;
    clock: { status: string; accumulatedMs: number; runningSince: string | null };
    delegations: { id: string; name: string; runId: string }[];
    releases: { injectId: string; delegationId: string; releasedAt: string; elapsedMs: number }[];
    notes: { id: string; at: string; elapsedMs: number; text: string }[];
    facilitator?: string;
    improvementPlan?: { id: string; issue: string; correctiveAction: string; owner: string; dueDate: string }[];
  };
  runs: { id: string; name: string; createdAt: string; events: LooseEvent[] }[];
}

/** What the generator chose: indexes (taken modulo whatever they index), a positive delta, a character. */
interface Choice {
  readonly picks: readonly number[];
  readonly delta: number;
  readonly bad: string;
}

const T = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const pick = <X>(items: readonly X[], k: number): X => items[k % items.length]!;
const insertAt = (s: string, c: string, k: number) => s.slice(0, k % (s.length + 1)) + c + s.slice(k % (s.length + 1));

/** Events with their place, for damage that picks one. */
const eventsOf = (p: Loose) => p.runs.flatMap((run, r) => run.events.map((e, j) => ({ run, r, e, j })));
const setTime = (e: LooseEvent, time: string) => {
  e.at = time;
  if (STAMPED_EVENT_TYPES.has(e.event.type as never)) e.event.at = time;
};
const readings = (p: Loose) =>
  [...p.exercise.releases.map((x) => ({ x, t: T(x.releasedAt) })), ...p.exercise.notes.map((x) => ({ x, t: T(x.at) }))].sort((a, b) => a.t - b.t);
const finalElapsed = (p: Loose) => {
  const { clock } = p.exercise;
  return clock.accumulatedMs + (clock.runningSince === null ? 0 : T(p.manifest.createdAt) - T(clock.runningSince));
};
const receipts = (p: Loose) => eventsOf(p).filter(({ e }) => e.event.type === 'INJECT.RECEIVE');

/** Each returns false when it does not apply to this package (then the case is skipped). */
const DAMAGE: Record<string, (p: Loose, c: Choice) => boolean> = {
  'event time goes backwards'(p, c) {
    const later = eventsOf(p).filter(({ j }) => j > 0);
    if (later.length === 0) return false;
    const { run, e, j } = pick(later, c.picks[0]!);
    setTime(e, iso(T(run.events[j - 1]!.at) - c.delta));
    return true;
  },
  'event before its run was created'(p, c) {
    const first = p.runs.filter((r) => r.events.length > 0);
    if (first.length === 0) return false;
    setTime(pick(first, c.picks[0]!).events[0]!, iso(T(p.exercise.createdAt) - c.delta));
    return true;
  },
  'event after the package was made'(p, c) {
    const run = pick(p.runs.filter((r) => r.events.length > 0), c.picks[0]!);
    setTime(run.events[run.events.length - 1]!, iso(T(p.manifest.createdAt) + c.delta));
    return true;
  },
  "stamped time differs from the log's"(p, c) {
    const stamped = eventsOf(p).filter(({ e }) => STAMPED_EVENT_TYPES.has(e.event.type as never));
    if (stamped.length === 0) return false;
    const { e } = pick(stamped, c.picks[0]!);
    e.event.at = iso(T(e.at) + (c.picks[1]! % 2 === 0 ? c.delta : -c.delta));
    return true;
  },
  'events swapped'(p, c) {
    const run = pick(p.runs.filter((r) => new Set(r.events.map((e) => e.at)).size > 1), c.picks[0]!);
    const a = c.picks[1]! % run.events.length;
    const b = run.events.findIndex((e) => e.at !== run.events[a]!.at);
    [run.events[a], run.events[b]] = [run.events[b]!, run.events[a]!];
    return true;
  },
  'receipt removed'(p, c) {
    const all = receipts(p);
    if (all.length === 0) return false;
    const { run, j } = pick(all, c.picks[0]!);
    run.events.splice(j, 1);
    return true;
  },
  'release time differs from its receipt'(p, c) {
    if (p.exercise.releases.length === 0) return false;
    const release = pick(p.exercise.releases, c.picks[0]!);
    release.releasedAt = iso(T(release.releasedAt) + (c.picks[1]! % 2 === 0 ? c.delta : -c.delta));
    return true;
  },
  'release removed'(p, c) {
    if (p.exercise.releases.length === 0) return false;
    p.exercise.releases.splice(c.picks[0]! % p.exercise.releases.length, 1);
    return true;
  },
  'release without receipt added'(p, c) {
    const released = new Set(p.exercise.releases.map((r) => `${r.injectId} ${r.delegationId}`));
    const open = p.scenario.injects.flatMap((i) => p.exercise.delegations.map((d) => [i.id, d.id] as const)).filter(([i, d]) => !released.has(`${i} ${d}`));
    if (open.length === 0) return false;
    const [injectId, delegationId] = pick(open, c.picks[0]!);
    const last = readings(p).at(-1);
    p.exercise.releases.push({ injectId, delegationId, releasedAt: last ? iso(last.t) : p.exercise.createdAt, elapsedMs: last?.x.elapsedMs ?? 0 });
    return true;
  },
  'event duplicated'(p, c) {
    const ided = eventsOf(p).filter(({ e }) => ['INJECT.RECEIVE', 'NOTE.ADD', 'DISSENT.ADD', 'FINDING.ADD'].includes(e.event.type));
    if (ided.length === 0) return false;
    const { run, e, j } = pick(ided, c.picks[0]!);
    run.events.splice(j + 1, 0, structuredClone(e));
    return true;
  },
  'release or note duplicated'(p, c) {
    const list: { length: number; push: (x: never) => void; [i: number]: unknown } = c.picks[1]! % 2 === 0 ? p.exercise.releases : p.exercise.notes;
    if (list.length === 0) return false;
    list.push(structuredClone(list[c.picks[0]! % list.length]) as never);
    return true;
  },
  "received inject's text differs from the scenario's"(p, c) {
    const all = receipts(p);
    if (all.length === 0) return false;
    const { e } = pick(all, c.picks[0]!);
    if (c.picks[1]! % 2 === 0) e.event.title = `${e.event.title!} (updated)`;
    else e.event.body = `${e.event.body!}\nForged line.`;
    return true;
  },
  "scenario's inject differs from what was received"(p, c) {
    const ids = new Set(receipts(p).map(({ e }) => e.event.id));
    const inject = pick(p.scenario.injects.filter((i) => ids.has(i.id)), c.picks[0]!);
    if (c.picks[1]! % 3 === 0) inject.title = `${inject.title} (updated)`;
    else if (c.picks[1]! % 3 === 1) inject.body = `Forged. ${inject.body}`;
    else inject.id = `forged-${inject.id}`;
    return true;
  },
  'bad id'(p, c) {
    const bad = pick(['', ' ', ` ${p.exercise.id}`, 'id\nwith-newline', `x${c.bad}y`], c.picks[1]!);
    const where = c.picks[0]! % 4;
    if (where === 0) {
      p.exercise.id = bad;
      p.manifest.exerciseId = bad;
    } else if (where === 1) pick(p.exercise.delegations, c.picks[2]!).id = bad;
    else if (where === 2) {
      if (p.exercise.notes.length === 0) return false;
      pick(p.exercise.notes, c.picks[2]!).id = bad;
    } else {
      const d = pick(p.exercise.delegations, c.picks[2]!);
      p.runs.find((r) => r.id === d.runId)!.id = bad;
      d.runId = bad;
    }
    return true;
  },
  'bad character in a name or title'(p, c) {
    const targets: [object, string][] = [
      [p.exercise, 'name'], [pick(p.exercise.delegations, c.picks[2]!), 'name'], [pick(p.runs, c.picks[2]!), 'name'],
      [p.scenario, 'title'], [p.scenario.classification, 'marking'], [pick(p.scenario.injects, c.picks[2]!), 'title'],
    ];
    const [target, key] = pick(targets, c.picks[0]!);
    const record = target as Record<string, string>;
    record[key] = c.picks[1]! % 3 === 0 ? `${record[key]!} ` : insertAt(record[key]!, c.bad, c.picks[3]!);
    return true;
  },
  'control character in a long text'(p, c) {
    const control = pick(['\u0000', '\u0007', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028'], c.picks[1]!);
    const texts = [
      ...p.exercise.notes.map((x) => [x, 'text'] as const),
      ...p.scenario.injects.map((x) => [x, 'body'] as const),
      ...eventsOf(p).filter(({ e }) => typeof e.event.text === 'string').map(({ e }) => [e.event, 'text'] as const),
    ];
    const [target, key] = pick(texts, c.picks[0]!);
    const record = target as Record<string, string>;
    record[key] = insertAt(record[key]!, control, c.picks[3]!);
    return true;
  },
  'lone surrogate'(p, c) {
    const targets: [object, string][] = [[p.exercise, 'name'], [pick(p.exercise.delegations, c.picks[2]!), 'name'], [p.scenario, 'title']];
    if (p.exercise.notes.length > 0) targets.push([pick(p.exercise.notes, c.picks[2]!), 'text']);
    const [target, key] = pick(targets, c.picks[0]!);
    const record = target as Record<string, string>;
    record[key] = insertAt(record[key]!, pick(['\ud800', '\udfff', '\udc00x'], c.picks[1]!), c.picks[3]!);
    return true;
  },
  'delegation names equal as names'(p, c) {
    if (p.exercise.delegations.length < 2) return false;
    const [a, b] = [p.exercise.delegations[0]!, p.exercise.delegations[1]!];
    const variant = c.picks[0]! % 4;
    if (variant === 0) b.name = a.name.toUpperCase();
    else if (variant === 1) b.name = a.name.toLowerCase();
    else if (variant === 2) {
      a.name = `${a.name.slice(0, 70)} Curaçao`;
      b.name = a.name.normalize('NFD');
    } else b.name = a.name.replace(/[A-Za-z]/, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)); // full-width
    return true;
  },
  'elapsed time beyond the clock'(p, c) {
    const all = readings(p);
    if (all.length === 0) return false;
    pick(all, c.picks[0]!).x.elapsedMs = finalElapsed(p) + c.delta;
    return true;
  },
  'exercise clock goes back'(p, c) {
    const all = readings(p);
    const later = all.filter((r) => all.some((q) => q.t < r.t && q.x.elapsedMs > 0));
    if (later.length === 0) return false;
    const r = pick(later, c.picks[0]!);
    const earlier = all.filter((q) => q.t < r.t && q.x.elapsedMs > 0);
    r.x.elapsedMs = pick(earlier, c.picks[1]!).x.elapsedMs - 1;
    return true;
  },
  'clock counted more than wall time'(p, c) {
    const { clock } = p.exercise;
    const variant = c.picks[0]! % 3;
    if (variant === 0) clock.accumulatedMs = T(clock.runningSince ?? p.manifest.createdAt) - T(p.exercise.createdAt) + c.delta;
    else if (variant === 1) {
      if (clock.accumulatedMs === 0) return false;
      Object.assign(clock, { status: 'not-started', runningSince: null });
    } else Object.assign(clock, { status: 'running', runningSince: iso(T(p.exercise.createdAt) - c.delta) });
    return true;
  },
  "run not created with its exercise"(p, c) {
    pick(p.runs, c.picks[0]!).createdAt = iso(T(p.exercise.createdAt) + (c.picks[1]! % 2 === 0 ? c.delta : -c.delta));
    return true;
  },
  'exercise created after its records'(p, c) {
    const created = iso(T(p.exercise.createdAt) + c.delta);
    const earliest = [...eventsOf(p).map(({ e }) => e.at), ...readings(p).map((r) => iso(r.t))].sort()[0];
    if (earliest === undefined || earliest >= created) return false;
    p.exercise.createdAt = created;
    for (const run of p.runs) run.createdAt = created;
    return true;
  },
  'records out of export order'(p, c) {
    const variant = c.picks[0]! % 3;
    if (variant === 2) {
      if (p.runs.length < 2) return false;
      [p.runs[0], p.runs[1]] = [p.runs[1]!, p.runs[0]!];
      return true;
    }
    const list: { releasedAt?: string; at?: string }[] = variant === 0 ? p.exercise.releases : p.exercise.notes;
    const time = (x: { releasedAt?: string; at?: string }) => x.releasedAt ?? x.at;
    const i = list.findIndex((x, k) => k > 0 && time(x) !== time(list[k - 1]!));
    if (i < 0) return false;
    [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
    return true;
  },
  'report details stored other than hashed'(p, c) {
    const variant = c.picks[0]! % 4;
    if (variant === 0) p.exercise.facilitator = '';
    else if (variant === 1) p.exercise.improvementPlan = [];
    else if (variant === 2) p.exercise.facilitator = ` ${p.exercise.facilitator ?? 'Facilitator'}`;
    else {
      const plan = p.exercise.improvementPlan;
      if (!plan || plan.length === 0) return false;
      pick(plan, c.picks[1]!).owner += ' ';
    }
    return true;
  },
  'another spelling of a time'(p, c) {
    const variant = c.picks[0]! % 4;
    const respell = (s: string) =>
      variant === 0 ? s.replace('.000Z', 'Z').replace(/\.(\d{3})Z$/, '.$1000Z')
      : variant === 1 ? s.replace('Z', '+00:00')
      : variant === 2 ? s.replace('T', 't')
      : s.replace(/^(\d{4})-\d{2}/, '$1-13'); // no such month
    if (c.picks[1]! % 2 === 0) p.exercise.createdAt = respell(p.exercise.createdAt);
    else {
      const { e } = pick(eventsOf(p), c.picks[2]!);
      setTime(e, respell(e.at));
    }
    return true;
  },
  'package made before its exercise'(p, c) {
    p.manifest.createdAt = iso(T(p.exercise.createdAt) - c.delta);
    return true;
  },
};

/** Characters a name may never hold: controls, separators, bidi controls. */
const BAD_IN_NAMES = ['\u0000', '\t', '\n', '\r', '\u000c', '\u001f', '\u007f', '\u0080', '\u009f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

const choice: fc.Arbitrary<Choice> = fc.record({
  picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  delta: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 30 * 86_400_000 })),
  bad: fc.constantFrom(...BAD_IN_NAMES),
});

// -----------------------------------------------------------------------------------------

/** Refused with a PackageError naming the file, for a reason other than a hash, and nothing written. */
function expectRefused(db: Db, file: string, text: string, fileName: string): string {
  const before = databaseBytes(db, file);
  let error: unknown;
  try {
    importExercisePackage(db, text, fileName, at(100_000));
  } catch (caught) {
    error = caught;
  }
  if (!(error instanceof PackageError)) throw new Error(`expected a PackageError, got ${error === undefined ? 'an import' : String((error as Error).stack ?? error)}`);
  expect(error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(error.message).not.toMatch(/ at .*\.ts:\d+/);
  expect(databaseBytes(db, file).equals(before)).toBe(true);
  return error.message;
}

describe('damaged exercise packages with every hash recomputed (fuzz)', () => {
  const bases: { name: string; pkg: ExercisePackage }[] = [];
  let target: { db: Db; file: string };

  beforeAll(() => {
    const source = fileDb().db;
    const paused = populatedExercise(source).id;
    bases.push({ name: 'paused', pkg: exportExercise(source, paused, at(60)) });
    // A clock still running at the export: readings after its last start are exact.
    const running = populatedExercise(source, { id: 'running-exercise', name: 'Cold Ward, table 2' });
    exerciseClock(source, running.id, 'resume', at(52));
    releaseInject(source, running.id, 'europol-assessment', 'all', at(55));
    addFacilitatorNote(source, running.id, 'Europol inject out.\n\tBoth tables have it.', at(56), 'running-note-3');
    bases.push({ name: 'running', pkg: exportExercise(source, running.id, at(60)) });
    bases.push({ name: 'sample', pkg: JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage });
    // The target already holds an exercise of its own, so a refusal has something to leave alone.
    target = fileDb();
    populatedExercise(target.db, { id: 'resident', name: 'Resident exercise' });
  });

  it('the undamaged bases, resealed, import (the damage below is what is refused)', () => {
    for (const { pkg } of bases) {
      const { db } = fileDb();
      expect(importExercisePackage(db, JSON.stringify(reseal(pkg)), 'base.json', at(100_000)).status).toBe('imported');
    }
  });

  it('every damage is refused with a PackageError and leaves the database file as it was', () => {
    const kinds = Object.keys(DAMAGE);
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(), choice, (kind, b, c) => {
        const base = pick(bases, b);
        const damaged = structuredClone(base.pkg) as unknown as Loose;
        fc.pre(DAMAGE[kind]!(damaged, c));
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        const message = expectRefused(target.db, target.file, JSON.stringify(reseal(damaged as unknown as ExercisePackage)), 'forged.cdt-exercise.json');
        // The hashes were all recomputed: what refused the file must be a check of its meaning.
        expect(message).not.toMatch(/SHA-256 of the .* does not match|hash chain is broken/);
      }),
      { numRuns: Number(process.env.CDT_FUZZ_RUNS ?? 200) },
    );
    expect([...seen.keys()].length).toBeGreaterThan(kinds.length * 0.8);
  });

  it('names the path of the broken relation', () => {
    const pkg = structuredClone(bases[0]!.pkg) as unknown as Loose;
    const north = pkg.runs[0]!;
    setTime(north.events[3]!, iso(T(north.events[2]!.at) - 1));
    const receipt = pkg.runs[1]!.events.find((e) => e.event.type === 'INJECT.RECEIVE')!;
    receipt.event.title = 'Forged title';
    pkg.exercise.delegations[1]!.name = pkg.exercise.delegations[0]!.name.toUpperCase();
    pkg.exercise.releases[0]!.elapsedMs = 50 * 60_000;
    const message = expectRefused(target.db, target.file, JSON.stringify(reseal(pkg as unknown as ExercisePackage)), 'f.json');
    expect(message).toContain('f.json: runs[0].events[3].at: the event was recorded at');
    expect(message).toMatch(/f\.json: runs\[1\]\.events\[\d+\]\.event\.title: differs from the title of the scenario's inject "csirt-technical-summary"\./);
    expect(message).toContain('f.json: exercise.delegations[1].name: duplicate delegation name "DELEGATION NORTH" (also exercise.delegations[0].name).');
    expect(message).toMatch(/f\.json: exercise\.releases\[0\]\.elapsedMs: /);
  });
});

describe('valid exercises round-trip (property)', () => {
  it('whatever the app records imports, exports to the same section hashes, and imports again as already imported', () => {
    const names = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'e\u0301', 'ß', '中', '😀', ' ', '-', 'ʼ', '\u00a0'), minLength: 1, maxLength: 20 });
    const script = fc.record({
      exercise: names,
      delegations: fc.uniqueArray(names, { minLength: 1, maxLength: 4, selector: (s) => s.trim().normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC') }),
      steps: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('clock' as const) }),
          fc.record({ kind: fc.constant('release' as const), inject: fc.nat(), to: fc.nat() }),
          fc.record({ kind: fc.constant('note' as const), text: fc.string({ unit: fc.constantFrom('x', '\n', '\t', 'ü', '😀', ' '), minLength: 1, maxLength: 30 }) }),
          fc.record({ kind: fc.constant('remark' as const), to: fc.nat(), text: fc.string({ unit: fc.constantFrom('y', '\n', '\u200f', 'ß', ' '), minLength: 1, maxLength: 30 }), author: fc.option(names, { nil: undefined }) }),
        ),
        { maxLength: 8 },
      ),
      gap: fc.integer({ min: 0, max: 120_000 }),
    });
    fc.assert(
      fc.property(script, ({ exercise, delegations, steps, gap }) => {
        fc.pre(exercise.trim().length > 0 && delegations.every((d) => d.trim().length > 0));
        const { db } = fileDb();
        let clock = 0;
        const now = () => iso(T(at(0)) + (clock += gap));
        const created = createExercise(db, { name: exercise, scenarioId: 'hospital-ransomware', delegationNames: delegations, now: now() });
        let status: 'not-started' | 'running' | 'paused' = 'not-started';
        for (const step of steps) {
          if (step.kind === 'clock') {
            exerciseClock(db, created.id, status === 'not-started' ? 'start' : status === 'running' ? 'pause' : 'resume', now());
            status = status === 'running' ? 'paused' : 'running';
          } else if (step.kind === 'release') {
            const inject = pick(created.scenario.injects, step.inject);
            releaseInject(db, created.id, inject.id, [pick(created.delegations, step.to).id], now());
          } else if (step.kind === 'remark') {
            const event = { type: 'NOTE.ADD' as const, id: `remark-${clock}`, text: step.text, ...(step.author === undefined ? {} : { author: step.author }) };
            sendEvent(db, pick(created.delegations, step.to).runId, event, now());
          } else if (step.text.trim() !== '') addFacilitatorNote(db, created.id, step.text, now());
        }
        const exported = exportExercise(db, created.id, now());
        const copy = fileDb();
        expect(importExercisePackage(copy.db, packageText(exported), 'x.json', now()).status).toBe('imported');
        const again = exportExercise(copy.db, created.id, exported.manifest.createdAt);
        expect(again.manifest.sections).toEqual(exported.manifest.sections);
        expect(importExercisePackage(copy.db, packageText(again), 'x.json', now()).status).toBe('already-imported');
      }),
      { numRuns: Number(process.env.CDT_FUZZ_RUNS_VALID ?? 40) },
    );
  });
});

// -----------------------------------------------------------------------------------------
// Scenarios, bare and packaged

describe('damaged scenarios are refused at the schema (fuzz)', () => {
  const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'hospital-ransomware.json'), 'utf8')) as Scenario;

  const damageScenario = (s: { [k: string]: unknown }, c: Choice): void => {
    const loose = s as unknown as Loose['scenario'] & { id: string };
    const variant = c.picks[0]! % 6;
    if (variant === 0) loose.classification.marking = insertAt(loose.classification.marking, c.bad, c.picks[1]!);
    else if (variant === 1) loose.title = insertAt(loose.title, c.bad, c.picks[1]!);
    else if (variant === 2) pick(loose.injects, c.picks[2]!).title = insertAt(pick(loose.injects, c.picks[2]!).title, c.bad, c.picks[1]!);
    else if (variant === 3) pick(loose.injects, c.picks[2]!).id = insertAt(pick(loose.injects, c.picks[2]!).id, c.bad, c.picks[1]!);
    else if (variant === 4) pick(loose.injects, c.picks[2]!).body = insertAt(pick(loose.injects, c.picks[2]!).body, pick(['\u0000', '\r', '\u000c', '\u0085', '\ud800'], c.picks[3]!), c.picks[1]!);
    else loose.title = `${loose.title} `;
  };

  it('as a bare scenario or a resealed scenario package: a PackageError, and nothing written', () => {
    const { db, file } = fileDb();
    fc.assert(
      fc.property(choice, fc.boolean(), (c, packaged) => {
        const damaged = structuredClone(scenario) as unknown as { [k: string]: unknown };
        damageScenario(damaged, c);
        const text = JSON.stringify(
          packaged ? { format: 'cdt-scenario-package', version: 1, manifest: { createdAt: at(1), sha256: contentHash(damaged) }, scenario: damaged } : damaged,
        );
        expect(() => parseScenarioText(text, 's.json')).toThrow(PackageError);
        const before = databaseBytes(db, file);
        expect(() => importScenarioText(db, text, 's.json', at(2))).toThrow(PackageError);
        expect(databaseBytes(db, file).equals(before)).toBe(true);
      }),
    );
  });
});

describe('scenario files with random damage to their text (fuzz)', () => {
  it('are read or refused with a PackageError, never another exception', () => {
    const bare = readFileSync(join(SCENARIOS_DIR, 'supply-chain-espionage.json'), 'utf8');
    const scenario = JSON.parse(bare) as Scenario;
    const packaged = JSON.stringify({ format: 'cdt-scenario-package', version: 1, manifest: { createdAt: at(1), sha256: contentHash(scenario) }, scenario }, null, 1);
    const damage = fc.record({
      text: fc.constantFrom(bare, packaged),
      at: fc.nat(),
      cut: fc.boolean(),
      with: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('\\u0000', '\\ud800', '\u202e', '"', '\\', '1e999', '-0', '{}')),
    });
    fc.assert(
      fc.property(damage, ({ text, at: position, cut, with: inserted }) => {
        const i = position % text.length;
        const damaged = cut ? text.slice(0, i) : text.slice(0, i) + inserted + text.slice(i + 1);
        try {
          // A bare scenario has no hash: a harmless change (a letter of a text) is read as written.
          expect(parseScenarioText(damaged, 's.json').format).toBe('cdt-scenario');
        } catch (error) {
          if (!(error instanceof PackageError)) throw error;
        }
      }),
    );
  });
});
