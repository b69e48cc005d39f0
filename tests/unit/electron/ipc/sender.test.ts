import { describe, expect, it } from 'vitest';
import { isTrustedSender, mayCall } from '../../../../electron/ipc/sender';
import { APP_ENTRY, APP_ORIGIN, REPORT_URL, ROOM_ENTRY } from '../../../../electron/window';

// Plain objects stand in for WebContents: the check compares identity, never a field.
const ours = { id: 1 };
const event = (sender: object, url: string | null) => ({ sender, senderFrame: url === null ? null : { url } });

describe('the IPC sender check', () => {
  it("accepts our window's own page, and any page of ours", () => {
    expect(isTrustedSender(event(ours, APP_ENTRY), ours)).toBe(true);
    expect(isTrustedSender(event(ours, `${APP_ORIGIN}/index.html#/runs/r1`), ours)).toBe(true);
  });

  it('refuses another window, even one that looks the same and shows our page', () => {
    expect(isTrustedSender(event({ id: 1 }, APP_ENTRY), ours)).toBe(false);
  });

  it('refuses everything while there is no window of ours', () => {
    expect(isTrustedSender(event(ours, APP_ENTRY), null)).toBe(false);
  });

  it.each([
    ['the print page', REPORT_URL],
    ['a web page', 'https://example.org/'],
    ['a file', 'file:///index.html'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['a look-alike host', 'app://workbench.example.org/index.html'],
    ['a user name before the host', 'app://workbench@example.org/index.html'],
    ['no URL at all', ''],
  ])('refuses our window when its frame shows %s', (_what, url) => {
    expect(isTrustedSender(event(ours, url), ours)).toBe(false);
  });

  it('refuses a frame that is gone (no sender frame)', () => {
    expect(isTrustedSender(event(ours, null), ours)).toBe(false);
  });
});

describe("the room's window", () => {
  const main = { id: 1 };
  const room = { id: 2 };
  const windows = { main, room };

  it('may ask for the room view only, and only while it shows the room page', () => {
    expect(mayCall(event(room, ROOM_ENTRY), windows, 'getRoomView')).toBe(true);
    for (const action of ['getExercise', 'listRuns', 'sendEvent', 'openRoom', 'closeRoom'] as const) {
      expect(mayCall(event(room, ROOM_ENTRY), windows, action), action).toBe(false);
    }
    expect(mayCall(event(room, APP_ENTRY), windows, 'getRoomView')).toBe(false);
  });

  it('leaves the main window every action, and a closed room nothing', () => {
    expect(mayCall(event(main, APP_ENTRY), windows, 'getExercise')).toBe(true);
    expect(mayCall(event(room, ROOM_ENTRY), { main, room: null }, 'getRoomView')).toBe(false);
  });
});
