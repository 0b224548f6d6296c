// Changing an interview's status by hand: offers only the moves the server allows for it, and
// handles the two refusals the life cycle can give — an invalid move (explained), and closing a
// conversation before answering "who else should I talk to?" (asked in a dialog).
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InterviewStatus } from '../../../src/domain/types';
import { api, ApiError, messageOf, type InterviewDetail } from '../api';
import { useRefreshAll } from '../hooks';
import { INTERVIEW_STATUS_LABEL } from '../labels';
import { useAnnounce } from './Announcer';

interface MoveArgs {
  status: InterviewStatus;
  noReferrals?: boolean;
}

/** The mutation behind every move, shared by the select control and drag and drop. */
export function useMoveInterview(interview: Pick<InterviewDetail, 'id' | 'contactName'>, onMoved?: (i: InterviewDetail) => void) {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const [needsReferral, setNeedsReferral] = useState<InterviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (a: MoveArgs) => api.interviews.move(interview.id, a),
    onMutate: () => setError(null),
    onSuccess: (i) => {
      setNeedsReferral(null);
      announce(`${interview.contactName} moved to ${INTERVIEW_STATUS_LABEL[i.status]}.`);
      // After the refetch, so the card has reached its new column before it takes the focus.
      void refresh().then(() => onMoved?.(i));
    },
    onError: (e, a) => {
      if (e instanceof ApiError && e.code === 'referral_question_unanswered') {
        setNeedsReferral(a.status);
        return;
      }
      const msg = e instanceof ApiError && e.code === 'invalid_transition' ? `That move is not possible. ${e.message}` : messageOf(e);
      setError(msg);
      announce(msg, 'error');
    },
  });
  return { move: m.mutate, pending: m.isPending, error, setError, needsReferral, setNeedsReferral };
}

interface Props {
  interview: InterviewDetail;
  onMoved?: (i: InterviewDetail) => void;
  /** Where the referral question dialog sends the user to record a referral. */
  referralHref?: string;
}

export function MoveControl({ interview, onMoved, referralHref }: Props) {
  const id = useId();
  const [to, setTo] = useState<InterviewStatus | ''>('');
  const mv = useMoveInterview(interview, onMoved);
  const moves = interview.allowedMoves;
  if (moves.length === 0) return null;
  return (
    <>
      <form
        className="move"
        onSubmit={(e) => {
          e.preventDefault();
          if (to) mv.move({ status: to });
        }}
      >
        <label htmlFor={id} className="move__label">
          Move<span className="visually-hidden"> {interview.contactName}</span> to
        </label>
        <select id={id} value={to} onChange={(e) => setTo(e.target.value as InterviewStatus | '')}>
          <option value="">Choose…</option>
          {moves.map((s) => (
            <option key={s} value={s}>
              {INTERVIEW_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={!to || mv.pending}>
          {mv.pending ? 'Moving…' : 'Move'}
          <span className="visually-hidden"> {interview.contactName}</span>
        </button>
      </form>
      {mv.error ? (
        <p className="error small" role="alert">
          {mv.error}
        </p>
      ) : null}
      {mv.needsReferral !== null ? (
        <ReferralQuestion
          open
          name={interview.contactName}
          href={referralHref ?? `/contacts/${interview.contactId}?referralFor=${interview.id}#referrals`}
          pending={mv.pending}
          onNoOne={() => mv.move({ status: mv.needsReferral ?? 'held', noReferrals: true })}
          onClose={() => mv.setNeedsReferral(null)}
        />
      ) : null}
    </>
  );
}

interface QuestionProps {
  open: boolean;
  name: string;
  href: string;
  pending: boolean;
  onNoOne: () => void;
  onClose: () => void;
}

/** "Did they suggest anyone else to talk to?" — the question every conversation must answer. */
export function ReferralQuestion({ open, name, href, pending, onNoOne, onClose }: QuestionProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Did {name} suggest anyone else to talk to?</h2>
      <p>
        Before marking the conversation as held, record the answer to the most valuable question: <em>who else should I talk to?</em> A
        referral becomes a new contact, introduced by {name}.
      </p>
      <div className="button-row">
        <Link className="button" to={href} onClick={onClose}>
          Yes — record a referral
        </Link>
        <button type="button" className="button button--quiet" disabled={pending} onClick={onNoOne}>
          No one — mark as held
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
