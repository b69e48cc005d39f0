import { labelPlacement, pointsAttr, radarPoints, ringPoints, type RadarFrame } from '../radar';
import { markingOf, plain, reportBlocks, type Block, type Inline } from './document';
import type { AfterActionReport, ReportMarking } from './model';

/**
 * The report as one self-contained HTML document, the page the app and the tests print to
 * PDF with Chromium. The EXERCISE and classification markings and the page numbers are CSS
 * page-margin boxes, so every printed page carries them whichever Chromium prints it. All
 * text is escaped; the page has no script, and its CSP allows nothing but its own styles.
 */

/** The report page needs its inline styles and nothing else: no script, no request of any kind. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What may stand as itself in a CSS string: nothing in it can end the string, the rule or the style element. */
const CSS_SAFE = /^[A-Za-z0-9 .,:_-]$/;

/**
 * A CSS string literal of any text: every other character is a six-digit hex escape, so
 * quotes, backslashes, braces, "<", and every line ending CSS knows (\n, \r, \f) stay inside
 * the string. Each escape ends with a space: CSS takes one blank after an escape as its end,
 * even after six digits, so without it a space that follows in the text would vanish. CSS reads an escaped NUL or lone
 * surrogate as U+FFFD, and so would the page's UTF-8, so they are written as U+FFFD.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (CSS_SAFE.test(ch)) {
      out += ch;
      continue;
    }
    const code = ch.codePointAt(0)!;
    const shown = code === 0 || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code;
    out += `\\${shown.toString(16).padStart(6, '0')} `;
  }
  return `${out}"`;
}

/**
 * Inline text as HTML. What someone typed is isolated in <bdi>, so a bidirectional override
 * in a name reverses nothing around it; text that is theirs alone gets its element's dir="auto"
 * instead (see `attrs`).
 */
function inlineHtml(text: Inline): string {
  if (isTheirs(text)) return escapeHtml(text[0]!.text);
  return text.map((s) => (s.user ? `<bdi>${escapeHtml(s.text)}</bdi>` : escapeHtml(s.text))).join('');
}

const isTheirs = (text: Inline): boolean => text.length === 1 && text[0]!.user === true;

/** dir="auto" on an element whose whole text someone typed: its direction is that text's own, isolated from the rest. */
const dirOf = (text: Inline): string => (isTheirs(text) ? ' dir="auto"' : '');

const FRAME: RadarFrame = { cx: 220, cy: 130, radius: 90, max: 4 };

function radarSvg(axes: readonly { label: string; value: number | null }[]): string {
  const n = axes.length;
  const rings = [1, 2, 3, 4].map((v) => `<polygon class="ring" points="${pointsAttr(ringPoints(FRAME, v, n))}"/>`).join('');
  const spokes = ringPoints(FRAME, 4, n).map((p) => `<line class="spoke" x1="${FRAME.cx}" y1="${FRAME.cy}" x2="${p.x}" y2="${p.y}"/>`).join('');
  const shape = `<polygon class="shape" points="${pointsAttr(radarPoints(FRAME, axes.map((a) => a.value)))}"/>`;
  const labels = axes
    .map((a, i) => {
      const at = labelPlacement(FRAME, i, n, 10, 6);
      return `<text x="${at.x}" y="${at.y + 4}" text-anchor="${at.anchor}">${escapeHtml(a.label)} ${a.value === null ? '–' : a.value}</text>`;
    })
    .join('');
  const summary = axes.map((a) => `${a.label} ${a.value ?? 'not rated'}`).join(', ');
  return `<figure class="radar"><svg viewBox="0 0 440 260" width="440" height="260" role="img" aria-label="${escapeHtml(`Proportionality profile: ${summary}`)}">${rings}${spokes}${shape}${labels}</svg></figure>`;
}

/** A time stays on one line; the running text takes the width the other columns leave. */
function cellClass(block: Extract<Block, { type: 'table' }>, column: number): string {
  const classes = [block.timeColumns?.includes(column) ? 'time' : '', block.wide === column ? 'wide' : ''].filter(Boolean);
  return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}${dirOf(block.text)}>${inlineHtml(block.text)}</h${block.level}>`;
    case 'paragraph': {
      const tone = block.tone ? ` class="${block.tone}"` : '';
      return `<p${tone}${dirOf(block.text)}>${inlineHtml(block.text)}</p>`;
    }
    case 'fields':
      return `<dl>${block.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd${dirOf(value)}>${inlineHtml(value)}</dd>`).join('')}</dl>`;
    case 'table':
      return (
        `<table><thead><tr>${block.head.map((h, i) => `<th${block.wide === i ? ' class="wide"' : ''}${dirOf(h)}>${inlineHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
        block.rows
          .map((row) => `<tr>${row.map((c, i) => `<td${cellClass(block, i)}${dirOf(c)}>${inlineHtml(c)}</td>`).join('')}</tr>`)
          .join('') +
        '</tbody></table>'
      );
    case 'quote': {
      // The footnotes follow the quotation, outside it: the blockquote holds the paragraph alone.
      const notes = block.footnotes.length > 0 ? `<p class="quote-notes" lang="${block.lang}">${block.footnotes.map(escapeHtml).join('<br>')}</p>` : '';
      return `<figure class="quote"><figcaption>${escapeHtml(block.citation)}</figcaption><blockquote lang="${block.lang}">${escapeHtml(block.text)}</blockquote>${notes}</figure>`;
    }
    case 'radar':
      return radarSvg(block.axes);
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

function styles(markingText: string): string {
  const marking = cssString(markingText);
  const margin = `font: 600 8.5pt system-ui, 'DejaVu Sans', sans-serif; color: #8a1c1c; letter-spacing: 0.04em;`;
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm;
  @top-center { content: ${marking}; ${margin} }
  @bottom-left { content: ${marking}; ${margin} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt system-ui, 'DejaVu Sans', sans-serif; color: #333; }
}
:root { color: #1a1a1a; font: 9.5pt/1.4 system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 8pt; color: #0d2c54; }
h2 { font-size: 12.5pt; margin: 14pt 0 5pt; color: #0d2c54; border-bottom: 1.5pt solid #0d2c54; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; color: #0d2c54; break-after: avoid; }
h4 { font-size: 9.5pt; margin: 8pt 0 3pt; color: #0d2c54; break-after: avoid; }
p { margin: 0 0 5pt; white-space: pre-wrap; }
p.muted { color: #555; font-size: 8.5pt; }
p.alert { color: #fff; background: #a4161a; padding: 5pt 7pt; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 8pt; }
dt { font-weight: 600; color: #333; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; }
table { width: 100%; border-collapse: collapse; margin: 0 0 7pt; font-size: 8pt; line-height: 1.28; }
th, td { border: 0.5pt solid #b8c0cc; padding: 2pt 4pt; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: break-word; }
th { background: #e8edf4; }
td.time { white-space: nowrap; }
th.wide, td.wide { width: 55%; }
tr { break-inside: avoid; }
figure { margin: 0 0 8pt; }
figure.radar { text-align: center; }
.radar svg { font: 8pt system-ui, 'DejaVu Sans', sans-serif; }
.radar .ring { fill: none; stroke: #c9d1dc; stroke-width: 0.7; }
.radar .spoke { stroke: #c9d1dc; stroke-width: 0.7; }
.radar .shape { fill: rgba(13, 44, 84, 0.25); stroke: #0d2c54; stroke-width: 1.5; }
figure.quote { break-inside: avoid; }
.quotes { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0 10pt; }
figcaption { font-weight: 600; font-size: 9pt; color: #333; }
blockquote { margin: 2pt 0 0; padding: 3pt 0 3pt 9pt; border-left: 2.5pt solid #0d2c54; white-space: pre-wrap; }
.quote-notes { margin: 2pt 0 0 11.5pt; font-size: 8.5pt; color: #444; }
.page-break { break-before: page; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } .marking { display: block; } }
.marking { display: none; text-align: center; ${margin} }
`;
}

/**
 * The blocks in order; a paragraph quoted in several languages has its quotations side by
 * side, so that quoting in every language does not double the appendix's length.
 */
function bodyHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && blocks[j]!.type === 'quote') j += 1;
    if (j - i > 1) {
      out.push(`<div class="quotes">${blocks.slice(i, j).map(blockHtml).join('')}</div>`);
      i = j;
    } else {
      out.push(blockHtml(blocks[i]!));
      i += 1;
    }
  }
  return out.join('\n');
}

/** The whole document; `lang="en"` because the prose is English (quotations carry their own language). */
export function reportHtml(report: AfterActionReport): string {
  return pagesHtml(`After-action report: ${report.overview.title}`, report.marking, reportBlocks(report));
}

/** Any printed document of the app (the report, the handouts): every page carries its marking. */
export function pagesHtml(title: string, marking: ReportMarking, blocks: readonly Block[]): string {
  const line = markingOf(marking);
  const shown = `<div class="marking">${inlineHtml(line)}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${escapeHtml(title)}</title>
<style>${styles(plain(line))}</style></head>
<body>${shown}${bodyHtml(blocks)}${shown}</body></html>
`;
}
