import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { LINK_BREAK, reportMarkdown, reportTree } from '../../../../shared/report/markdown';
import { reportWith } from './fixture';

// The Markdown is right when a GFM reader reads back the very tree the report wrote: then no
// user text became a list, a heading, a link, a second table row or markup of any kind.

const read = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/**
 * Positions say where a node was read, which a written tree cannot know; they are the only
 * thing removed. Text nodes are not merged: the writer never puts two side by side and the
 * reader merges them, so a split the reader made would show as a difference.
 */
function withoutPositions(node: Nodes): unknown {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown };
  return 'children' in node ? { ...rest, children: node.children.map(withoutPositions) } : rest;
}

/** The text a reader sees in a block: breaks as line feeds, the report's link breaks as nothing. */
function shown(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html') {
    expect(node.value, 'the only HTML is the empty comment between a would-be link').toBe(LINK_BREAK);
    return '';
  }
  return 'children' in node ? node.children.map(shown).join('') : '';
}

/** Every heading, paragraph and table cell, as shown. */
function blockTexts(tree: Root): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') out.push(shown(node));
    else if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return out;
}

function roundTrips(text: string, delegations: 1 | 2 = 2): void {
  const report = reportWith(text, { delegations });
  const written = reportTree(report);
  const markdown = reportMarkdown(report);
  const [got, wanted] = [withoutPositions(read(markdown)), withoutPositions(written)];
  // The deep comparison of the assertion library is slow on a whole report; it runs only to show a difference.
  if (!isDeepStrictEqual(got, wanted)) expect(got, markdown).toEqual(wanted);

  // And the tree says what the user wrote, in every kind of slot.
  const blocks = blockTexts(read(markdown));
  if (text.trim() === '') return;
  const typed = text.replace(/\0/g, '\ufffd');
  const lines = typed.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '');
  expect(blocks, 'paragraph').toContain(lines);
  expect(blocks, 'list item').toContain(`Facilitator: ${lines}`);
  expect(blocks, 'the marking').toContain(oneLine(`EXERCISE · ${typed} · TLP:AMBER · EXERCISE`));
  expect(blocks, 'table cell').toContain(oneLine(typed));
  expect(blocks, 'heading').toContain(oneLine(`Delegation: ${typed}`));
}

/** What a cell or a heading holds: one line, as markdown.ts documents. */
const oneLine = (text: string): string => text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');

/** Pieces that mean something to Markdown or GFM at the start of a line, inside a line, or in a cell. */
const TRICKY = [
  '\r', '\n', '\r\n', '\n\n', '- ', '* ', '+ ', '1. ', '1) ', '---', '***', '===', '# ', '#', '|', '<', '>', '&', '&amp;', '&#x41;', '`', '```', '~~~', '*', '_',
  '**', '~', '\\', '[', ']', '(', ')', '![', '[^1]', '[ ] ', ' ', '  ', '    ', '\t', ':', '@', '.', '/', 'https://x.example', 'http://', 'www.', 'www.x.com',
  'a@b.example', 'mailto:a@b.example', 'xmpp:a@b.example', '<!---->', '<b>', '</style>', '<https://x.example>', '=', '!', '"', "'", '\u00a0', '\u2028', '\u202e',
];

const userText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 14 })
  .map((parts) => parts.join(''));

describe('the report as Markdown', () => {
  it.each([
    ['a line starting a list', '- not a list\n1. nor this'],
    ['a line under text', 'Not a heading\n---'],
    ['a bare carriage return in a cell', 'one\rtwo | three'],
    ['links and addresses', 'See https://x.example, www.x.example and write to a@b.example'],
    ['parentheses', 'Time (UTC)'],
    ['an HTML comment of our own shape', 'a<!---->b'],
    ['NUL', 'a\u0000b'],
    ['an indented entity', '    &amp;'],
  ])('reads back as written: %s', (_, text) => roundTrips(text));

  it('reads back as written, whatever the user typed, in every kind of slot', () => {
    // One delegation: every kind of slot is there, at half the size of the examples above.
    fc.assert(fc.property(userText, (text) => roundTrips(text, 1)), { numRuns: 100 });
  }, 120_000);

  it('escapes only where the syntax would read markup: ordinary parentheses stay as typed', () => {
    const markdown = reportMarkdown(reportWith('Time (UTC) and a note'));
    expect(markdown).toContain('| Time (UTC) |');
    expect(markdown).toContain('Time (UTC) and a note');
    expect(markdown).not.toContain('\\(');
  });
});
