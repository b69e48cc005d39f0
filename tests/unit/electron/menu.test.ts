import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/menu';
import type { MenuCommand } from '../../../shared/ipc/contract';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

describe('the application menu', () => {
  it.each([
    ['&New run', 'CmdOrCtrl+N', 'new-run'],
    ['&Search the conclusions', 'CmdOrCtrl+K', 'search'],
    ['&Library', 'CmdOrCtrl+1', 'library'],
    ['&Runs', 'CmdOrCtrl+2', 'runs'],
    ['&Exercises', 'CmdOrCtrl+3', 'exercises'],
    ["The room's &screen", 'CmdOrCtrl+Shift+P', 'room'],
  ] as const)('%s (%s) sends %s to the page', (label, accelerator, command) => {
    const sent: MenuCommand[] = [];
    const item = flatten(menuTemplate((c) => sent.push(c), false)).find((i) => i.label === label)!;
    expect(item.accelerator).toBe(accelerator);
    (item.click as () => void)();
    expect(sent).toEqual([command]);
  });

  it('has Quit on Windows and Linux, and the app menu on macOS', () => {
    expect(flatten(menuTemplate(() => undefined, false)).some((i) => i.role === 'quit')).toBe(true);
    expect(menuTemplate(() => undefined, true)[0]).toEqual({ role: 'appMenu' });
  });
});
