import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/exercise/exercises';
import { onDataChange } from '../../ui/changes';
import { TlpLabel, tlpClass } from '../../ui/ExerciseBanner';
import { PositionsTableView } from '../../ui/PositionsTable';
import { formatClock, formatTimeOfDay, spokenClock } from '../../ui/format';
import { useRoom } from './store';
import './room.css';

/** A fallback re-read: the facilitator's choice of countdown is not a change of the data. */
const REREAD_MS = 10_000;

/** The clock as the room sees it: the main process's reading plus what passed since, while it runs. */
function useElapsed(room: RoomView | null, fetchedAt: number): number {
  const running = room?.clock.status === 'running';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running, fetchedAt]);
  if (!room) return 0;
  return running ? room.clock.elapsedMs + Math.max(0, now - fetchedAt) : room.clock.elapsedMs;
}

/**
 * The room's screen, for the projector: the markings, the exercise clock, the injects released
 * so far with their times, and (if the facilitator chooses) the countdown to the next one.
 * Nothing of the facilitator's notes, nothing not yet released: the main process builds the
 * view, so this window never holds them. Large type, to be read from the back of the room.
 */
export function RoomScreen() {
  const { t } = useTranslation();
  const loaded = useRoom((s) => s.room);
  const fetchedAt = useRoom((s) => s.fetchedAt);
  const load = useRoom((s) => s.load);
  const room = loaded.status === 'ready' ? loaded.value : null;
  const elapsed = useElapsed(room, fetchedAt);

  useEffect(() => {
    void load();
    const off = onDataChange(load);
    const timer = window.setInterval(() => void load(), REREAD_MS);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [load]);
  useEffect(() => {
    document.title = room ? t('room.windowTitle', { name: room.name }) : t('room.windowTitleNone');
  }, [room, t]);

  if (loaded.status === 'loading') return <main className="room room--empty">{t('room.loading')}</main>;
  if (loaded.status === 'error') {
    return (
      <main className="room room--empty">
        <p role="alert">{loaded.message}</p>
      </main>
    );
  }
  if (!room) {
    return (
      <main className="room room--empty">
        <p>{t('room.closed')}</p>
      </main>
    );
  }
  const released = [...room.released].sort((a, b) => b.elapsedMs - a.elapsedMs || (a.releasedAt < b.releasedAt ? 1 : -1));
  const countdown = room.showCountdown && room.nextInjectAtMs !== null && room.clock.status !== 'ended' ? room.nextInjectAtMs - elapsed : null;
  return (
    <main className={`room room--${room.clock.status}`}>
      <div className={`room__band room__band--${tlpClass(room.tlp).slice(5)}`} role="note" aria-label={t('exercises.banner.label')}>
        <span className="room__word">{t('exercises.banner.exercise')}</span>
        <span className="room__marking">{room.marking.trim() === '' ? t('exercises.banner.noMarking') : room.marking}</span>
        <span className="room__tlp">
          <span className="visually-hidden">{t('exercises.banner.tlp')} </span>
          <TlpLabel tlp={room.tlp} />
        </span>
        <span className="room__word" aria-hidden="true">
          {t('exercises.banner.exercise')}
        </span>
      </div>
      <header className="room__head">
        <h1 className="room__name">{room.name}</h1>
        <div className="room__clock">
          <p className="room__clock-label">{t('room.clock')}</p>
          <p className="room__time" role="timer" aria-label={t('room.clockSpoken', { time: spokenClock(elapsed) })}>
            {formatClock(elapsed)}
          </p>
          <p className={`room__status room__status--${room.clock.status}`}>{t(`room.status.${room.clock.status}`)}</p>
          {countdown !== null &&
            (countdown > 0 ? (
              <p className="room__countdown">
                {t('room.next')} <span className="room__countdown-time">{formatClock(countdown)}</span>
              </p>
            ) : (
              <p className="room__countdown">{t('room.nextDue')}</p>
            ))}
        </div>
      </header>
      {room.positions && (
        <section className="room__positions" aria-labelledby="room-positions-title">
          <h2 id="room-positions-title" className="room__section-title">
            {t('consensus.room.heading')}
          </h2>
          <PositionsTableView table={room.positions} large />
        </section>
      )}
      <section className="room__released" aria-labelledby="room-released-title">
        <h2 id="room-released-title" className="room__section-title">
          {t('room.released', { count: released.length })}
        </h2>
        {released.length === 0 ? (
          <p className="room__none">{t('room.none')}</p>
        ) : (
          <ol className="room__list">
            {released.map((r) => (
              <li key={r.injectId} className={r.withdrawn ? 'room__inject room__inject--withdrawn' : 'room__inject'} data-room-inject={r.injectId}>
                <span className="room__inject-time">
                  <span className="room__inject-clock">{formatClock(r.elapsedMs)}</span>
                  <span className="room__inject-wall">{t('room.wall', { time: formatTimeOfDay(r.releasedAt) })}</span>
                </span>
                <span className="room__inject-text">
                  <span className="room__inject-title">{r.title}</span>
                  {r.delegations.length > 0 && <span className="room__inject-to">{t('room.to', { names: r.delegations.join(', ') })}</span>}
                </span>
                {r.withdrawn && <span className="room__withdrawn">{t('room.withdrawn')}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
