// Live mode, for the phone on the table during the conversation: the countdown, the planned
// questions one at a time (skip, ask later, add one on the spot), a note box per question with
// one-tap kinds of insight, résumé feedback, quick referrals and the close. Notes are kept on this
// device first and synced (live-sync.ts), so a reload, a dropped connection or a sleeping phone
// loses nothing.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, type InterviewDetail, type LivePlan } from '../api';
import { useAnnounce } from '../components/Announcer';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { LiveClose } from '../components/LiveClose';
import { LiveNoteBox, toggleKind } from '../components/LiveNoteBox';
import { LiveReferral } from '../components/LiveReferral';
import { LiveTimer } from '../components/LiveTimer';
import { isTyping, usePageTitle } from '../hooks';
import { INSIGHT_KINDS } from '../labels';
import { LiveOutbox, livePrefix, storage, type SaveState } from '../live-sync';

interface Item {
  key: string;
  questionId: string;
  text: string;
  minutes: number;
  /** Free text (from the plan or added here): its words go with the note. */
  custom: boolean;
}

/** Where the user is in the questions; kept on this device so a reload returns to the same spot. */
interface Flow {
  order: string[];
  skipped: string[];
  added: { key: string; text: string }[];
  at: number;
}

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  local: 'Saved on this device, will sync',
  error: 'A note was refused by the server — see below',
};

export function LivePage() {
  const { id = '' } = useParams();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.interviews.get(id) });
  usePageTitle(interview.data ? `Live: ${interview.data.contactName}` : 'Live mode');
  if (interview.isPending) {
    return (
      <div className="page live">
        <h1>Live mode</h1>
        <Loading />
      </div>
    );
  }
  if (interview.isError) {
    return (
      <div className="page live">
        <h1>Live mode</h1>
        <LoadError error={interview.error} retry={() => void interview.refetch()} />
      </div>
    );
  }
  return <LiveView key={id} interview={interview.data} />;
}

function itemsOf(plan: LivePlan | undefined, added: Flow['added']): Item[] {
  const seen = new Set<string>();
  const out: Item[] = [];
  (plan?.questions ?? []).forEach((q, i) => {
    let key = q.id === 'custom' ? `custom-${i}` : q.id;
    while (seen.has(key)) key += '+';
    seen.add(key);
    out.push({ key, questionId: q.id, text: q.text, minutes: q.minutes, custom: q.id === 'custom' });
  });
  for (const a of added) out.push({ key: a.key, questionId: 'custom', text: a.text, minutes: 0, custom: true });
  return out;
}

function LiveView({ interview }: { interview: InterviewDetail }) {
  const id = interview.id;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const plan = useQuery({ queryKey: ['plan', id], queryFn: () => api.live.plan(id), retry: false, staleTime: Infinity });
  const referrals = useQuery({ queryKey: ['referrals', id], queryFn: () => api.live.referrals(id) });

  const outbox = useMemo(() => new LiveOutbox(id), [id]);
  const box = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  useEffect(() => {
    outbox.onReferralSent = (r) => {
      announce(`Referral synced: ${r.contact.name}.`);
      void qc.invalidateQueries({ queryKey: ['referrals', id] });
    };
    return outbox.start();
  }, [outbox, announce, qc, id]);

  const flowKey = livePrefix(id) + 'flow';
  const [flow, setFlowState] = useState<Flow>(() => storage.get<Flow>(flowKey) ?? { order: [], skipped: [], added: [], at: 0 });
  const setFlow = (f: Flow) => {
    setFlowState(f);
    storage.set(flowKey, f);
  };

  const byKey = useMemo(() => new Map(itemsOf(plan.data, flow.added).map((i) => [i.key, i])), [plan.data, flow.added]);
  // The user's order first (what they moved stays moved), then anything new in plan order.
  const order = useMemo(() => {
    const kept = flow.order.filter((k) => byKey.has(k));
    return [...kept, ...[...byKey.keys()].filter((k) => !kept.includes(k))];
  }, [flow.order, byKey]);
  const freeMode = !plan.isPending && order.length === 0;
  const at = Math.min(Math.max(flow.at, 0), Math.max(order.length - 1, 0));
  const current = order[at] ? byKey.get(order[at]) : undefined;
  const noteKey = current ? `q:${current.key}` : 'free';

  const editNote = (key: string, change: { text?: string; kinds?: (typeof INSIGHT_KINDS)[number][] }, item?: Item) =>
    outbox.edit(key, { ...change, questionId: item ? item.questionId : null, prefix: item?.custom ? `${item.text}\n` : '' });

  // One-key tags: 1–5 outside a text field, Alt+1–5 anywhere (also while typing the note).
  const toggleRef = useRef<(n: number) => void>(() => undefined);
  toggleRef.current = (n: number) => {
    const kind = INSIGHT_KINDS[n - 1];
    if (!kind) return;
    editNote(noteKey, { kinds: toggleKind(box.notes[noteKey]?.kinds ?? [], kind) }, current);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || document.querySelector('dialog[open]')) return;
      const digit = /^Digit([1-5])$/.exec(e.code)?.[1];
      if (!digit) return;
      if (e.altKey || (!isTyping(e) && !e.shiftKey)) {
        e.preventDefault();
        toggleRef.current(Number(digit));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const go = (to: number) => setFlow({ ...flow, order, at: Math.min(Math.max(to, 0), order.length - 1) });
  const skip = () => {
    if (!current) return;
    setFlow({ ...flow, order, skipped: [...new Set([...flow.skipped, current.key])], at: Math.min(at + 1, order.length - 1) });
  };
  const unskip = () => current && setFlow({ ...flow, order, skipped: flow.skipped.filter((k) => k !== current.key) });
  const later = () => {
    if (at >= order.length - 1) return;
    const next = [...order];
    [next[at], next[at + 1]] = [next[at + 1]!, next[at]!];
    setFlow({ ...flow, order: next });
    announce(`Moved later. Now: question ${at + 1} of ${order.length}.`);
  };
  const [newQuestion, setNewQuestion] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const text = newQuestion.trim();
    if (!text) return;
    const key = `added-${flow.added.length + 1}`;
    const next = [...order];
    next.splice(at + 1, 0, key);
    setFlow({ ...flow, added: [...flow.added, { key, text }], order: next, at: order.length ? at + 1 : 0 });
    setNewQuestion('');
    announce('Question added; it is the current one now.');
  };

  const savedReferrals = referrals.data?.items ?? [];
  const referralCount = savedReferrals.length + box.referrals.length;

  return (
    <div className="page live">
      <div className="live-head">
        <p className="live-head__crumb">
          <Link to={`/interviews/${id}`}>Interview</Link> · Live mode
        </p>
        <h1>{interview.contactName}</h1>
        <p className="live-head__meta">
          <StatusBadge status={interview.status} /> <span className="muted">{interview.campaignField}</span>
        </p>
        <p className={'live-save live-save--' + box.state} role="status" aria-atomic="true">
          {SAVE_TEXT[box.state]}
        </p>
      </div>

      <LiveTimer minutes={plan.data?.minutes ?? interview.minutes} storageKey={livePrefix(id) + 'timer'} />

      <section className="live-section live-question" aria-labelledby="live-q-title">
        {plan.isPending ? (
          <Loading what="Loading your questions" />
        ) : freeMode ? (
          <>
            <h2 id="live-q-title">Notes</h2>
            <p className="muted">
              {plan.error instanceof ApiError && plan.error.status === 404
                ? 'No question plan for this interview: take free notes.'
                : 'No questions planned: take free notes, or add a question below.'}
            </p>
            <LiveNoteBox
              label="Notes"
              note={box.notes.free}
              onText={(text) => editNote('free', { text })}
              onKinds={(kinds) => editNote('free', { kinds })}
            />
          </>
        ) : current ? (
          <>
            <h2 id="live-q-title">
              Question {at + 1} of {order.length}
              {flow.skipped.includes(current.key) ? <span className="live-tag">Skipped</span> : null}
            </h2>
            <p className="live-question__text">{current.text}</p>
            {current.minutes ? <p className="muted small">About {current.minutes} min</p> : null}
            <LiveNoteBox
              key={current.key}
              label="Your notes"
              note={box.notes[noteKey]}
              onText={(text) => editNote(noteKey, { text }, current)}
              onKinds={(kinds) => editNote(noteKey, { kinds }, current)}
            />
            <div className="live-nav">
              <button type="button" className="button" onClick={() => go(at - 1)} disabled={at === 0}>
                Previous
              </button>
              <button type="button" className="button button--primary" onClick={() => go(at + 1)} disabled={at >= order.length - 1}>
                Next
              </button>
              {flow.skipped.includes(current.key) ? (
                <button type="button" className="button button--quiet" onClick={unskip}>
                  Unskip
                </button>
              ) : (
                <button type="button" className="button button--quiet" onClick={skip}>
                  Skip
                </button>
              )}
              <button type="button" className="button button--quiet" onClick={later} disabled={at >= order.length - 1}>
                Ask later
              </button>
            </div>
          </>
        ) : null}
        <p className="muted small live-keys">
          Tag with <kbd>1</kbd>–<kbd>5</kbd>, or <kbd>Alt</kbd>+<kbd>1</kbd>–<kbd>5</kbd> while typing.
        </p>
        <form className="live-add" onSubmit={add}>
          <label htmlFor="live-add-q">Add a question</label>
          <div className="live-add__row">
            <input id="live-add-q" type="text" value={newQuestion} onChange={(e) => setNewQuestion(e.target.value)} autoComplete="off" />
            <button type="submit" className="button">
              Add
            </button>
          </div>
        </form>
        {order.length > 1 ? (
          <details className="live-all">
            <summary>All questions ({order.length})</summary>
            <ol>
              {order.map((k, i) => (
                <li key={k}>
                  <button type="button" className="link-button" aria-current={i === at ? 'step' : undefined} onClick={() => go(i)}>
                    {byKey.get(k)?.text}
                  </button>
                  {flow.skipped.includes(k) ? <span className="muted"> (skipped)</span> : null}
                  {box.notes[`q:${k}`]?.text.trim() ? <span className="muted"> (noted)</span> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>

      <section className="live-section" aria-labelledby="live-resume-title">
        <h2 id="live-resume-title">Résumé feedback</h2>
        <LiveNoteBox
          label="What they said about your résumé"
          note={box.notes.resume}
          showKinds={false}
          onText={(text) => outbox.edit('resume', { text, kinds: ['resume'], questionId: null })}
          onKinds={() => undefined}
        />
      </section>

      <LiveReferral
        outbox={outbox}
        saved={savedReferrals}
        waiting={box.referrals}
        onSaved={(text) => {
          announce(text);
          void qc.invalidateQueries({ queryKey: ['referrals', id] });
        }}
      />

      <LiveClose
        interview={interview}
        outbox={outbox}
        referrals={referralCount}
        onClosed={() => {
          announce('Closed. Your thank-you is on Today.');
          void qc.invalidateQueries();
        }}
      />
    </div>
  );
}
