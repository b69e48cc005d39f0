import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

/**
 * The application menu with the usual shortcuts. Items that act in the page send a
 * command to the renderer, which runs the same code as its keyboard shortcut.
 */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [item('&New run', 'CmdOrCtrl+N', 'new-run'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('&Search the conclusions', 'CmdOrCtrl+K', 'search'),
        item('&Library', 'CmdOrCtrl+1', 'library'),
        item('&Runs', 'CmdOrCtrl+2', 'runs'),
        item('&Exercises', 'CmdOrCtrl+3', 'exercises'),
        item("The room's &screen", 'CmdOrCtrl+Shift+P', 'room'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
