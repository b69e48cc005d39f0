/**
 * Electronegativity's findings (its SARIF output) held against the documented allow-list,
 * security/electronegativity-allow.json. Pure: the integration test runs the scanner and
 * reads the files; this module decides what is explained, what is not, and which entries of
 * the list no longer explain anything (a stale entry is reported too, so the list stays honest).
 */

/** What a finding names as its file when the tool gives none (some global checks). */
export const NO_FILE = '(no file)';

export interface Finding {
  readonly check: string;
  /** Relative to the scanned root, with `/` separators; NO_FILE when the tool names no file. */
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly level: string;
  /** The flagged source line, trimmed, when it could be read. */
  readonly source?: string;
}

export interface AllowEntry {
  readonly check: string;
  readonly file: string;
  /** Only this line; prefer `code`, which survives edits above the finding. */
  readonly line?: number;
  /** Only findings whose source line contains this text. */
  readonly code?: string;
  readonly justification: string;
}

/** A check not run at all (passed to Electronegativity's `-x`), with the reason. */
export interface ExcludedCheck {
  readonly check: string;
  readonly justification: string;
}

export interface AllowList {
  readonly excludedChecks: readonly ExcludedCheck[];
  readonly allow: readonly AllowEntry[];
}

export interface Verdict {
  readonly explained: readonly { readonly finding: Finding; readonly entry: AllowEntry }[];
  readonly unexplained: readonly Finding[];
  readonly stale: readonly AllowEntry[];
}

/** A justification must say something: a word or two is not a reason. */
export const MIN_JUSTIFICATION_LENGTH = 40;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined), v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The file of a SARIF artifact URI, relative to `root` when it is below it. */
export function normaliseFile(uri: string, root = ''): string {
  if (uri === '' || uri === 'file:///' || uri === 'file://') return NO_FILE;
  let path = uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri;
  path = path.replaceAll('\\', '/');
  // file:///C:/x parses to /C:/x; a Windows root is given as C:/x or C:\x.
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1);
  const base = root.replaceAll('\\', '/').replace(/\/+$/, '');
  if (base !== '' && path.startsWith(`${base}/`)) path = path.slice(base.length + 1);
  return path.replace(/^(\.\/)+/, '');
}

/** Every result of every run of a SARIF 2.1 log. Throws when the input is not one. */
export function parseSarif(log: unknown, root = ''): Finding[] {
  const runs = at(log, 'runs');
  if (!Array.isArray(runs)) throw new Error('Not a SARIF log: it has no "runs" array.');
  return runs.flatMap((run, r) => {
    const results = at(run, 'results') ?? [];
    if (!Array.isArray(results)) throw new Error(`Not a SARIF log: runs[${r}].results is not an array.`);
    const rules = at(run, 'tool', 'driver', 'rules');
    const rule = (index: unknown): unknown => (Array.isArray(rules) && typeof index === 'number' ? rules[index] : undefined);
    return results.map((result): Finding => {
      const ruleOf = rule(at(result, 'ruleIndex'));
      const location = at(result, 'locations', 0, 'physicalLocation');
      const line = at(location, 'region', 'startLine');
      return {
        check: text(at(result, 'ruleId')) ?? text(at(ruleOf, 'id')) ?? '(unnamed check)',
        file: normaliseFile(text(at(location, 'artifactLocation', 'uri')) ?? '', root),
        line: typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : 1,
        message: text(at(result, 'message', 'text')) ?? text(at(ruleOf, 'fullDescription', 'text')) ?? '',
        level: text(at(result, 'level')) ?? 'warning',
      };
    });
  });
}

/** The allow-list file's content, checked: every problem is listed in one error. */
export function parseAllowList(json: unknown): AllowList {
  const problems: string[] = [];
  if (!isObject(json)) throw new Error('The allow-list must be a JSON object with "allow" and "excludedChecks" arrays.');
  const list = (key: string): unknown[] => {
    const value = json[key] ?? [];
    if (Array.isArray(value)) return value;
    problems.push(`"${key}" must be an array.`);
    return [];
  };
  const known = new Set(['check', 'file', 'line', 'code', 'justification']);
  const required = (where: string, entry: Json, key: string): string => {
    const value = entry[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    problems.push(`${where}: "${key}" must be a non-empty string.`);
    return '';
  };
  const justified = (where: string, entry: Json): string => {
    const value = required(where, entry, 'justification');
    if (value !== '' && value.trim().length < MIN_JUSTIFICATION_LENGTH) {
      problems.push(`${where}: the justification must explain why (at least ${MIN_JUSTIFICATION_LENGTH} characters).`);
    }
    return value;
  };

  const allow = list('allow').flatMap((raw, i): AllowEntry[] => {
    const where = `allow[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${where} must be an object.`);
      return [];
    }
    for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`${where}: unknown key "${key}".`);
    const entry: { -readonly [K in keyof AllowEntry]: AllowEntry[K] } = {
      check: required(where, raw, 'check'),
      file: required(where, raw, 'file'),
      justification: justified(where, raw),
    };
    if (raw.line !== undefined) {
      if (typeof raw.line === 'number' && Number.isInteger(raw.line) && raw.line > 0) entry.line = raw.line;
      else problems.push(`${where}: "line" must be a positive integer.`);
    }
    if (raw.code !== undefined) entry.code = required(where, raw, 'code');
    return [entry];
  });

  const excludedChecks = list('excludedChecks').flatMap((raw, i): ExcludedCheck[] => {
    const where = `excludedChecks[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${where} must be an object.`);
      return [];
    }
    for (const key of Object.keys(raw)) if (key !== 'check' && key !== 'justification') problems.push(`${where}: unknown key "${key}".`);
    const check = required(where, raw, 'check');
    if (check !== '' && !/^\w+$/.test(check)) problems.push(`${where}: "check" must be a check's class name, e.g. AvailableSecurityFixesGlobalCheck.`);
    return [{ check, justification: justified(where, raw) }];
  });

  if (problems.length > 0) throw new Error(`The allow-list is not valid:\n  ${problems.join('\n  ')}`);
  return { excludedChecks, allow };
}

export function entryMatches(entry: AllowEntry, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.line === undefined || entry.line === finding.line) &&
    (entry.code === undefined || (finding.source ?? '').includes(entry.code))
  );
}

/** Each finding against the list (the first matching entry explains it); entries that explain nothing are stale. */
export function judge(findings: readonly Finding[], allow: readonly AllowEntry[]): Verdict {
  const used = new Set<AllowEntry>();
  const explained: { finding: Finding; entry: AllowEntry }[] = [];
  const unexplained: Finding[] = [];
  for (const finding of findings) {
    const entry = allow.find((e) => entryMatches(e, finding));
    if (entry) {
      used.add(entry);
      explained.push({ finding, entry });
    } else {
      unexplained.push(finding);
    }
  }
  return { explained, unexplained, stale: allow.filter((e) => !used.has(e)) };
}

/** Adds each finding's source line, read with `readFile` (undefined when the file cannot be read). */
export function withSource(findings: readonly Finding[], readFile: (file: string) => string | undefined): Finding[] {
  const cache = new Map<string, string[] | undefined>();
  return findings.map((finding) => {
    if (finding.file === NO_FILE) return finding;
    if (!cache.has(finding.file)) cache.set(finding.file, readFile(finding.file)?.split(/\r?\n/));
    const source = cache.get(finding.file)?.[finding.line - 1]?.trim();
    return source === undefined ? finding : { ...finding, source };
  });
}

/**
 * Lines that silence Electronegativity in the code (`// eng-disable CHECK`, `<!-- eng-disable -->`).
 * The allow-list is the one place where a finding is explained, so these are refused.
 */
export function inlineSuppressions(files: readonly { readonly file: string; readonly text: string }[]): string[] {
  return files.flatMap(({ file, text: content }) =>
    content.split(/\r?\n/).flatMap((line, i) => (/eng-disable/i.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const describeEntry = (e: AllowEntry): string =>
  `${e.check}  ${e.file}${e.line === undefined ? '' : `:${e.line}`}${e.code === undefined ? '' : `  (code ${JSON.stringify(e.code)})`}`;

/** A readable account of what is wrong, or '' when every finding is explained and every entry is used. */
export function formatVerdict(verdict: Verdict, allowListPath: string): string {
  const parts: string[] = [];
  if (verdict.unexplained.length > 0) {
    parts.push(
      `Electronegativity: ${verdict.unexplained.length} finding(s) not explained in ${allowListPath}:`,
      ...verdict.unexplained.map(
        (f) => `  ${f.check}  ${f.file}${f.file === NO_FILE ? '' : `:${f.line}`}  [${f.level}] ${f.message}${f.source ? `\n      > ${f.source}` : ''}`,
      ),
      `Fix the code; only a false positive or a deliberate choice goes in ${allowListPath}, as {check, file, code or line, justification}.`,
    );
  }
  if (verdict.stale.length > 0) {
    parts.push(
      `${verdict.stale.length} allow-list entry(ies) in ${allowListPath} no longer match any finding; remove them:`,
      ...verdict.stale.map((e) => `  ${describeEntry(e)}`),
    );
  }
  return parts.join('\n');
}
