import type { BlockContent, Html, PhrasingContent, Root, RootContent, Table, TableCell, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { markingOf, plain, reportBlocks, type Block, type Inline } from './document';
import type { AfterActionReport } from './model';

// The report as GitHub-flavoured Markdown. It is built as a syntax tree whose every text is a
// text node, and serialised by mdast-util-to-markdown, which escapes what the syntax would
// read as markup wherever it would be read so (and only there): a finding starting "- " or
// "1. ", a line "---", a "|" in a cell, a "<" or a "*" stay text. Reading the file back gives
// the same tree (tests/unit/shared/report/markdown.test.ts).

/**
 * Between the characters of a would-be URL or e-mail address. GFM finds "www.x.example",
 * "https://x.example" and "a@b.example" in the text after escapes are decoded
 * (mdast-util-gfm-autolink-literal transforms text nodes), so no escape keeps them text; an
 * empty comment ends the text node there, shows nothing when rendered, and is never user text.
 */
export const LINK_BREAK = '<!---->';

/** Where GFM's literal autolinks start: "http(s)://", "www.", and "@" inside an address. */
const LINK_TRIGGERS = /(?<=https?)(?=:\/\/)|(?<=www)(?=\.)|(?<=[\w+\-.])(?=@[\w-])/gi;

const LINE_ENDING = /\r\n|\r|\n/;

function texts(value: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  // Every Markdown reader reads NUL as U+FFFD; the tree says so rather than pretend otherwise.
  value.replace(/\0/g, '\ufffd').split(LINK_TRIGGERS).forEach((piece, i) => {
    if (i > 0) nodes.push({ type: 'html', value: LINK_BREAK } satisfies Html);
    if (piece !== '') nodes.push({ type: 'text', value: piece } satisfies Text);
  });
  return nodes;
}

/** Side by side, text nodes are one text to a reader, so the tree holds them as one. */
function joined(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}

/** Hard breaks where the text had line endings: the reader sees the lines as they were typed. */
function lines(text: Inline): PhrasingContent[] {
  const all = plain(text).split(LINE_ENDING);
  // A break ends a line that something follows; after the last text there is nothing to break.
  while (all.length > 1 && all.at(-1) === '') all.pop();
  return all.flatMap((l, i): PhrasingContent[] => (i === 0 ? texts(l) : [{ type: 'break' }, ...texts(l)]));
}

/**
 * One line: a GFM table row or a heading cannot hold a line break (a break node in a cell
 * ends the row when read back), so in them line endings, with the blanks around them, become
 * one space, and blanks at either end, which the syntax trims, are dropped. Only there.
 */
function oneLine(text: Inline): PhrasingContent[] {
  return texts(plain(text).replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''));
}

const cell = (text: Inline): TableCell => ({ type: 'tableCell', children: oneLine(text) });

function table(head: readonly Inline[], rows: readonly (readonly Inline[])[]): Table {
  return {
    type: 'table',
    align: head.map(() => null),
    children: [head, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
}

function paragraph(children: PhrasingContent[]): BlockContent {
  return { type: 'paragraph', children };
}

function blockNodes(block: Block): RootContent[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'heading', depth: block.level, children: oneLine(block.text) }];
    case 'paragraph': {
      const content = lines(block.text);
      // Markdown has no empty paragraph: it would be read as nothing.
      if (content.length === 0) return [];
      if (block.tone === 'alert') return [paragraph([{ type: 'strong', children: content }])];
      if (block.tone === 'muted') return [paragraph([{ type: 'emphasis', children: content }])];
      return [paragraph(content)];
    }
    case 'fields':
      return [
        {
          type: 'list',
          ordered: false,
          start: null,
          spread: false,
          children: block.rows.map(([label, value]) => {
            const shown = lines(value);
            return {
              type: 'listItem',
              spread: false,
              checked: null,
              children: [paragraph(joined([{ type: 'strong', children: texts(`${label}:`) }, ...(shown.length > 0 ? [{ type: 'text', value: ' ' } as const, ...shown] : [])]))],
            };
          }),
        },
      ];
    case 'table':
      return [table(block.head, block.rows)];
    case 'quote':
      // The quotation keeps its line endings inside its text, so the text read back is the
      // paragraph exactly as the corpus holds it.
      return [
        paragraph(texts(`${block.citation}:`)),
        { type: 'blockquote', children: [paragraph(texts(block.text))] },
        // Its footnotes after it, outside the quotation, one paragraph each.
        ...block.footnotes.map((f) => paragraph(texts(f))),
      ];
    case 'radar':
      // The ratings table right after it carries the same numbers.
      return [];
    case 'pageBreak':
      return [{ type: 'thematicBreak' }];
  }
}

/** The syntax tree of the report's Markdown: the marking first and last, the layout between. */
export function reportTree(report: AfterActionReport): Root {
  const marking: RootContent = paragraph([{ type: 'strong', children: oneLine(markingOf(report.marking)) }]);
  return { type: 'root', children: [marking, ...reportBlocks(report).flatMap(blockNodes), marking] };
}

export function reportMarkdown(report: AfterActionReport): string {
  return toMarkdown(reportTree(report), {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    // Columns are not padded to a common width: a long finding would pad every row of its table.
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  });
}
