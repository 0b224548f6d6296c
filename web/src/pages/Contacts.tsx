// Contacts: the user's network, searchable as they type, sorted, paged with "Load more", and a
// "New contact" form that stays open for adding several people in a row.
import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Contact } from '../../../src/domain/types';
import { api, keys, type ContactSort } from '../api';
import { useAnnounce } from '../components/Announcer';
import { EmptyState, LoadError, Loading } from '../components/common';
import { ContactForm } from '../components/ContactForm';
import { SelectField, TextField } from '../components/Field';
import { useDebounced, usePageTitle, useRefreshAll, useShortcut } from '../hooks';
import { TIE_LABEL } from '../labels';

const PAGE = 50;

const SORTS: { value: ContactSort; label: string }[] = [
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: '-updated', label: 'Recently changed' },
  { value: 'updated', label: 'Least recently changed' },
];

export function ContactsPage() {
  usePageTitle('Contacts');
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const sortParam = params.get('sort');
  const sort: ContactSort = SORTS.some((s) => s.value === sortParam) ? (sortParam as ContactSort) : 'name';
  const [text, setText] = useState(q);
  const debounced = useDebounced(text.trim(), 150);
  const [formOpen, setFormOpen] = useState(params.get('new') === '1');
  const [formKey, setFormKey] = useState(0);
  const searchRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const announce = useAnnounce();
  const refresh = useRefreshAll();

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  // The search text and the URL follow each other: typing updates `?q=` (debounced), and a change
  // of the URL from elsewhere (the Contacts link, Back) updates the text.
  const written = useRef(q);
  useEffect(() => {
    if (debounced !== written.current) {
      written.current = debounced;
      update({ q: debounced || null });
    }
  }, [debounced]);
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    if ((location.state as { focusSearch?: boolean } | null)?.focusSearch) searchRef.current?.focus();
  }, [location.state]);

  useEffect(() => {
    if (params.get('new') === '1') update({ new: null });
  }, []);

  const openForm = () => {
    if (formOpen) {
      document.querySelector<HTMLInputElement>('#new-contact input')?.focus();
      return;
    }
    setFormOpen(true);
    setFormKey((k) => k + 1);
  };
  useShortcut('n', openForm);

  const list = useInfiniteQuery({
    queryKey: keys.contacts({ q, sort, tag }),
    queryFn: ({ pageParam }) => api.contacts.list({ q: q || undefined, sort, tag: tag || undefined, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => (last.hasMore ? all.reduce((n, p) => n + p.items.length, 0) : undefined),
    placeholderData: keepPreviousData,
  });
  const items: Contact[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hasMore = list.hasNextPage;
  const filtered = Boolean(q || tag);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Contacts</h1>
        <div className="page-head__actions">
          <Link className="button" to="/import">
            Import
          </Link>
          <Link className="button" to="/contacts/duplicates">
            Review duplicates
          </Link>
          <button
            type="button"
            className="button button--primary"
            aria-expanded={formOpen}
            aria-controls="new-contact"
            onClick={() => (formOpen ? setFormOpen(false) : openForm())}
          >
            New contact <kbd aria-hidden="true">n</kbd>
          </button>
        </div>
      </div>

      {formOpen ? (
        <section id="new-contact" className="panel" aria-labelledby="new-contact-title">
          <h2 id="new-contact-title">New contact</h2>
          <ContactForm
            key={formKey}
            headingId="new-contact-title"
            autoFocus
            onSaved={(c) => {
              announce(`Added ${c.name}.`);
              void refresh();
            }}
            onCancel={() => setFormOpen(false)}
          />
        </section>
      ) : null}

      <div className="toolbar" role="search" aria-label="Contacts">
        <TextField
          className="toolbar__search"
          label="Search contacts"
          type="search"
          hint={
            <>
              Name, organisation, title, tags or notes. Press <kbd>/</kbd> to jump here.
            </>
          }
          value={text}
          onChange={setText}
          inputRef={searchRef}
          autoComplete="off"
          name="q"
          isPageSearch
        />
        <SelectField<ContactSort>
          label="Sort by"
          value={sort}
          onChange={(v) => update({ sort: v === 'name' ? null : v })}
          options={SORTS}
        />
      </div>
      {tag ? (
        <p className="filter-note">
          Showing people tagged <strong>{tag}</strong>.{' '}
          <button type="button" className="link-button" onClick={() => update({ tag: null })}>
            Show everyone
          </button>
        </p>
      ) : null}

      <p className="visually-hidden" role="status">
        {list.isSuccess ? (items.length === 0 ? 'No contacts found.' : `${items.length}${hasMore ? ' or more' : ''} contacts shown.`) : ''}
      </p>

      {list.isPending ? <Loading what="Loading contacts" /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        filtered ? (
          <EmptyState title="No one matches">
            <p>
              Nobody matches {q ? <>“{q}”</> : null}
              {q && tag ? ' with ' : null}
              {tag ? <>the tag “{tag}”</> : null}. Try part of a name or an organisation, or{' '}
              <button type="button" className="link-button" onClick={openForm}>
                add them as a new contact
              </button>
              .
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No contacts yet">
            <p>
              Start with the people you already know: former colleagues, classmates, neighbours, people from clubs and associations.
              Acquaintances are often more helpful than close friends, because they know people you don’t.
            </p>
            <div className="button-row">
              <Link className="button button--primary" to="/import">
                Import your LinkedIn connections
              </Link>
              <button type="button" className="button" onClick={openForm}>
                Add your first contact
              </button>
              <Link className="button button--quiet" to="/">
                Or load sample data from Today
              </Link>
            </div>
          </EmptyState>
        )
      ) : null}

      {items.length > 0 ? (
        <ul className="contact-list" aria-busy={list.isFetching && !list.isFetchingNextPage}>
          {items.map((c) => (
            <li key={c.id} className="contact-row">
              <div className="contact-row__main">
                <Link to={`/contacts/${c.id}`} className="contact-row__name">
                  {c.name}
                </Link>
                {c.doNotContact ? <span className="badge badge--dnc">Do not contact</span> : null}
                <p className="muted small">
                  {[c.title, c.organisation].filter(Boolean).join(', ') || 'No organisation recorded'}
                  {c.location ? ` · ${c.location}` : ''}
                </p>
              </div>
              <div className="contact-row__meta">
                <span className="small">{TIE_LABEL[c.tie]}</span>
                {c.tags.length ? (
                  <ul className="tags" aria-label={`Tags of ${c.name}`}>
                    {c.tags.map((t) => (
                      <li key={t}>
                        <Link className="tag" to={`/contacts?tag=${encodeURIComponent(t)}`}>
                          {t}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {hasMore ? (
        <button type="button" className="button load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
