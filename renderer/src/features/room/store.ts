import { create } from 'zustand';
import type { RoomView } from '../../../../shared/exercise/exercises';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';

/**
 * The room's screen (the projector's window). It asks the main process for one thing only,
 * the room's view, which holds nothing the room may not see; the main process refuses the
 * window anything else.
 */
interface RoomState {
  /** null: no room is open (the facilitator closed it, or its exercise is gone). */
  readonly room: Loaded<RoomView | null>;
  /** Date.now() when the view was read: the clock counts on from there. */
  readonly fetchedAt: number;
  load(): Promise<void>;
}

export const useRoom = create<RoomState>((set) => ({
  room: { status: 'loading' },
  fetchedAt: 0,
  async load() {
    try {
      const room = await api().getRoomView({});
      set({ room: { status: 'ready', value: room }, fetchedAt: Date.now() });
    } catch (error) {
      set({ room: { status: 'error', message: errorMessage(error) } });
    }
  },
}));

/** Whether this window is the room's: the main process opens it on the app's page with #room. */
export const isRoomWindow = (): boolean => window.location.hash === '#room';
