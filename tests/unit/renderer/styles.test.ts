import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The styles as a system: colours are written once, in the tokens file, and components name
// them by role; so a near-duplicate cannot creep in unseen, and no stylesheet grows into a
// second runs.css. Plain reading of the files: stylelint would add a toolchain for three rules.

const SRC = fileURLToPath(new URL('../../../renderer/src/', import.meta.url));
const TOKENS = 'styles/tokens.css';
const MAX_LINES = 450;

// CSS named colours (CSS Color 4), without the keywords that name no colour of their own.
const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
  cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
  darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
  darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
  firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
  hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
  mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
  midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
  palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
  rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
  slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
  whitesmoke yellow yellowgreen canvas canvastext linktext visitedtext activetext buttonface buttontext buttonborder
  field fieldtext highlight highlighttext mark marktext graytext accentcolor accentcolortext`.split(/\s+/),
);
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;

interface Sheet {
  readonly path: string;
  readonly text: string;
}

function sheets(dir: string): readonly Sheet[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): readonly Sheet[] => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sheets(full);
    if (!entry.name.endsWith('.css')) return [];
    return [{ path: relative(SRC, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }];
  });
}

/** The text without comments and quoted strings, which may mention colours freely. */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');

interface Declaration {
  readonly property: string;
  readonly value: string;
}

/** Every declaration inside a rule's braces (selectors and at-rule preludes are left out). */
function declarations(text: string): readonly Declaration[] {
  const out: Declaration[] = [];
  for (const [, body] of code(text).matchAll(/\{([^{}]*)\}/g)) {
    for (const part of body!.split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) out.push({ property: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim() });
    }
  }
  return out;
}

function rawColour(value: string): string | null {
  const hex = HEX.exec(value);
  if (hex) return hex[0];
  const fn = COLOUR_FUNCTION.exec(value);
  if (fn) return fn[0];
  const named = value.toLowerCase().match(/[a-z-]+/g)?.find((word) => NAMED_COLOURS.has(word));
  return named ?? null;
}

const all = sheets(SRC);
const tokens = all.find((s) => s.path === TOKENS);
const defined = (text: string): ReadonlySet<string> => new Set([...code(text).matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!));

describe('the stylesheets', () => {
  it('have one tokens file, and it defines only custom properties on :root', () => {
    expect(tokens, TOKENS).toBeDefined();
    expect(declarations(tokens!.text).filter((d) => !d.property.startsWith('--'))).toEqual([]);
    expect(code(tokens!.text).replace(/\s+/g, ' ').trim()).toMatch(/^:root \{[^{}]*\}$/);
  });

  it('write a colour only in the tokens file', () => {
    const found = all
      .filter((s) => s.path !== TOKENS)
      .flatMap((s) =>
        declarations(s.text).flatMap(({ property, value }) => {
          const colour = rawColour(value);
          return colour ? [`${s.path}: ${property}: ${value} (${colour})`] : [];
        }),
      );
    expect(found).toEqual([]);
  });

  it('give each colour one token: no two tokens hold the same colour', () => {
    const byValue = new Map<string, string[]>();
    for (const { property, value } of declarations(tokens!.text)) {
      if (!rawColour(value) || value.includes('var(')) continue;
      const key = value.toLowerCase().replace(/\s+/g, ' ');
      byValue.set(key, [...(byValue.get(key) ?? []), property]);
    }
    expect([...byValue].filter(([, names]) => names.length > 1)).toEqual([]);
  });

  it('use only custom properties the tokens file or the same file defines', () => {
    const global = defined(tokens!.text);
    const missing = all.flatMap((s) => {
      const local = defined(s.text);
      return [...code(s.text).matchAll(/var\(\s*(--[\w-]+)/g)]
        .map((m) => m[1]!)
        .filter((name) => !global.has(name) && !local.has(name))
        .map((name) => `${s.path}: ${name}`);
    });
    expect(missing).toEqual([]);
  });

  it('each close every brace they open, so no rule swallows the stylesheets bundled after it', () => {
    const unbalanced = all.filter((s) => {
      let depth = 0;
      for (const ch of code(s.text)) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        if (depth < 0) return true;
      }
      return depth !== 0;
    });
    expect(unbalanced.map((s) => s.path)).toEqual([]);
  });

  it(`are each at most ${MAX_LINES} lines`, () => {
    const long = all.map((s) => ({ path: s.path, lines: s.text.split('\n').length })).filter((s) => s.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('are each imported by a module, so none is dead or loaded by accident from afar', () => {
    const imports = (dir: string): readonly string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e): readonly string[] => {
        const full = join(dir, e.name);
        if (e.isDirectory()) return imports(full);
        if (!/\.tsx?$/.test(e.name)) return [];
        return [...readFileSync(full, 'utf8').matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)].map((m) =>
          relative(SRC, join(dir, m[1]!)).split('\\').join('/'),
        );
      });
    const imported = new Set(imports(SRC));
    expect(all.map((s) => s.path).filter((path) => !imported.has(path))).toEqual([]);
  });
});
