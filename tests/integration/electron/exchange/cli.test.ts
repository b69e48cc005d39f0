import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';
import { TO_DECISION } from '../../../support/workflow';

/**
 * The exchange as the issue checks it: a facilitator's database and the delegations'
 * databases, each in its own folder (its own installation, with its own key), playing an
 * exercise through the command line alone.
 */
const temp = tempDir();
afterAll(temp.cleanup);

function laptop(name: string): string {
  const folder = join(temp.dir, name);
  mkdirSync(folder, { recursive: true });
  return join(folder, 'cdt.sqlite');
}

function cli(db: string, ...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

function jsonOf<T>(result: { code: number; out: string; err: string }): T {
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out) as T;
}

const file = (name: string): string => join(temp.dir, name);
const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'election-intrusion.json'), 'utf8')) as {
  injects: { id: string; title: string; body: string }[];
  facilitatorNotes: string;
};

/** Everything the facilitator's laptop holds of the exercise, to see that a refusal changed none of it. */
function facilitatorState(db: string): string {
  const d = new Database(db, { readonly: true });
  try {
    const tables = ['runs', 'run_events', 'run_checkpoints', 'kits', 'kit_codes', 'inject_releases', 'exercise_delegations'];
    return JSON.stringify(tables.map((t) => d.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
  } finally {
    d.close();
  }
}

describe('one exercise across laptops, through the command line', () => {
  const facilitator = laptop('facilitator');
  const estonia = laptop('estonia');
  const latvia = laptop('latvia');
  const passphrase = file('passphrase.txt');
  writeFileSync(passphrase, 'correct horse battery staple\n');
  let exerciseId = '';
  let estoniaRun = '';

  it('gives every installation its own key, shown as a fingerprint to read aloud', () => {
    const keys = [facilitator, estonia, latvia].map((db) => jsonOf<{ fingerprint: string; publicKey: string }>(cli(db, 'key', 'show', '--json')));
    for (const key of keys) expect(key.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect(new Set(keys.map((k) => k.fingerprint)).size).toBe(3);
    // The same installation keeps its key.
    expect(jsonOf<{ fingerprint: string }>(cli(estonia, 'key', 'show', '--json')).fingerprint).toBe(keys[1]!.fingerprint);
  });

  it('issues kits whose bytes hide every inject, the notes and the other delegations, sealed as the marking requires', () => {
    exerciseId = jsonOf<{ id: string }>(
      cli(facilitator, 'exercise', 'create', '--scenario', 'election-intrusion', '--name', 'Aurora', '--delegation', 'Estonia', '--delegation', 'Latvia', '--json'),
    ).id;
    // TLP:AMBER: no kit in the clear.
    const clear = cli(facilitator, 'exercise', 'kit', exerciseId, '--delegation', 'Estonia', '--out', file('clear.cdt-kit'));
    expect(clear.code).toBe(1);
    expect(clear.err).toContain('marked TLP:AMBER: its kits must be sealed with a passphrase');
    for (const d of ['Estonia', 'Latvia']) {
      expect(cli(facilitator, 'exercise', 'kit', exerciseId, '--delegation', d, '--out', file(`${d}.cdt-kit`), '--passphrase-file', passphrase).code).toBe(0);
    }
    const bytes = readFileSync(file('Estonia.cdt-kit'), 'utf8');
    for (const inject of scenario.injects) {
      expect(bytes).not.toContain(inject.title.slice(0, 24));
      expect(bytes).not.toContain(inject.body.slice(0, 24));
    }
    expect(bytes).not.toContain(scenario.facilitatorNotes.slice(0, 24));
    expect(bytes).not.toContain('Latvia');
    expect(bytes).not.toContain('Estonia');
  });

  it('opens a kit on the delegation\'s laptop, once: a second time reopens the same workspace', () => {
    const wrong = file('wrong.txt');
    writeFileSync(wrong, 'not the passphrase');
    const refused = cli(estonia, 'kit', 'open', file('Estonia.cdt-kit'), '--passphrase-file', wrong);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${file('Estonia.cdt-kit')}: the passphrase does not open it`);
    const opened = jsonOf<{ status: string; exerciseId: string; delegation: string; runId: string }>(
      cli(estonia, 'kit', 'open', file('Estonia.cdt-kit'), '--passphrase-file', passphrase, '--json'),
    );
    expect(opened).toMatchObject({ status: 'opened', exerciseId, delegation: 'Estonia' });
    estoniaRun = opened.runId;
    expect(jsonOf<{ status: string; runId: string }>(cli(estonia, 'kit', 'open', file('Estonia.cdt-kit'), '--passphrase-file', passphrase, '--json'))).toMatchObject({
      status: 'reopened', runId: estoniaRun,
    });
    // The facilitator's laptop no longer writes the run.
    const events = file('one-finding.json');
    writeFileSync(events, JSON.stringify(TO_DECISION.slice(0, 1)));
    const here = cli(facilitator, 'run', 'send', estoniaRun, events);
    expect(here.code).toBe(1);
    expect(here.err).toContain("played on its delegation's laptop");
  });

  it('releases an inject by a code that opens it on that laptop only, and a wrong code reveals nothing', () => {
    const inject = scenario.injects[0]!;
    const { code } = jsonOf<{ code: string }>(cli(facilitator, 'inject', 'release', exerciseId, inject.id, '--delegation', 'Estonia', '--json'));
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{4}-[ACDEFGHJKMNPQRTWXY34679]{4}-[ACDEFGHJKMNPQRTWXY34679]{4}$/);
    const guess = code === 'AAAA-AAAA-AAAA' ? 'CCCC-CCCC-CCCC' : 'AAAA-AAAA-AAAA';
    const wrong = cli(estonia, 'inject', 'unseal', estoniaRun, guess);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('opens none of the injects');
    expect(wrong.err + wrong.out).not.toContain(inject.title);
    const opened = cli(estonia, 'inject', 'unseal', estoniaRun, code.toLowerCase().replace(/-/g, ' '));
    expect(opened.code, opened.err).toBe(0);
    expect(opened.out).toContain(inject.title);
  });

  it('collects returns: new events taken, the same return again changes nothing, an older one neither', () => {
    const events = file('awareness.json');
    writeFileSync(events, JSON.stringify(TO_DECISION.slice(0, 2)));
    expect(cli(estonia, 'run', 'return', estoniaRun, '--out', file('checkpoint.cdt-return')).code).toBe(0);
    expect(cli(estonia, 'run', 'send', estoniaRun, events).code).toBe(0);
    expect(cli(estonia, 'run', 'return', estoniaRun, '--out', file('end.cdt-return')).code).toBe(0);
    // Both at once, the newer first: taken oldest first.
    const both = cli(facilitator, 'exercise', 'collect', exerciseId, file('end.cdt-return'), file('checkpoint.cdt-return'));
    expect(both.code, both.err).toBe(0);
    expect(both.out).toContain(`${file('checkpoint.cdt-return')}: took 1 new event(s) of Estonia`);
    expect(both.out).toContain(`${file('end.cdt-return')}: took 2 new event(s) of Estonia (3 in all)`);
    const again = cli(facilitator, 'exercise', 'collect', exerciseId, file('end.cdt-return'), file('checkpoint.cdt-return'));
    expect(again.code).toBe(0);
    expect(again.out).toContain(`${file('end.cdt-return')}: already here`);
    expect(again.out).toContain(`${file('checkpoint.cdt-return')}: already here`);
  });

  it('refuses a fork and a laptop that is not the delegation\'s, leaving the facilitator\'s database unchanged', () => {
    // A copy of Estonia's laptop (database and key) played on: its chain leaves the one collected.
    const copy = join(temp.dir, 'estonia-copy');
    cpSync(join(temp.dir, 'estonia'), copy, { recursive: true });
    const copyDb = join(copy, 'cdt.sqlite');
    const onCopy = file('on-copy.json');
    writeFileSync(onCopy, JSON.stringify([{ type: 'ATTRIBUTION.SKIP', reason: 'Played on the copy' }]));
    const onOriginal = file('on-original.json');
    writeFileSync(onOriginal, JSON.stringify([{ type: 'ATTRIBUTION.SKIP', reason: 'Played on the original' }]));
    expect(cli(copyDb, 'run', 'send', estoniaRun, onCopy).code).toBe(0);
    expect(cli(estonia, 'run', 'send', estoniaRun, onOriginal).code).toBe(0);
    expect(cli(estonia, 'run', 'return', estoniaRun, '--out', file('original.cdt-return')).code).toBe(0);
    expect(cli(copyDb, 'run', 'return', estoniaRun, '--out', file('copy.cdt-return')).code).toBe(0);
    expect(cli(facilitator, 'exercise', 'collect', exerciseId, file('original.cdt-return')).code).toBe(0);
    const before = facilitatorState(facilitator);
    const fork = cli(facilitator, 'exercise', 'collect', exerciseId, file('copy.cdt-return'));
    expect(fork.code).toBe(1);
    expect(fork.err).toMatch(new RegExp(`${file('copy.cdt-return').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: run.events\\[3\\]: a fork: .*Held here: head [0-9a-f]{12} \\(event 4\\); the return: head [0-9a-f]{12} \\(event 4\\)`));

    // Estonia's kit opened on Latvia's laptop as well: its return is not signed by the key that accepted the kit.
    expect(cli(latvia, 'kit', 'open', file('Estonia.cdt-kit'), '--passphrase-file', passphrase).code).toBe(0);
    expect(cli(latvia, 'run', 'return', estoniaRun, '--out', file('stranger.cdt-return')).code).toBe(0);
    const stranger = cli(facilitator, 'exercise', 'collect', exerciseId, file('stranger.cdt-return'));
    expect(stranger.code).toBe(1);
    const latviaKey = jsonOf<{ fingerprint: string }>(cli(latvia, 'key', 'show', '--json')).fingerprint;
    const estoniaKey = jsonOf<{ fingerprint: string }>(cli(estonia, 'key', 'show', '--json')).fingerprint;
    expect(stranger.err).toContain(`signed by the laptop ${latviaKey}, but the kit of Estonia was accepted by the laptop ${estoniaKey}`);

    // A damaged file, a truncated one and a wrong passphrase: each named, each refused whole.
    const text = readFileSync(file('original.cdt-return'), 'utf8');
    writeFileSync(file('truncated.cdt-return'), text.slice(0, text.length / 2));
    const damaged = JSON.parse(text) as { data: string };
    damaged.data = (damaged.data[0] === 'A' ? 'B' : 'A') + damaged.data.slice(1);
    writeFileSync(file('damaged.cdt-return'), JSON.stringify(damaged));
    const bad = cli(facilitator, 'exercise', 'collect', exerciseId, file('truncated.cdt-return'), file('damaged.cdt-return'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${file('truncated.cdt-return')}: `);
    expect(bad.err).toContain(`${file('damaged.cdt-return')}: the passphrase does not open it`);
    expect(facilitatorState(facilitator)).toBe(before);
  });

  it("writes an after-action report that holds the returned events and names each delegation's laptop key", () => {
    const out = file('report.json');
    expect(cli(facilitator, 'report', exerciseId, '--format', 'json', '--out', out).code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      delegations: { name: string; chain: { intact: boolean; events: number }; findings: { text: string }[]; playedOn: { laptopFingerprint: string | null; lastReturnAt: string | null } | null }[];
    };
    const estoniaKey = jsonOf<{ fingerprint: string }>(cli(estonia, 'key', 'show', '--json')).fingerprint;
    const [ee, lv] = report.delegations;
    expect(ee).toMatchObject({ name: 'Estonia', chain: { intact: true, events: 4 }, playedOn: { laptopFingerprint: estoniaKey } });
    expect(ee!.findings.map((f) => f.text)).toEqual([TO_DECISION[0]!.type === 'FINDING.ADD' ? TO_DECISION[0]!.text : '']);
    expect(ee!.playedOn!.lastReturnAt).not.toBeNull();
    // Latvia's kit is out, but nothing came back yet.
    expect(lv).toMatchObject({ name: 'Latvia', playedOn: { laptopFingerprint: null, lastReturnAt: null } });
    const md = file('report.md');
    expect(cli(facilitator, 'report', exerciseId, '--format', 'md', '--out', md).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain(`laptop ${estoniaKey}, last return`);
  });

  it('keeps a kit readable only with its passphrase even when copied: the key file stays private', () => {
    copyFileSync(file('Latvia.cdt-kit'), file('latvia-copy.cdt-kit'));
    const none = cli(latvia, 'kit', 'open', file('latvia-copy.cdt-kit'));
    expect(none.code).toBe(1);
    expect(none.err).toContain("it is sealed with the exercise's passphrase");
  });

  it('seals an exercise package with a passphrase when asked, and opens it only with it', () => {
    const out = file('aurora.cdt-exercise.json');
    expect(cli(facilitator, 'exercise', 'export', exerciseId, '--out', out, '--passphrase-file', passphrase).code).toBe(0);
    const bytes = readFileSync(out, 'utf8');
    expect(JSON.parse(bytes)).toMatchObject({ format: 'cdt-sealed' });
    expect(bytes).not.toContain('Aurora');
    const elsewhere = laptop('elsewhere');
    const none = cli(elsewhere, 'exercise', 'import', out);
    expect(none.code).toBe(1);
    expect(none.err).toContain(`${out}: it is sealed with the exercise's passphrase`);
    const wrong = file('wrong-package.txt');
    writeFileSync(wrong, 'a wrong passphrase');
    expect(cli(elsewhere, 'exercise', 'import', out, '--passphrase-file', wrong).err).toContain('the passphrase does not open it');
    const imported = cli(elsewhere, 'exercise', 'import', out, '--passphrase-file', passphrase);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('Imported "Aurora"');
  });
});
