// The Close step of live mode: a three-line debrief (kept on this device while it is written),
// the answer to the referral question when nobody was named, and the close itself. Unsent notes
// are sent first, so the thank-you draft can quote them.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError, messageOf, type DebriefInput, type InterviewDetail } from '../api';
import { storage, type LiveOutbox } from '../live-sync';
import { CheckboxField, FormError, TextField } from './Field';

export function LiveClose({
  interview,
  outbox,
  referrals,
  onClosed,
}: {
  interview: InterviewDetail;
  outbox: LiveOutbox;
  referrals: number;
  onClosed: () => void;
}) {
  const key = `coffeechat:live:${interview.id}:debrief`;
  const [debrief, setDebrief] = useState<DebriefInput>(() => storage.get<DebriefInput>(key) ?? { learned: '', fit: '', open: '' });
  const [noReferrals, setNoReferrals] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = interview.status === 'held' || interview.status === 'thanked' || interview.status === 'in-touch';

  const change = (part: keyof DebriefInput) => (value: string) => {
    const next = { ...debrief, [part]: value };
    setDebrief(next);
    storage.set(key, next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await outbox.flush();
      await api.live.close(interview.id, { noReferrals, debrief });
      onClosed();
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'referral_question_unanswered'
          ? 'Before closing, answer "who else should I talk to?": add a referral above, or tick "They named no one".'
          : err instanceof ApiError && err.status === 0
            ? 'No connection: your notes and debrief are safe on this device. Close again once you are back online.'
            : messageOf(err),
      );
    } finally {
      setBusy(false);
    }
  };

  if (closed) {
    return (
      <section className="live-section live-done" aria-labelledby="live-close-title">
        <h2 id="live-close-title">Closed</h2>
        <p>This conversation is closed. Send your thank-you today and name one piece of advice you will act on.</p>
        <p>
          <Link to="/" className="button button--primary live-wide">
            Go to Today
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="live-section" aria-labelledby="live-close-title">
      <h2 id="live-close-title">Close</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} />
        <TextField label="What I learned" multiline rows={3} value={debrief.learned} onChange={change('learned')} />
        <TextField label="How it fits me" multiline rows={2} value={debrief.fit} onChange={change('fit')} />
        <TextField label="What I still need to know" multiline rows={2} value={debrief.open} onChange={change('open')} />
        {referrals === 0 ? (
          <CheckboxField
            label="They named no one"
            hint="You asked who else you should talk to. Closing needs a referral or this answer."
            checked={noReferrals}
            onChange={setNoReferrals}
          />
        ) : (
          <p className="muted">
            {referrals} referral{referrals === 1 ? '' : 's'} recorded.
          </p>
        )}
        <button type="submit" className="button button--primary live-wide" disabled={busy}>
          Close the interview
        </button>
      </form>
    </section>
  );
}
