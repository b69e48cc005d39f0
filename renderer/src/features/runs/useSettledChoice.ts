import { useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { useOptimisticSend } from './useOptimisticSend';

const CONFIRM_KEYS = new Set([' ', 'Enter']);
/** How long after a press of the pointer a change counts as a click on a choice. */
const POINTER_MS = 1_000;

export interface SettledChoice<T> {
  /** What the group shows: the choice on its way or not yet recorded, else the run's own. */
  readonly value: T | null;
  /** A choice moved to with the keys and not recorded yet. */
  readonly unsettled: boolean;
  /** For the group's element (a fieldset, a select): where confirming and leaving are noticed. */
  readonly groupProps: {
    onPointerDown(): void;
    onKeyDown(e: KeyboardEvent): void;
    onKeyUp(e: KeyboardEvent): void;
    onBlur(e: FocusEvent): void;
  };
  /** The control's onChange, with the value it changed to. */
  choose(value: T, e?: ChangeEvent): void;
  /** Records this choice now (a pick from a select's list, which no key led to). */
  settleNow(value: T): void;
}

/**
 * A choice the arrow keys move through (a rating, a principle, a select): the record holds the
 * one the user settles on, not every level passed on the way. A click records at once; with
 * the keys, the choice is recorded when the user confirms it (Space, Enter) or leaves the group.
 * `record` is given the value to record; it is not called for the value already recorded.
 */
export function useSettledChoice<T>(stored: T | null, record: (value: T) => Promise<unknown>): SettledChoice<T> {
  const [shown, send] = useOptimisticSend(stored);
  const [draft, setDraft] = useState<{ readonly value: T } | null>(null);
  const pointerAt = useRef(0);
  const confirmNext = useRef(false);

  const settle = (value: T): void => {
    setDraft(null);
    confirmNext.current = false;
    if (value === stored) return;
    send(value, () => record(value));
  };

  return {
    value: draft ? draft.value : shown,
    unsettled: draft !== null && draft.value !== stored,
    groupProps: {
      onPointerDown() {
        pointerAt.current = Date.now();
      },
      onKeyDown(e) {
        if (CONFIRM_KEYS.has(e.key)) {
          // Enter on the choice shown confirms it; Space does when it is let go (a radio acts on its release).
          // On a choice not shown yet, the change that follows is confirmed.
          if (draft && e.key === 'Enter') settle(draft.value);
          confirmNext.current = true;
        } else {
          confirmNext.current = false;
          pointerAt.current = 0;
        }
      },
      onKeyUp(e) {
        if (e.key === ' ' && draft) settle(draft.value);
      },
      onBlur(e) {
        const next = e.relatedTarget;
        if (next instanceof Node && e.currentTarget.contains(next)) return;
        if (draft) settle(draft.value);
      },
    },
    choose(value, e) {
      const native = e?.nativeEvent;
      const clicked = (native instanceof MouseEvent && native.detail > 0) || Date.now() - pointerAt.current < POINTER_MS;
      if (clicked || confirmNext.current) settle(value);
      else setDraft({ value });
    },
    settleNow: settle,
  };
}
