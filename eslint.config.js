import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { URL } from 'node:url';

// The walls of the house, made mechanical: shared/ is pure, renderer/ and electron/ never
// reach into each other, and only two files may touch Electron's raw IPC objects.
const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'better-sqlite3'];
const wall = (patterns, message) => ({ group: patterns, message });

// The renderer's layers, in the manner of VS Code's layer table: app/ (the shell) may use
// every feature and ui/; a feature may use ui/ but no other feature and not the shell, so
// each can be read, tested and changed alone; ui/ serves them all and knows none of them.
// Imports are relative, so the patterns match the path as written ("../runs/store").
const rendererWalls = [
  wall(['electron', ...nodeModules], 'The renderer is untrusted: no Node or Electron modules.'),
  wall(['**/electron/**'], 'renderer/ must not import from electron/; use shared/ and the IPC API.'),
];
const up = String.raw`^(?:\.\./)+`;
const layer = (regex, message) => ({ regex, message });
const features = readdirSync(new URL('./renderer/src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const rendererImports = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...rendererWalls, ...patterns] }] },
});
const noShell = layer(`${up}app(?:/|$)`, 'Only the shell imports app/; a feature gets what it needs from ui/ or through props.');
function rendererLayers() {
  return [
    rendererImports(['renderer/**/*.{ts,tsx}'], []),
    ...features.map((feature) =>
      rendererImports(
        [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
        [
          noShell,
          ...features
            .filter((other) => other !== feature)
            .map((other) =>
              layer(`${up}(?:features/)?${other}(?:/|$)`, `features/${feature} must not import features/${other}: move what both use to ui/.`),
            ),
        ],
      ),
    ),
    rendererImports(['renderer/src/ui/**/*.{ts,tsx}'], [noShell, layer(`${up}features(?:/|$)`, 'ui/ serves every feature and imports none of them.')]),
  ];
}

// One owner per table: SQL lives in electron/db/ (tables/ holds one module of functions per
// table, migrations/ the schema, open.ts and migrate.ts the pragmas), and every service calls
// those functions. So each table's writes, and the rules about who may change them, are in one
// place, and no service can build a statement of its own. Search's FTS5 expression is not SQL:
// it reaches SQLite as a bound parameter of a query in tables/corpus.ts.
const SQL_KEYWORDS = String.raw`^\s*(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|SAVEPOINT|VACUUM)\s`;
const noDefaultExport = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
const sqlOutsideDb = 'SQL belongs in electron/db/tables/: add or use a function in the module that owns the table.';
const sqlOnlyInDb = [
  noDefaultExport,
  { selector: "CallExpression[callee.name='statement']", message: sqlOutsideDb },
  { selector: "CallExpression[callee.property.name=/^(?:prepare|pragma)$/]", message: sqlOutsideDb },
  { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^db$|Db$|database$/i]", message: sqlOutsideDb },
  { selector: `Literal[value=/${SQL_KEYWORDS}/]`, message: sqlOutsideDb },
  { selector: `TemplateElement[value.raw=/${SQL_KEYWORDS}/]`, message: sqlOutsideDb },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/e2e/screenshots/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            wall(['electron', 'react-dom', ...nodeModules], 'shared/ is pure TypeScript: no Node, Electron or DOM modules.'),
            wall(['**/electron/**', '**/renderer/**'], 'shared/ must not import from electron/ or renderer/.'),
          ],
        },
      ],
    },
  },
  ...rendererLayers(),
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts', 'electron/ipc/register.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [wall(['**/renderer/**'], 'electron/ must not import from renderer/.')],
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Raw IPC lives only in electron/ipc/register.ts and electron/preload.ts; add an action to shared/ipc/contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOnlyInDb] },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'The preload only invokes.' }] },
      ],
    },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.{js,ts}', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
