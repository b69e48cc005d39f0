import { describe, expect, it } from 'vitest';
import { markingOf, plain } from '../../../../shared/report/document';

const markingLine = (report: { readonly marking: Parameters<typeof markingOf>[0] }): string => plain(markingOf(report.marking));
import { cssString, reportHtml } from '../../../../shared/report/html';
import type { AfterActionReport } from '../../../../shared/report/model';
import { reportWith } from './fixture';

// Markings come from a scenario file anyone can write. Whatever one holds, the page's CSS must
// keep its shape: the marking can change the text in the page-margin boxes and nothing else.

/** What CSS reads a string's content as (CSS Syntax 3, "consume a string token" and "consume an escaped code point"). */
function decodeCssString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6}/.exec(body.slice(i + 1))?.[0];
    if (hex) {
      const code = parseInt(hex, 16);
      out += code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
      i += hex.length;
      if (/[ \t\n]/.test(body[i + 1] ?? '')) i++;
    } else if (body[i + 1] === '\n') {
      i++;
    } else if (i + 1 < body.length) {
      out += body[++i];
    }
  }
  return out;
}

/**
 * The style sheet split into what lies outside string literals (strings replaced by "") and
 * the strings, decoded. A raw line ending inside a string makes CSS end it as a bad string: refused.
 */
function tokens(css: string): { readonly skeleton: string; readonly strings: readonly string[] } {
  // CSS's own preprocessing: every line ending becomes \n, NUL becomes U+FFFD.
  const input = css.replace(/\r\n|\r|\f/g, '\n').replace(/\0/g, '\ufffd');
  let skeleton = '';
  const strings: string[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === '/' && input[i + 1] === '*') {
      const end = input.indexOf('*/', i + 2);
      skeleton += input.slice(i, end < 0 ? input.length : end + 2);
      i = end < 0 ? input.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let body = '';
      while (j < input.length && input[j] !== c) {
        if (input[j] === '\n') throw new Error(`a line ending ends the string at ${j}: ${JSON.stringify(input.slice(i, j + 1))}`);
        if (input[j] === '\\') body += input[j++];
        body += input[j++] ?? '';
      }
      strings.push(decodeCssString(body));
      skeleton += `${c}${c}`;
      i = j + 1;
    } else {
      skeleton += c;
      i++;
    }
  }
  return { skeleton, strings };
}

/** The style element's text, as an HTML parser reads it: up to the first "</style". */
function styleOf(html: string): string {
  const start = html.indexOf('<style>') + '<style>'.length;
  const end = html.search(/<\/style/i);
  expect(html.slice(end), 'the style element ends where the page means it to').toMatch(/^<\/style><\/head>/);
  return html.slice(start, end);
}

const base = reportWith('North');
const withMarking = (classification: string): AfterActionReport => ({ ...base, marking: { ...base.marking, classification } });

const HOSTILE_MARKINGS = [
  "EXERCISE\f}} h2, p.alert, .marking {display:none} @page{@top-center{content:'UNCLASSIFIED - REAL WORLD'}}",
  'EXERCISE"; } h2 { display: none } @page { @top-center { content: "REAL WORLD',
  "EXERCISE'; }",
  'back\\slash \\" \\\\',
  '</style><script>alert(1)</script>',
  '</STYLE >',
  '{ } ; : @ /* */',
  'line\nfeed',
  'carriage\rreturn',
  'both\r\nendings',
  'form\ffeed',
  'vertical\vtab and tab\t',
  'NUL\0here',
  'separators\u2028\u2029\u0085',
  'lone \ud800 and \udc00 surrogates',
  '\\00000a escaped already',
  'emoji 😀 and accents é — ·',
  'url(https://x.example) @import "x";',
];

describe('CSS in the report', () => {
  const harmless = tokens(styleOf(reportHtml(withMarking('RESTRICTED'))));

  it.each(HOSTILE_MARKINGS.map((m) => [JSON.stringify(m), m]))('keeps its shape whatever the marking: %s', (_, marking) => {
    const report = withMarking(marking);
    const css = tokens(styleOf(reportHtml(report)));
    expect(css.skeleton).toBe(harmless.skeleton);
    // Only the strings that held the harmless marking differ, and they read as the marking.
    const expected = markingLine(report).replace(/\0/g, '\ufffd').replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => {
      const pair = /[\ud800-\udbff]/.test(c) ? /[\udc00-\udfff]/.test(s[i + 1] ?? '') : /[\ud800-\udbff]/.test(s[i - 1] ?? '');
      return pair ? c : '\ufffd';
    });
    const harmlessLine = markingLine(withMarking('RESTRICTED'));
    expect(harmless.strings.filter((x) => x === harmlessLine)).toHaveLength(2);
    expect(css.strings).toEqual(harmless.strings.map((x) => (x === harmlessLine ? expected : x)));
  });

  it('writes every character outside a small safe set as a six-digit escape', () => {
    expect(cssString('A-z 0.9,:_')).toBe('"A-z 0.9,:_"');
    expect(cssString('\f}"\'\\<')).toBe('"\\00000c \\00007d \\000022 \\000027 \\00005c \\00003c "');
    expect(cssString('😀 x')).toBe('"\\01f600  x"');
    expect(cssString('\0\ud800')).toBe('"\\00fffd \\00fffd "');
  });
});

describe('bidirectional text in the report', () => {
  // An override with no end: outside an isolate it would reverse everything after it.
  const OVERRIDE = '\u202eNAME';
  const html = reportHtml(reportWith(OVERRIDE));
  const body = html.slice(html.indexOf('<body>'));

  it('isolates a name inside our own words in <bdi>, and gives text that is all theirs dir="auto"', () => {
    expect(body).toContain(`<h3>Delegation: <bdi>${OVERRIDE}</bdi></h3>`);
    expect(body).toContain(`<h1>After-action report: <bdi>${OVERRIDE}</bdi></h1>`);
    expect(body).toContain(`<div class="marking">EXERCISE · <bdi>${OVERRIDE}</bdi> · TLP:AMBER · EXERCISE</div>`);
    expect(body).toContain(`<td>Attributed to State-sponsored actor, moderate confidence: <bdi>${OVERRIDE}</bdi></td>`);
    // The new sections: a name beside our words in the joint decision and the hot wash, an objective's title in the plan.
    expect(body).toContain(`<td><bdi>${OVERRIDE}</bdi> (entered from paper)</td>`);
    expect(body).toContain(`<td>Abstains constructively: <bdi>${OVERRIDE}</bdi>: <bdi>${OVERRIDE}</bdi></td>`);
    expect(body).toContain(`<td>Fails: blocked by <bdi>${OVERRIDE}</bdi>, <bdi>South</bdi></td>`);
    expect(body).toContain(`<p dir="auto">${OVERRIDE}</p>`);
    expect(body).toContain(`<td dir="auto">${OVERRIDE}</td>`);
    expect(body).toContain(`<dt>Facilitator</dt><dd dir="auto">${OVERRIDE}</dd>`);
  });

  it('leaves no user text outside an isolate', () => {
    const isolated = body
      .replaceAll(`<bdi>${OVERRIDE}</bdi>`, '')
      .replace(/ dir="auto">[^<]*</g, '><');
    expect(isolated).not.toContain(OVERRIDE);
  });
});
