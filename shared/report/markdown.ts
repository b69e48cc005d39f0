import { markingLine, reportBlocks, type Block } from './document';
import type { AfterActionReport } from './model';

// The report as Markdown (CommonMark with pipe tables). Text is escaped so that a finding
// or a quotation never turns into markup, a link or an image in a Markdown viewer.

const SPECIAL = /[\\`*_{}[\]()<>#+!|~]/g;
const escapeText = (text: string): string => text.replace(SPECIAL, (c) => `\\${c}`);
/** A table cell is one line: line breaks become spaces. */
const cell = (text: string): string => escapeText(text.replace(/\s*\r?\n\s*/g, ' ')) || ' ';
/** A paragraph keeps its line breaks as hard breaks. */
const lines = (text: string): string => text.split(/\r?\n/).map(escapeText).join('  \n');

function blockText(block: Block): string | null {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${cell(block.text)}`;
    case 'paragraph':
      return block.tone === 'alert' ? `**${lines(block.text)}**` : block.tone === 'muted' ? `*${lines(block.text)}*` : lines(block.text);
    case 'fields':
      return block.rows.map(([label, value]) => `- **${cell(label)}:** ${cell(value)}`).join('\n');
    case 'table': {
      const head = `| ${block.head.map(cell).join(' | ')} |`;
      const rule = `|${block.head.map(() => ' --- ').join('|')}|`;
      return [head, rule, ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
    }
    case 'quote':
      return `${cell(block.citation)}:\n\n${block.text.split(/\r?\n/).map((l) => `> ${escapeText(l)}`).join('\n')}`;
    case 'radar':
      // The ratings table right after it carries the same numbers.
      return null;
    case 'pageBreak':
      return '---';
  }
}

export function reportMarkdown(report: AfterActionReport): string {
  const marking = `**${escapeText(markingLine(report))}**`;
  const body = reportBlocks(report).map(blockText).filter((t): t is string => t !== null);
  return [marking, ...body, marking].join('\n\n') + '\n';
}
