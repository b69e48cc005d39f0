/**
 * JSON as a hostile file may write it. JSON.parse takes the last of two equal keys silently
 * and leaves depth to whatever reads the value next (a validator recursing 20,000 levels
 * deep overflows the stack), so a scan in one linear pass with an explicit stack checks
 * both first and says where, in lines and columns a person can find in an editor.
 */
export const MAX_JSON_DEPTH = 64;

export class JsonProblem extends Error {
  override name = 'JsonProblem';
}

interface Container {
  readonly keys: Set<string> | null; // null for an array
  expectKey: boolean;
}

function position(text: string, index: number): string {
  // Counted in characters, as editors count columns.
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** The end (exclusive) of the string literal that starts at `start` (a quote), or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
  }
  return -1;
}

/**
 * Checks that no object repeats a key and nothing nests deeper than `maxDepth`. Syntax is
 * JSON.parse's to judge afterwards; this scan only needs to find strings and brackets, which
 * it does reliably in any text (in text that is not JSON it may complain first, also fine).
 */
function checkStructure(text: string, maxDepth: number): void {
  const stack: Container[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === -1) return; // unterminated: JSON.parse reports it
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        // Escapes make "a" and "\u0061" the same key: compare them decoded.
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return;
        }
        if (top.keys.has(key)) throw new JsonProblem(`the key ${JSON.stringify(key)} appears twice in one object (${position(text, i)}).`);
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end - 1;
    } else if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) throw new JsonProblem(`nested more than ${maxDepth} levels deep (${position(text, i)}).`);
      stack.push({ keys: c === '{' ? new Set() : null, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
  }
}

/** JSON.parse's message names a position in characters; add the line and column. */
function syntaxMessage(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  const where = at ? ` at ${position(text, Number(at[1]))}` : '';
  return `not valid JSON (${error.message.replace(/ in JSON at position \d+.*$/s, '')}${where}).`;
}

/** Parses JSON text, refusing repeated keys and deep nesting; throws JsonProblem with a sentence. */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  // Depth first: nothing recursive should ever see a file nested 20,000 levels deep.
  checkStructure(text, maxDepth);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JsonProblem(syntaxMessage(text, error as Error));
  }
}
