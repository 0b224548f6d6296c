// The countdown of the agreed minutes. It keeps running across a reload or a sleeping phone (the
// start time is kept on this device), and nudges the user to wrap up at five and two minutes left
// and when time is up — shown, and spoken once per nudge through a live region.
import { useEffect, useState } from 'react';
import { storage } from '../live-sync';

interface TimerState {
  /** Wall-clock ms when the current run started; null while paused or not started. */
  startedAt: number | null;
  /** Seconds counted before the current run (pauses). */
  before: number;
}

const NUDGES = [
  { at: 0, text: 'Time is up. Thank them for their time and close — respect the minutes you asked for.' },
  { at: 120, text: 'Two minutes left: ask who else you should talk to, then thank them.' },
  { at: 300, text: 'Five minutes left: start wrapping up with your most important question.' },
] as const;

function clock(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  return `${seconds < 0 ? '−' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function LiveTimer({ minutes, storageKey }: { minutes: number; storageKey: string }) {
  const [state, setState] = useState<TimerState>(() => storage.get<TimerState>(storageKey) ?? { startedAt: null, before: 0 });
  const [now, setNow] = useState(() => Date.now());
  const running = state.startedAt !== null;

  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running]);

  const save = (s: TimerState) => {
    setState(s);
    setNow(Date.now());
    storage.set(storageKey, s);
  };
  const elapsed = state.before + (state.startedAt !== null ? Math.max(0, (now - state.startedAt) / 1000) : 0);
  const left = minutes * 60 - elapsed;
  const started = running || state.before > 0;
  const nudge = started ? NUDGES.find((n) => left <= n.at) : undefined;
  const tone = !nudge ? '' : nudge.at === 0 ? ' live-timer--over' : ' live-timer--wrap';

  return (
    <section className={'live-timer' + tone} aria-label="Countdown">
      <div className="live-timer__row">
        <p className="live-timer__clock">
          <span className="visually-hidden">Time left: </span>
          <span role="timer" aria-live="off">
            {clock(left)}
          </span>
          <span className="live-timer__of"> of {minutes} min</span>
        </p>
        <div className="live-timer__buttons">
          {!running ? (
            <button type="button" className="button button--primary" onClick={() => save({ startedAt: Date.now(), before: elapsed })}>
              {started ? 'Resume' : 'Start'}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => save({ startedAt: null, before: elapsed })}>
              Pause
            </button>
          )}
          {started ? (
            <button type="button" className="button button--quiet" onClick={() => save({ startedAt: null, before: 0 })}>
              Reset
            </button>
          ) : null}
        </div>
      </div>
      {/* Polite, and its text changes only when a new nudge is due, so it is spoken once each. */}
      <p className="live-timer__nudge" aria-live="polite" aria-atomic="true">
        {nudge?.text ?? ''}
      </p>
    </section>
  );
}
