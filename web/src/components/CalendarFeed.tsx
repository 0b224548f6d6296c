// Settings → Calendar feed: the private address calendar apps subscribe to, with copy, a new
// address (the old stops working) and revoke, both confirmed first since they break subscriptions.
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarFeedKey, messageOf, scheduleApi, type CalendarFeedView } from '../api';
import { useFormatters } from '../format';
import { LoadError, Loading } from './common';
import { FormError, Status } from './Field';

type Confirming = 'rotate' | 'revoke' | null;

export function CalendarFeed() {
  const feed = useQuery({ queryKey: calendarFeedKey, queryFn: scheduleApi.feed });
  return (
    <section className="panel calendar-feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p>
        A private address that calendar apps can subscribe to, so your coffee chats appear beside everything else and stay up to date when
        you move one. Anyone who has the address can read your meetings: keep it to yourself, and make a new one if it leaks.
      </p>
      <p className="hint">
        Desktop calendar apps on this computer (Apple Calendar, Outlook, Thunderbird) can subscribe while coffeechat is running. Cloud
        calendars (Google Calendar, Outlook.com, iCloud) fetch the feed from their own servers, so they need a public base URL, which comes
        with server mode.
      </p>
      {feed.isPending ? <Loading what="Loading the feed address" /> : null}
      {feed.isError ? <LoadError error={feed.error} retry={() => void feed.refetch()} /> : null}
      {feed.data ? <FeedControls feed={feed.data} /> : null}
    </section>
  );
}

function FeedControls({ feed }: { feed: CalendarFeedView }) {
  const qc = useQueryClient();
  const f = useFormatters();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const rotate = useMutation({
    mutationFn: scheduleApi.rotateFeed,
    onMutate: () => setStatus(null),
    onSuccess: (v) => {
      qc.setQueryData(calendarFeedKey, v);
      setConfirming(null);
      setStatus(feed.url ? 'A new address is ready; the old one no longer works.' : 'Your feed address is ready.');
    },
  });
  const revoke = useMutation({
    mutationFn: scheduleApi.revokeFeed,
    onMutate: () => setStatus(null),
    onSuccess: () => {
      qc.setQueryData(calendarFeedKey, { url: null, createdAt: null });
      setConfirming(null);
      setStatus('The feed address is revoked: calendars subscribed to it stop updating.');
    },
  });

  const copy = async () => {
    if (!feed.url) return;
    setCopyError(null);
    try {
      await navigator.clipboard.writeText(feed.url);
      setStatus('Copied the feed address.');
    } catch {
      // Without clipboard permission, select the text so the user can copy it by hand.
      inputRef.current?.select();
      setCopyError('Could not copy automatically; the address is selected, so press Ctrl+C (⌘C on a Mac).');
    }
  };

  const error = rotate.isError ? messageOf(rotate.error) : revoke.isError ? messageOf(revoke.error) : copyError;

  if (!feed.url) {
    return (
      <>
        <p className="muted">You have no feed address{status ? '' : ' yet'}.</p>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
            {rotate.isPending ? 'Making…' : 'Make a feed address'}
          </button>
        </div>
        <FormError error={error} />
        <Status message={status} />
      </>
    );
  }

  return (
    <>
      <div className="field">
        <label htmlFor="feed-url">Feed address</label>
        <p className="hint" id="feed-url-hint">
          Made {f.date(feed.createdAt)}. In your calendar app, choose “subscribe” or “add calendar from URL” and paste it.
        </p>
        <div className="calendar-feed__url">
          <input
            id="feed-url"
            ref={inputRef}
            type="text"
            readOnly
            value={feed.url}
            aria-describedby="feed-url-hint"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            Copy<span className="visually-hidden"> the feed address</span>
          </button>
        </div>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setConfirming('rotate')}
          aria-expanded={confirming === 'rotate'}
        >
          Make a new address…
        </button>
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => setConfirming('revoke')}
          aria-expanded={confirming === 'revoke'}
        >
          Revoke…
        </button>
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="feed-confirm-text">
          <p id="feed-confirm-text">
            {confirming === 'rotate'
              ? 'Make a new address? Calendars subscribed to the current one stop updating until you subscribe them again with the new address.'
              : 'Revoke the feed address? Calendars subscribed to it stop updating. You can make a new address later.'}
          </p>
          <div className="button-row">
            {confirming === 'rotate' ? (
              <button type="button" className="button button--danger" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
                {rotate.isPending ? 'Making…' : 'Yes, make a new address'}
              </button>
            ) : (
              <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
                {revoke.isPending ? 'Revoking…' : 'Yes, revoke the address'}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
              Keep the current address
            </button>
          </div>
        </div>
      ) : null}
      <FormError error={error} />
      <Status message={status} />
    </>
  );
}
