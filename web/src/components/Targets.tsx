// A campaign's target organisations, ranked the LAMP way (motivation, then postings, then
// advocacy): a table with inline controls for each target's priority and status, and a small form
// to add one by name. The server ranks; every change shows the new order.
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Campaign, TargetStatus } from '../../../src/domain/types';
import { api, ApiError, fieldErrors, keys, messageOf, type Target } from '../api';
import { plural } from '../format';
import { useRefreshAll } from '../hooks';
import { MOTIVATION_LABEL, MOTIVATIONS, POSTING_LABEL, POSTINGS, TARGET_STATUS_LABEL, TARGET_STATUSES } from '../labels';
import { useAnnounce } from './Announcer';
import { EmptyState, LoadError, Loading } from './common';
import { FormError, SelectField, TextField } from './Field';

type Change = { motivation: number } | { posting: number } | { status: TargetStatus };

/** Puts the focus back on a control that a re-ranking moved (moving a row can drop the focus). */
function refocus(id: string) {
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    const active = document.activeElement;
    if (el && active !== el && (!active || active === document.body)) el.focus();
  });
}

export function Targets({ campaign }: { campaign: Campaign }) {
  const targets = useQuery({ queryKey: keys.targets(campaign.id), queryFn: () => api.campaigns.targets(campaign.id) });
  const items = targets.data?.items ?? [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section id="targets" aria-labelledby="targets-title" className="panel">
      <h2 id="targets-title" ref={headingRef} tabIndex={-1}>
        Target organisations
      </h2>
      <p className="muted small">
        Ranked the LAMP way: how much you want to work there comes first, then how well their job postings fit, then advocacy — someone you
        know inside. Ruled-out organisations go last.
      </p>
      {targets.isPending ? <Loading what="Loading the targets" /> : null}
      {targets.isError ? <LoadError error={targets.error} retry={() => void targets.refetch()} /> : null}
      {targets.isSuccess && items.length === 0 ? (
        <EmptyState title="No target organisations yet" headingLevel={3}>
          <p>
            Name a few employers you would like to work for, even long shots. coffeechat ranks them, and favours people who work there when
            it suggests whom to ask.
          </p>
        </EmptyState>
      ) : null}
      {items.length ? (
        <div className="table-wrap" role="region" aria-label="Targets, best first" tabIndex={0}>
          <table className="table targets">
            <caption className="visually-hidden">Target organisations of this campaign, best first</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Organisation</th>
                <th scope="col">Motivation</th>
                <th scope="col">Postings</th>
                <th scope="col">Advocacy</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <TargetRow key={t.id} target={t} count={items.length} onRemoved={() => headingRef.current?.focus()} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddTarget campaign={campaign} taken={new Set(items.map((t) => t.organisation.toLowerCase()))} />
    </section>
  );
}

function TargetRow({ target: t, count, onRemoved }: { target: Target; count: number; onRemoved: () => void }) {
  const id = useId();
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (change: Change) => api.targets.update(t.id, change),
    onMutate: () => setError(null),
    onSuccess: async (r, change) => {
      const what =
        'motivation' in change
          ? `motivation ${MOTIVATION_LABEL[r.motivation]}`
          : 'posting' in change
            ? `postings ${POSTING_LABEL[r.posting]}`
            : `status ${TARGET_STATUS_LABEL[r.status]}`;
      announce(`${r.organisation}: ${what}. Ranked ${r.rank} of ${count}.`);
      // Still pending until the table is refetched, so that the select keeps showing the new value.
      await refresh();
      refocus(`${id}-${Object.keys(change)[0]}`);
    },
    onError: (e) => {
      setError(messageOf(e));
      announce(messageOf(e), 'error');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.targets.remove(t.id),
    onSuccess: async () => {
      announce(`Removed ${t.organisation} from the targets.`);
      await refresh();
      onRemoved();
    },
    onError: (e) => {
      setError(messageOf(e));
      announce(messageOf(e), 'error');
    },
  });
  const pending = update.isPending ? update.variables : undefined;
  const motivation = pending && 'motivation' in pending ? pending.motivation : t.motivation;
  const posting = pending && 'posting' in pending ? pending.posting : t.posting;
  const status = pending && 'status' in pending ? pending.status : t.status;
  return (
    <tr className={t.status === 'ruled-out' ? 'targets__row--out' : undefined}>
      <td className="num" data-label="Rank">
        <span className="targets__rank">{t.rank}</span>
      </td>
      <th scope="row" data-label="Organisation">
        {t.organisation}
        {error ? (
          <p className="error small" role="alert">
            {error}
          </p>
        ) : null}
      </th>
      <td data-label="Motivation">
        <label htmlFor={`${id}-motivation`} className="visually-hidden">
          Motivation for {t.organisation}
        </label>
        <select
          id={`${id}-motivation`}
          value={motivation}
          disabled={remove.isPending}
          onChange={(e) => update.mutate({ motivation: Number(e.target.value) })}
        >
          {MOTIVATIONS.map((m) => (
            <option key={m} value={m}>
              {MOTIVATION_LABEL[m]}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Postings">
        <label htmlFor={`${id}-posting`} className="visually-hidden">
          Postings at {t.organisation}
        </label>
        <select
          id={`${id}-posting`}
          value={posting}
          disabled={remove.isPending}
          onChange={(e) => update.mutate({ posting: Number(e.target.value) })}
        >
          {POSTINGS.map((p) => (
            <option key={p} value={p}>
              {POSTING_LABEL[p]}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Advocacy">
        {t.advocacy ? `Yes — ${plural(t.knownInside, 'person', 'people')} you know` : 'No'}
        {t.contactsInside > 0 ? (
          <>
            <br />
            <Link className="small" to={`/contacts?q=${encodeURIComponent(t.organisation)}`}>
              {plural(t.contactsInside, 'contact')} there
              <span className="visually-hidden"> at {t.organisation}</span>
            </Link>
          </>
        ) : null}
      </td>
      <td data-label="Status">
        <label htmlFor={`${id}-status`} className="visually-hidden">
          Status of {t.organisation}
        </label>
        <select
          id={`${id}-status`}
          value={status}
          disabled={remove.isPending}
          onChange={(e) => update.mutate({ status: e.target.value as TargetStatus })}
        >
          {TARGET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TARGET_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </td>
      <td className="targets__remove">
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={remove.isPending || update.isPending}
          onClick={() => remove.mutate()}
        >
          Remove<span className="visually-hidden"> {t.organisation}</span>
        </button>
      </td>
    </tr>
  );
}

function AddTarget({ campaign, taken }: { campaign: Campaign; taken: Set<string> }) {
  const [name, setName] = useState('');
  const [motivation, setMotivation] = useState('2');
  /** A problem found before asking the server: no name, or one that is already a target. */
  const [local, setLocal] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const listId = useId();
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  // The organisations the user's contacts work at, offered as they type.
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations.list, staleTime: 30_000 });
  const add = useMutation({
    mutationFn: () => api.targets.create({ campaignId: campaign.id, organisation: name.trim(), motivation: Number(motivation) }),
    onSuccess: async (t) => {
      announce(`${t.organisation} added as a target, ranked ${t.rank}.`);
      setName('');
      await refresh();
      inputRef.current?.focus();
    },
    onError: () => inputRef.current?.focus(),
  });
  const errors = add.isError ? fieldErrors(add.error) : {};
  const conflict = add.error instanceof ApiError && add.error.code === 'conflict' ? add.error.message : undefined;
  const nameError = local ?? errors.organisation ?? conflict;
  const unplaced = add.isError && !nameError && !errors.motivation;
  const offered = (organisations.data?.items ?? []).filter((o) => !taken.has(o.name.toLowerCase()));
  return (
    <form
      className="inline-form add-target"
      aria-labelledby="add-target-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const wanted = name.trim();
        const problem = !wanted
          ? 'is required'
          : taken.has(wanted.toLowerCase())
            ? `“${wanted}” is already a target of this campaign.`
            : null;
        setLocal(problem);
        if (problem) {
          add.reset();
          inputRef.current?.focus();
          return;
        }
        add.mutate();
      }}
    >
      <h3 id="add-target-title" className="h-small add-target__title">
        Add a target
      </h3>
      <TextField
        label="Organisation"
        required
        hint="An employer or association, e.g. “Northbridge Health”."
        value={name}
        onChange={(v) => {
          setName(v);
          setLocal(null);
        }}
        error={nameError}
        inputRef={inputRef}
        list={listId}
        autoComplete="off"
        maxLength={200}
      />
      <datalist id={listId}>
        {offered.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <SelectField
        label="How much do you want to work there?"
        value={motivation}
        onChange={setMotivation}
        error={errors.motivation}
        options={MOTIVATIONS.map((m) => ({ value: String(m), label: MOTIVATION_LABEL[m]! }))}
      />
      <button type="submit" className="button button--primary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add target'}
      </button>
      <FormError error={unplaced ? messageOf(add.error) : null} />
    </form>
  );
}
