// Find a person among the contacts and act on them ("Add to campaign", "Choose"): a search field
// with a short list of matches, each with its own button, so it works with keyboard and touch.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Contact } from '../../../src/domain/types';
import { api, keys } from '../api';
import { useDebounced } from '../hooks';
import { TextField } from './Field';

interface Props {
  label: string;
  hint?: string;
  /** The text of each match's button, e.g. `Add ${c.name}`. */
  actionLabel: (c: Contact) => string;
  /** A shorter visible button text; the full actionLabel stays its accessible name. */
  actionText?: string;
  onPick: (c: Contact) => void;
  /** Contacts that cannot be picked, with the reason shown instead of the button. */
  unavailable?: Map<string, string>;
  /** Offer to create a new contact with the typed name when it is not in the list. */
  onCreate?: (name: string) => void;
  createLabel?: (name: string) => string;
  busy?: boolean;
  limit?: number;
  /** List recently changed people before anything is typed (default true). */
  listWhenEmpty?: boolean;
}

export function ContactPicker(p: Props) {
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 150);
  const limit = p.limit ?? 8;
  const enabled = Boolean(dq) || p.listWhenEmpty !== false;
  const results = useQuery({
    queryKey: keys.contactSearch(`${dq}|${limit}`),
    queryFn: () => api.contacts.list({ q: dq || undefined, sort: dq ? 'name' : '-updated', limit }),
    placeholderData: (prev) => prev,
    enabled,
  });
  const items = enabled ? (results.data?.items ?? []) : [];
  const exact = items.some((c) => c.name.toLowerCase() === dq.toLowerCase());
  return (
    <div className="picker">
      <TextField label={p.label} hint={p.hint} type="search" value={q} onChange={setQ} autoComplete="off" />
      {results.isError ? <p className="error">Could not search contacts.</p> : null}
      {enabled ? (
        <ul className="pick-list" aria-label={dq ? `People matching “${dq}”` : 'Recently updated people'}>
          {items.map((c) => {
            const reason = p.unavailable?.get(c.id);
            return (
              <li key={c.id}>
                <span className="pick-list__who">
                  <strong>{c.name}</strong>
                  {c.title || c.organisation ? (
                    <span className="muted"> · {[c.title, c.organisation].filter(Boolean).join(', ')}</span>
                  ) : null}
                  {c.doNotContact ? <span className="flag"> · do not contact</span> : null}
                </span>
                {reason ? (
                  <span className="muted small">{reason}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={p.busy}
                    aria-label={p.actionText ? p.actionLabel(c) : undefined}
                    onClick={() => p.onPick(c)}
                  >
                    {p.actionText ?? p.actionLabel(c)}
                  </button>
                )}
              </li>
            );
          })}
          {items.length === 0 && !results.isPending ? (
            <li className="muted">{dq ? `No contact matches “${dq}”.` : 'No contacts yet.'}</li>
          ) : null}
        </ul>
      ) : null}
      {p.onCreate && dq && !exact ? (
        <button type="button" className="button button--quiet" disabled={p.busy} onClick={() => p.onCreate?.(dq)}>
          {p.createLabel ? p.createLabel(dq) : `Create “${dq}”`}
        </button>
      ) : null}
    </div>
  );
}
