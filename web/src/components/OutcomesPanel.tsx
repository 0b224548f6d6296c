// What the conversations led to. `OutcomesPanel` belongs to one interview: the outcomes it is
// credited with (its own, and those its referrals led to), a form to record one, and delete.
// `CampaignOutcomes` lists a campaign's outcomes with who led there, and opens the panel for the
// conversation the user picks.
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { OUTCOME_KINDS } from '../../../src/domain/types';
import {
  addOutcome,
  deleteOutcome,
  fieldErrors,
  listOutcomes,
  messageOf,
  outcomesKey,
  type InterviewDetail,
  type Outcome,
  type OutcomeKind,
} from '../api';
import { useFormatters } from '../format';
import { useFocusFirstInvalid, useRefreshAll } from '../hooks';
import { useAnnounce } from './Announcer';
import { LoadError, Loading } from './common';
import { FormError, SelectField, TextField, SubmitRow } from './Field';

export const OUTCOME_LABEL: Record<OutcomeKind, string> = {
  'job-interview': 'Job interview',
  'job-offer': 'Job offer',
  'referral-to-role': 'Referral to a role',
  'new-contact': 'New contact',
};

const titleOf = (o: Outcome) => `${OUTCOME_LABEL[o.kind]}${o.note ? `: ${o.note}` : ''}`;

/** Who it came from, and the conversations whose referrals led there, nearest first. */
function Credits({ outcome, interviewId }: { outcome: Outcome; interviewId?: string }) {
  const [direct, ...up] = outcome.credits;
  if (!direct) return <p className="small muted">The conversation it came from has been deleted.</p>;
  const from = direct.interviewId === interviewId ? 'From this conversation' : `From the conversation with ${direct.contactName}`;
  return (
    <p className="small outcome__credits">
      {from}
      {up.length ? (
        <>
          {'; led there by '}
          {up.map((c, k) => (
            <span key={c.interviewId}>
              {k > 0 ? ', ' : ''}
              {c.interviewId === interviewId ? <strong>this conversation</strong> : c.contactName}
            </span>
          ))}
        </>
      ) : null}
      .
    </p>
  );
}

export function OutcomesPanel({ interviewId, headingLevel = 2 }: { interviewId: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const f = useFormatters();
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const outcomes = useQuery({ queryKey: outcomesKey({ interviewId }), queryFn: () => listOutcomes({ interviewId }) });
  const remove = useMutation({
    mutationFn: (o: Outcome) => deleteOutcome(o.id),
    onSuccess: async (_v, o) => {
      announce(`Deleted the outcome “${titleOf(o)}”.`);
      await refresh();
    },
  });
  const items = outcomes.data ?? [];
  return (
    <section className="panel outcomes" aria-labelledby={`${id}-title`}>
      <H id={`${id}-title`}>Outcomes</H>
      <p className="muted small">
        Job interviews, offers and referrals this conversation led to — directly, or through the people it introduced you to.
      </p>
      {outcomes.isPending ? <Loading what="Loading the outcomes" /> : null}
      {outcomes.isError ? <LoadError error={outcomes.error} retry={() => void outcomes.refetch()} /> : null}
      {outcomes.isSuccess && items.length === 0 ? <p className="empty">Nothing recorded yet.</p> : null}
      {items.length ? (
        <ul className="outcome-list">
          {items.map((o) => {
            const mine = o.credits[0]?.interviewId === interviewId;
            return (
              <li key={o.id} className="outcome">
                <p className="outcome__title">
                  <strong>{OUTCOME_LABEL[o.kind]}</strong>
                  {o.note ? ` — ${o.note}` : ''} <span className="small muted">({f.date(o.at)})</span>
                </p>
                <Credits outcome={o} interviewId={interviewId} />
                {mine ? (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(o)}
                  >
                    Delete<span className="visually-hidden"> the outcome “{titleOf(o)}”</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <FormError error={remove.isError ? messageOf(remove.error) : null} />
      <OutcomeForm interviewId={interviewId} headingId={`${id}-add`} headingLevel={headingLevel === 2 ? 3 : 4} />
    </section>
  );
}

function OutcomeForm({ interviewId, headingId, headingLevel }: { interviewId: string; headingId: string; headingLevel: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const [kind, setKind] = useState<OutcomeKind | ''>('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  // A missing kind is explained before any request (a new object each time, so focus moves again).
  const [missing, setMissing] = useState<object | null>(null);
  const refresh = useRefreshAll();
  const add = useMutation({
    mutationFn: () => addOutcome({ interviewId, kind: kind as OutcomeKind, note: note || null }),
    onMutate: () => setDone(null),
    onSuccess: async (o) => {
      setKind('');
      setNote('');
      const up = o.credits.slice(1).map((c) => c.contactName);
      setDone(`Recorded: ${titleOf(o)}.${up.length ? ` Also credited to ${up.join(', ')}.` : ''}`);
      await refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, add.error ?? missing);
  const errors = add.isError ? fieldErrors(add.error) : {};
  const unplaced = add.isError && !errors.kind && !errors.note;
  const kindError = missing || errors.kind ? 'Choose what happened.' : undefined;
  return (
    <form
      ref={formRef}
      className="form outcome-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!kind) {
          setMissing({});
          return;
        }
        setMissing(null);
        add.mutate();
      }}
    >
      <H id={headingId}>Record an outcome</H>
      <SelectField<OutcomeKind>
        label="What happened"
        value={kind}
        onChange={(k) => {
          setKind(k);
          if (k) setMissing(null);
        }}
        error={kindError}
        options={[{ value: '', label: 'Choose…' }, ...OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_LABEL[k] }))]}
      />
      <TextField
        label="Note"
        hint="Optional: the role and the organisation, e.g. UX researcher at CareLoop."
        value={note}
        onChange={setNote}
        maxLength={1000}
        error={errors.note}
      />
      <FormError error={unplaced ? messageOf(add.error) : null} />
      <SubmitRow label="Record outcome" pendingLabel="Recording…" pending={add.isPending} done={done} />
    </form>
  );
}

const MET = new Set(['held', 'thanked', 'in-touch']);

/** A campaign's outcomes, and the panel of the conversation the user picks to record one. */
export function CampaignOutcomes({ campaignId, interviews }: { campaignId: string; interviews: InterviewDetail[] }) {
  const f = useFormatters();
  const [picked, setPicked] = useState('');
  const outcomes = useQuery({ queryKey: outcomesKey({ campaignId }), queryFn: () => listOutcomes({ campaignId }) });
  const items = outcomes.data ?? [];
  // Conversations that took place first; the rest (a reply by e-mail can lead somewhere too) after.
  const choices = [...interviews].sort((a, b) => Number(MET.has(b.status)) - Number(MET.has(a.status)));
  const current = interviews.some((i) => i.id === picked) ? picked : '';
  return (
    <section id="outcomes" aria-labelledby="outcomes-title" className="panel campaign-outcomes">
      <h2 id="outcomes-title">Outcomes</h2>
      {outcomes.isPending ? <Loading what="Loading the outcomes" /> : null}
      {outcomes.isError ? <LoadError error={outcomes.error} retry={() => void outcomes.refetch()} /> : null}
      {outcomes.isSuccess && items.length === 0 ? (
        <p className="empty">No outcomes yet. When a conversation leads to a job interview, an offer or a referral, record it here.</p>
      ) : null}
      {items.length ? (
        <ul className="outcome-list">
          {items.map((o) => (
            <li key={o.id} className="outcome">
              <p className="outcome__title">
                <strong>{OUTCOME_LABEL[o.kind]}</strong>
                {o.note ? ` — ${o.note}` : ''} <span className="small muted">({f.date(o.at)})</span>
              </p>
              <Credits outcome={o} />
            </li>
          ))}
        </ul>
      ) : null}
      {interviews.length ? (
        <SelectField
          label="Record or review the outcomes of a conversation"
          value={current}
          onChange={setPicked}
          options={[{ value: '', label: 'Choose a person…' }, ...choices.map((i) => ({ value: i.id, label: i.contactName }))]}
        />
      ) : null}
      {current ? <OutcomesPanel key={current} interviewId={current} headingLevel={3} /> : null}
    </section>
  );
}
