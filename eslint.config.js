import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The walls of the house, made mechanical: shared/ is pure, renderer/ and electron/ never
// reach into each other, and only two files may touch Electron's raw IPC objects.
const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'better-sqlite3'];
const wall = (patterns, message) => ({ group: patterns, message });

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
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            wall(['electron', ...nodeModules], 'The renderer is untrusted: no Node or Electron modules.'),
            wall(['**/electron/**'], 'renderer/ must not import from electron/; use shared/ and the IPC API.'),
          ],
        },
      ],
    },
  },
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
