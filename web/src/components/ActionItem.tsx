// One action on Today: what to do, for whom, why, and the three ways to answer it — done, snooze
// (a day, until next week, or to a date), dismiss. The outcome is announced in the live region,
// since the item itself leaves the list.
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { draftHref } from '../../../src/domain/action-drafts';
import type { TemplatePurpose } from '../../../src/domain/templates/placeholders';
import type { Action } from '../../../src/domain/types';
import { api, messageOf } from '../api';
import type { Formatters } from '../format';
import { useRefreshAll } from '../hooks';
import { ACTION_LABEL } from '../labels';
import { useAnnounce } from './Announcer';
import { InlineError } from './Field';

/** The next step, in a few words, for each kind. */
const NEXT_STEP: Record<Action['kind'], string> = {
  'ask-second-person': 'Write to another person at the same organisation.',
  'follow-up': 'Send a short follow-up to your request.',
  'move-on': 'If there is still no reply, mark it done to close the request as no response.',
  schedule: 'Agree a date, a time and a place, then record the meeting on the board.',
  prepare: 'Read your notes on them, write a short agenda and choose your questions.',
  'send-thank-you': 'Send a thank-you naming one piece of advice you will act on.',
  'thank-introducer': 'Tell the introducer how the conversation went.',
  'send-update': 'Tell them what you did with their advice.',
  'ask-introduction': 'Ask your mutual contact for an introduction.',
};

/** Monday of next week, as a local date. */
function nextMonday(nowIso: string, f: Formatters): string {
  const [y, m, d] = f.day(nowIso).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const ahead = ((8 - day.getUTCDay()) % 7 || 7) as number;
  day.setUTCDate(day.getUTCDate() + ahead);
  return day.toISOString().slice(0, 10);
}

type Op = { kind: 'done' } | { kind: 'dismiss' } | { kind: 'snooze'; until: string; words: string };

interface Props {
  action: Action;
  f: Formatters;
  now: string;
  showDate?: boolean;
}

export function ActionItem({ action: a, f, now, showDate }: Props) {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const [picking, setPicking] = useState(false);
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dateId = useId();
  const who = a.contactName ?? 'this contact';
  const label = ACTION_LABEL[a.kind] ?? a.kind;
  const about = `${label}, ${who}`;

  const run = useMutation({
    mutationFn: async (op: Op) => {
      if (op.kind === 'done') await api.actions.done(a.id);
      else if (op.kind === 'dismiss') await api.actions.dismiss(a.id);
      else await api.actions.snooze(a.id, op.until);
      return op;
    },
    onMutate: () => setError(null),
    onSuccess: async (op) => {
      announce(
        op.kind === 'done'
          ? `Done: ${label} — ${who}.`
          : op.kind === 'dismiss'
            ? `Dismissed: ${label} — ${who}.`
            : `Snoozed ${op.words}: ${label} — ${who}.`,
      );
      await refresh();
    },
    onError: (e) => {
      const msg = messageOf(e);
      setError(msg);
      announce(msg, 'error');
    },
  });
  const busy = run.isPending;
  const tomorrow = new Date(new Date(now).getTime() + 24 * 3600 * 1000).toISOString();

  return (
    <li className={'item action' + (a.overdue ? ' item--overdue' : '')} data-action={a.id}>
      <p className="item__title">
        {a.overdue ? <span className="badge badge--overdue">Overdue</span> : null}
        <span>{label}</span>
        {a.contactId ? (
          <>
            {' · '}
            <Link to={`/contacts/${a.contactId}`}>{who}</Link>
          </>
        ) : null}
      </p>
      <p className="item__reason">{a.reason}</p>
      <p className="small">
        <strong>Next step:</strong> {NEXT_STEP[a.kind]}
      </p>
      <p className="muted small">
        Due {showDate || a.overdue || f.day(a.dueAt) !== f.day(now) ? f.dateTime(a.dueAt) : f.time(a.dueAt)}
        {a.overdue ? ` (${f.relative(a.dueAt, new Date(now).getTime())})` : ''}
        {a.status === 'snoozed' && a.snoozedUntil ? ` · snoozed until ${f.dateTime(a.snoozedUntil)}` : ''}
      </p>
      <MessageLink action={a} who={who} />
      <div className="button-row action__buttons" role="group" aria-label={`${label} — ${who}`}>
        <ItemButton about={about} className="button--primary" disabled={busy} onClick={() => run.mutate({ kind: 'done' })}>
          Done
        </ItemButton>
        <ItemButton about={about} disabled={busy} onClick={() => run.mutate({ kind: 'snooze', until: tomorrow, words: 'for a day' })}>
          Snooze 1 day
        </ItemButton>
        <ItemButton
          about={about}
          disabled={busy}
          onClick={() => run.mutate({ kind: 'snooze', until: `${nextMonday(now, f)}T09:00`, words: 'until next week' })}
        >
          Until next week
        </ItemButton>
        <ItemButton about={about} className="button--quiet" expanded={picking} disabled={busy} onClick={() => setPicking((v) => !v)}>
          Pick a date
        </ItemButton>
        <ItemButton about={about} className="button--quiet" disabled={busy} onClick={() => run.mutate({ kind: 'dismiss' })}>
          Dismiss
        </ItemButton>
      </div>
      {picking ? (
        <form
          className="action__snooze"
          onSubmit={(e) => {
            e.preventDefault();
            if (!date) return setError('Choose a date to snooze until.');
            run.mutate({ kind: 'snooze', until: `${date}T09:00`, words: `until ${f.date(`${date}T12:00:00Z`)}` });
          }}
        >
          <label htmlFor={dateId}>Snooze until (09:00 that day)</label>
          <input id={dateId} type="date" value={date} min={f.day(tomorrow)} onChange={(e) => setDate(e.target.value)} />
          <button type="submit" className="button button--small" disabled={busy}>
            Snooze
          </button>
        </form>
      ) : null}
      <InlineError error={error} />
    </li>
  );
}

/** A small button whose accessible name also says which action it answers. */
function ItemButton(p: {
  about: string;
  className?: string;
  expanded?: boolean;
  disabled: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className={`button button--small${p.className ? ` ${p.className}` : ''}`}
      aria-expanded={p.expanded}
      disabled={p.disabled}
      onClick={p.onClick}
    >
      {p.children}
      <span className="visually-hidden"> — {p.about}</span>
    </button>
  );
}

/** Words for the draft link of each message an action asks for. */
const DRAFT_LINK: Record<TemplatePurpose, string> = {
  request: 'Draft a request',
  'intro-request': 'Draft the introduction request',
  'follow-up': 'Draft a follow-up',
  'thank-you': 'Draft a thank-you',
  update: 'Draft an update',
  'thank-introducer': 'Draft a thank-you to the introducer',
};

/** Actions that are not a message open the interview page that does them. */
const INTERVIEW_LINK: Partial<Record<Action['kind'], { path: string; label: string }>> = {
  prepare: { path: '/prep', label: 'Open the prep sheet' },
  schedule: { path: '', label: 'Pick a time' },
};

/** The one-click way into the message the action asks for, when it asks for one. */
function MessageLink({ action: a, who }: { action: Action; who: string }) {
  if (a.draft) {
    return (
      <p className="action__draft">
        <Link to={draftHref(a.draft)} className="button button--small">
          {DRAFT_LINK[a.draft.purpose]}
          <span className="visually-hidden"> — {who}</span>
        </Link>
      </p>
    );
  }
  if (a.kind === 'ask-second-person' && a.interviewId) return <SuggestionsLink interviewId={a.interviewId} who={who} />;
  const page = a.interviewId ? INTERVIEW_LINK[a.kind] : undefined;
  if (page) {
    return (
      <p className="action__draft">
        <Link to={`/interviews/${a.interviewId}${page.path}`} className="button button--small">
          {page.label}
          <span className="visually-hidden"> — {who}</span>
        </Link>
      </p>
    );
  }
  return null;
}

/**
 * Asking a second person starts from the campaign's suggestions. Which campaign is the interview's
 * to say, so the link goes through a page that asks it on the click (pages/NextPerson.tsx) rather
 * than every such action on Today asking the server for its interview before the page settles.
 */
function SuggestionsLink({ interviewId, who }: { interviewId: string; who: string }) {
  return (
    <p className="action__draft">
      <Link to={`/interviews/${interviewId}/next-person`}>
        See whom else to ask<span className="visually-hidden"> — after {who}</span>
      </Link>
    </p>
  );
}
