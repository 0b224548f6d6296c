// "Whom to ask first": the server ranks the user's network for a campaign and says why, in plain
// words. Each suggestion can be added to the campaign as a prospect in one step; when the best way
// in is an introduction, it names the mutual contact to ask.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Campaign } from '../../../src/domain/types';
import { api, ApiError, keys, messageOf, type InterviewDetail, type Suggestion } from '../api';
import { useRefreshAll } from '../hooks';
import { INTERVIEW_STATUS_LABEL } from '../labels';
import { useAnnounce } from './Announcer';
import { EmptyState, LoadError, Loading } from './common';
import { InlineError } from './Field';

/** Shown before "Show all"; the server sends up to LIMIT. */
const FIRST = 5;
const LIMIT = 20;

/** The server writes reasons as phrases ("an acquaintance: …"); as list items they read better capitalised. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Suggestions({ campaign, interviews }: { campaign: Campaign; interviews: InterviewDetail[] }) {
  const suggestions = useQuery({
    queryKey: keys.suggestions(campaign.id),
    queryFn: () => api.campaigns.suggestions(campaign.id, LIMIT),
  });
  const overview = useQuery({ queryKey: keys.overview, queryFn: api.overview });
  const [all, setAll] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = suggestions.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  const onBoard = new Map(interviews.map((i) => [i.contactId, i]));

  // After adding someone, the focus goes back to their entry (its button became a note), or to the
  // heading if they left the list.
  useEffect(() => {
    if (!focusId || suggestions.isFetching) return;
    const el = document.querySelector<HTMLElement>(`[data-suggestion="${CSS.escape(focusId)}"]`);
    (el ?? headingRef.current)?.focus();
    setFocusId(null);
  }, [focusId, suggestions.isFetching]);

  return (
    <section id="suggestions" aria-labelledby="suggestions-title" className="panel">
      <h2 id="suggestions-title" ref={headingRef} tabIndex={-1}>
        Whom to ask first
      </h2>
      <p className="muted small">
        Warm paths first: people someone you know can introduce you to, then acquaintances — they often know what your close circle does
        not. People marked do not contact, and anyone you have been in touch with in the last 30 days, are left out.
      </p>
      {suggestions.isPending ? <Loading what="Finding whom to ask" /> : null}
      {suggestions.isError ? <LoadError error={suggestions.error} retry={() => void suggestions.refetch()} /> : null}
      {suggestions.isSuccess && items.length === 0 ? (
        overview.data?.contacts === 0 ? (
          <EmptyState title="Import your network first" headingLevel={3}>
            <p>coffeechat suggests whom to ask from the people you already know.</p>
            <div className="button-row">
              <Link className="button button--primary" to="/import">
                Import your LinkedIn connections
              </Link>
              <Link className="button button--quiet" to="/contacts?new=1">
                Or add a contact by hand
              </Link>
            </div>
          </EmptyState>
        ) : (
          <EmptyState title="No one to suggest right now" headingLevel={3}>
            <p>
              Everyone you know is already on the board, was in touch recently, or is marked do not contact.{' '}
              <Link to="/import">Import more of your network</Link>, and ask each person you talk to: who else should I talk to?
            </p>
          </EmptyState>
        )
      ) : null}
      {shown.length ? (
        <ol className="suggestions" aria-label="Suggested people, best first">
          {shown.map((s) => (
            <SuggestionItem key={s.contactId} suggestion={s} campaign={campaign} onBoard={onBoard.get(s.contactId)} onAdded={setFocusId} />
          ))}
        </ol>
      ) : null}
      {items.length > FIRST ? (
        <button type="button" className="button button--quiet" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? `Show the first ${FIRST} only` : `Show all ${items.length}`}
        </button>
      ) : null}
    </section>
  );
}

interface ItemProps {
  suggestion: Suggestion;
  campaign: Campaign;
  onBoard: InterviewDetail | undefined;
  onAdded: (contactId: string) => void;
}

function SuggestionItem({ suggestion: s, campaign, onBoard, onAdded }: ItemProps) {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api.campaigns.acceptSuggestion(campaign.id, s.contactId, s.viaContactId ?? null),
    onMutate: () => setError(null),
    onSuccess: async ({ interview: i, action }) => {
      announce(`${i.contactName} added as a prospect.${action ? ` On Today: ask ${s.via} for an introduction.` : ''}`);
      await refresh();
      onAdded(s.contactId);
    },
    onError: (e) => {
      const msg = e instanceof ApiError && e.code === 'conflict' ? `${s.name} is already in this campaign.` : messageOf(e);
      setError(msg);
      announce(msg, 'error');
      void refresh();
    },
  });
  return (
    <li className="suggestion" data-suggestion={s.contactId} tabIndex={-1}>
      <div className="suggestion__body">
        <div className="suggestion__main">
          <p className="suggestion__name">
            <Link to={`/contacts/${s.contactId}`}>{s.name}</Link>
          </p>
          {s.reasons.length ? (
            <ul className="suggestion__reasons" aria-label={`Why ${s.name}`}>
              {s.reasons.map((r) => (
                <li key={r}>{sentence(r)}</li>
              ))}
            </ul>
          ) : null}
          {s.via ? (
            <p className="small">
              Via {s.viaContactId ? <Link to={`/contacts/${s.viaContactId}`}>{s.via}</Link> : <strong>{s.via}</strong>}: ask them to
              introduce you.
            </p>
          ) : null}
          <InlineError error={error} />
        </div>
        <div className="suggestion__action">
          {onBoard ? (
            <p className="small muted">On the board: {INTERVIEW_STATUS_LABEL[onBoard.status]}</p>
          ) : (
            <button type="button" className="button button--small" disabled={add.isPending} onClick={() => add.mutate()}>
              {add.isPending ? 'Adding…' : 'Add to campaign'}
              <span className="visually-hidden"> — {s.name}</span>
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
