import { useCallback, useEffect, useRef, useState } from 'react';

const IDLE_MS = 1500;

export interface LiveText {
  readonly value: string;
  onChange(value: string): void;
  /** Sends now if the text changed (on blur). */
  commit(): void;
}

/**
 * A text field whose changes go to the main process as they happen: after a pause in
 * typing, on leaving the field, and when the field goes away. While the user is typing,
 * a newer stored value does not overwrite what they type.
 */
export function useLiveText(stored: string, send: (value: string) => void, options: { enabled?: boolean } = {}): LiveText {
  const enabled = options.enabled ?? true;
  const [value, setValue] = useState(stored);
  const dirty = useRef(false);
  const latest = useRef({ value, stored, send, enabled });
  latest.current = { value, stored, send, enabled };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!dirty.current) setValue(stored);
  }, [stored]);

  const commit = useCallback(() => {
    clearTimeout(timer.current);
    const { value: v, stored: s, send: sendNow, enabled: on } = latest.current;
    if (!dirty.current || !on) return;
    dirty.current = false;
    if (v !== s) sendNow(v);
  }, []);

  const onChange = useCallback(
    (next: string) => {
      dirty.current = true;
      setValue(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(commit, IDLE_MS);
    },
    [commit],
  );

  useEffect(() => commit, [commit]);

  return { value, onChange, commit };
}
