import { useOptimistic, useTransition } from 'react';

/**
 * A choice (radio, checkbox) shows what the user picked at once, while the event is on its
 * way; when the answer comes, the run's own value takes over again (refused: the old one).
 */
export function useOptimisticSend<T>(value: T): readonly [T, (next: T, send: () => Promise<unknown>) => void] {
  const [shown, setShown] = useOptimistic(value);
  const [, startTransition] = useTransition();
  const choose = (next: T, send: () => Promise<unknown>): void => {
    startTransition(async () => {
      setShown(next);
      await send();
    });
  };
  return [shown, choose] as const;
}
