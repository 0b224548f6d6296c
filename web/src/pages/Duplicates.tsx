// Duplicate review: pairs of contacts that may be one person, most confident first. Each shows
// both people side by side, every signal that matched, and a choice for each field on which they
// differ (pre-set to the value the server would keep). Merge folds the second into the first and
// offers Undo in place; "Not the same person" sets the pair apart for good.
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FieldDifference, MergeChoice, MergeField, MergeSide } from '../../../src/domain/merge-fields';
import type { Contact, ContactSource, Tie } from '../../../src/domain/types';
import { api, keys, messageOf, type DuplicatePair } from '../api';
import { useAnnounce } from '../components/Announcer';
import { EmptyState, LoadError, Loading } from '../components/common';
import { FormError } from '../components/Field';
import { usePageTitle, useRefreshAll } from '../hooks';
import { TIE_LABEL } from '../labels';

const FIELD_LABEL: Record<MergeField, string> = {
  name: 'Name',
  organisation: 'Organisation',
  title: 'Job title',
  linkedinUrl: 'LinkedIn profile',
  location: 'Location',
  tie: 'How well you know them',
  connectedOn: 'Connected on',
  research: 'Research notes',
};

const SIGNAL_LABEL: Record<DuplicatePair['signals'][number]['kind'], string> = {
  email: 'Same e-mail address',
  linkedin: 'Same LinkedIn profile',
  phone: 'Same phone number',
  'name-org': 'Alike name at the same organisation',
  name: 'Alike name',
};

const SOURCE_LABEL: Record<ContactSource, string> = {
  manual: 'added by you',
  referral: 'added by you as a referral',
  linkedin: 'imported from LinkedIn',
  google: 'imported from Google Contacts',
  outlook: 'imported from Outlook',
  vcard: 'imported from a vCard file',
  demo: 'sample data',
};

/** The confidence as words a person can weigh, beside the number. */
function confidenceWords(c: number): string {
  if (c >= 0.95) return 'Almost certainly the same person';
  if (c >= 0.85) return 'Very likely the same person';
  if (c >= 0.7) return 'Likely the same person';
  return 'Possibly the same person';
}

/** The same key for a pair in either order (the order may change when a record is written). */
const pairKey = (p: { contactIds: [string, string] }) => [...p.contactIds].sort().join('_');
const valueText = (field: MergeField, v: string | null) => (v === null ? 'Nothing recorded' : field === 'tie' ? TIE_LABEL[v as Tie] : v);

interface Merged {
  key: string;
  /** Where the pair stood in the list, so the "merged" note stays where the pair was. */
  index: number;
  keptId: string;
  keptName: string;
  otherName: string;
}

export function DuplicatesPage() {
  usePageTitle('Duplicates');
  const list = useQuery({ queryKey: keys.duplicates, queryFn: () => api.duplicates() });
  const [merged, setMerged] = useState<Merged[]>([]);
  const [focusId, setFocusId] = useState<string | null>(null);

  // After an action, focus goes to what now stands where the user was: the merged note's Undo,
  // the next pair, the restored pair, or the page heading.
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(focusId);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  });

  const pairs = list.data?.items ?? [];
  type Row = { kind: 'pair'; pair: DuplicatePair } | { kind: 'merged'; merged: Merged };
  const rows: Row[] = pairs.filter((p) => !merged.some((m) => m.key === pairKey(p))).map((pair) => ({ kind: 'pair', pair }));
  for (const m of [...merged].sort((a, b) => a.index - b.index))
    rows.splice(Math.min(m.index, rows.length), 0, { kind: 'merged', merged: m });

  const afterLeaving = (index: number) => {
    const next = rows[index + 1] ?? rows[index - 1];
    setFocusId(next ? (next.kind === 'pair' ? `dup-${pairKey(next.pair)}` : `undo-${next.merged.key}`) : 'duplicates-title');
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/contacts">Contacts</Link>
      </p>
      <div className="page-head">
        <h1 id="duplicates-title" tabIndex={-1}>
          Duplicates
        </h1>
      </div>
      <p className="lede">
        People who may be in your contacts twice, the most certain first. Pick which value to keep where the two records differ, then merge
        them — or say they are different people and they will not be offered again.
      </p>

      {list.isPending ? <Loading what="Looking for duplicates" /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess ? (
        <p className="visually-hidden" role="status">
          {pairs.length === 0
            ? 'No likely duplicates.'
            : `${pairs.length} possible ${pairs.length === 1 ? 'duplicate' : 'duplicates'} to review.`}
        </p>
      ) : null}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState title="No likely duplicates">
          <p>
            Nobody seems to be in your contacts twice. Records are compared by e-mail address, LinkedIn profile, phone number, and alike
            names at the same organisation — never by name alone.
          </p>
          <p>
            <Link to="/contacts">Back to contacts</Link>
          </p>
        </EmptyState>
      ) : null}

      {rows.length ? (
        <ol className="dup-list" aria-busy={list.isFetching}>
          {rows.map((row, index) =>
            row.kind === 'pair' ? (
              <PairCard
                key={pairKey(row.pair)}
                pair={row.pair}
                onMerged={(kept, other) => {
                  const key = pairKey(row.pair);
                  setMerged((m) => [...m, { key, index, keptId: kept.id, keptName: kept.name, otherName: other.name }]);
                  setFocusId(`undo-${key}`);
                }}
                onSetApart={() => afterLeaving(index)}
              />
            ) : (
              <MergedNote
                key={row.merged.key}
                merged={row.merged}
                onUndone={() => {
                  setMerged((m) => m.filter((x) => x.key !== row.merged.key));
                  setFocusId(`dup-${row.merged.key}`);
                }}
              />
            ),
          )}
        </ol>
      ) : null}
    </div>
  );
}

function PairCard({
  pair,
  onMerged,
  onSetApart,
}: {
  pair: DuplicatePair;
  onMerged: (kept: Contact, other: Contact) => void;
  onSetApart: () => void;
}) {
  const key = pairKey(pair);
  const [keep, other] = pair.contacts;
  const [choice, setChoice] = useState<Record<string, MergeSide>>(() =>
    Object.fromEntries(pair.differences.map((d) => [d.field, d.winner])),
  );
  const announce = useAnnounce();
  const refresh = useRefreshAll();
  const merge = useMutation({
    mutationFn: () => api.contacts.merge(keep.id, other.id, choice as MergeChoice),
    onSuccess: async (kept) => {
      announce(`Merged ${other.name} into ${kept.name}. Undo is available.`);
      onMerged(kept, other);
      await refresh();
    },
  });
  const setApart = useMutation({
    mutationFn: () => api.contacts.notDuplicate(keep.id, other.id),
    onSuccess: async () => {
      announce(`${keep.name} and ${other.name} are kept apart as different people.`);
      onSetApart();
      await refresh();
    },
  });
  const busy = merge.isPending || setApart.isPending;
  const pct = Math.round(pair.confidence * 100);
  const titleId = `dup-${key}`;

  return (
    <li className="panel dup">
      <h2 id={titleId} tabIndex={-1} className="dup__title">
        {keep.name} and {other.name}
      </h2>
      <p className="dup__confidence">
        <strong>{confidenceWords(pair.confidence)}</strong> <span className="badge">{pct}% confidence</span>
      </p>

      <h3 className="h-small">What matches</h3>
      <ul className="dup__signals">
        {pair.signals.map((s, i) => (
          <li key={i}>
            <span className="dup__signal-kind">{SIGNAL_LABEL[s.kind]}:</span> {s.detail}
          </li>
        ))}
      </ul>
      <ul className="dup__reasons small muted" aria-label="The evidence in words">
        {pair.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>

      <div className="dup__people">
        <PersonSummary contact={keep} role="Record 1, kept" />
        <PersonSummary contact={other} role="Record 2, merged into record 1" />
      </div>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) merge.mutate();
        }}
      >
        {pair.differences.length ? (
          <>
            <h3 className="h-small">Where they differ: keep which?</h3>
            <div className="dup__choices">
              {pair.differences.map((d) => (
                <FieldChoice
                  key={d.field}
                  pairKey={key}
                  difference={d}
                  value={choice[d.field]!}
                  onChange={(side) => setChoice((c) => ({ ...c, [d.field]: side }))}
                />
              ))}
            </div>
          </>
        ) : (
          <p className="small muted">The two records agree on every single-valued field.</p>
        )}
        <p className="small muted">E-mail addresses, phone numbers and tags of both are kept. Values not kept are noted on the timeline.</p>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            Merge into one
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setApart.mutate()}>
            Not the same person
          </button>
        </div>
        <FormError error={merge.isError ? messageOf(merge.error) : setApart.isError ? messageOf(setApart.error) : null} />
      </form>
    </li>
  );
}

function PersonSummary({ contact: c, role }: { contact: Contact; role: string }) {
  return (
    <div className="dup__person">
      <p className="dup__role small muted">{role}</p>
      <h3 className="dup__name">
        <Link to={`/contacts/${c.id}`}>{c.name}</Link>
      </h3>
      <dl className="facts">
        <Fact term="Role" value={[c.title, c.organisation].filter(Boolean).join(' at ') || null} />
        <Fact term="E-mail" value={c.emails.join(', ') || null} />
        <Fact term="Phone" value={c.phones.join(', ') || null} />
        <Fact term="LinkedIn" value={c.linkedinUrl} />
        <Fact term="Location" value={c.location} />
        <Fact term="Tie" value={TIE_LABEL[c.tie]} />
        <Fact term="Connected" value={c.connectedOn} />
        <Fact term="Source" value={SOURCE_LABEL[c.source]} />
      </dl>
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function FieldChoice({
  pairKey: key,
  difference: d,
  value,
  onChange,
}: {
  pairKey: string;
  difference: FieldDifference;
  value: MergeSide;
  onChange: (side: MergeSide) => void;
}) {
  const name = `choose-${key}-${d.field}`;
  return (
    <fieldset className="dup__choice">
      <legend>{FIELD_LABEL[d.field]}</legend>
      {(['keep', 'other'] as const).map((side) => (
        <label key={side} className="radio dup__option">
          <input type="radio" name={name} value={side} checked={value === side} onChange={() => onChange(side)} />
          <span>
            <span className={d[side] === null ? 'muted' : undefined}>{valueText(d.field, d[side])}</span>{' '}
            <span className="small muted">
              (record {side === 'keep' ? 1 : 2}
              {d.winner === side ? ', suggested' : ''})
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function MergedNote({ merged: m, onUndone }: { merged: Merged; onUndone: () => void }) {
  const announce = useAnnounce();
  const refresh = useRefreshAll();
  const undo = useMutation({
    mutationFn: () => api.contacts.unmerge(m.keptId),
    onSuccess: async ({ kept, restored }) => {
      announce(`Undone: ${restored.name} and ${kept.name} are separate again.`);
      await refresh();
      onUndone();
    },
  });
  return (
    <li className="panel dup dup--merged">
      <p>
        Merged {m.otherName} into <Link to={`/contacts/${m.keptId}`}>{m.keptName}</Link>.
      </p>
      <div className="button-row">
        <button id={`undo-${m.key}`} type="button" className="button" disabled={undo.isPending} onClick={() => undo.mutate()}>
          Undo merge
        </button>
      </div>
      <FormError error={undo.isError ? messageOf(undo.error) : null} />
    </li>
  );
}
