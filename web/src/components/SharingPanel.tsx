// The campaign page's "Sharing" panel: share the campaign with an adviser by the e-mail of their
// account (to read, or to read and comment), see who has access, revoke at once, and read the
// advisers' comments. Only on a server with accounts: the local app has nobody to share with.
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Campaign } from '../../../src/domain/types';
import { fieldErrors, messageOf, shareKeys, sharing, type CommentView, type ShareAccess, type ShareView } from '../api';
import { useSession } from '../auth';
import { useFormatters } from '../format';
import { useFocusFirstInvalid, useRefreshAll } from '../hooks';
import { useAnnounce } from './Announcer';
import { LoadError, Loading } from './common';
import { FormError, InlineError, SelectField, SubmitRow, TextField } from './Field';

export const ACCESS_LABEL: Record<ShareAccess, string> = {
  read: 'Can read',
  comment: 'Can read and comment',
};

const who = (s: { adviserName: string | null; adviserEmail: string | null }) => s.adviserName ?? s.adviserEmail ?? 'An adviser';

export function SharingPanel({ campaign }: { campaign: Campaign }) {
  const { session } = useSession();
  if (!session?.accounts) return null;
  return <Sharing campaign={campaign} />;
}

function Sharing({ campaign }: { campaign: Campaign }) {
  const id = useId();
  const f = useFormatters();
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shares = useQuery({ queryKey: shareKeys.shares(campaign.id), queryFn: () => sharing.list(campaign.id) });
  const revoke = useMutation({
    mutationFn: (s: ShareView) => sharing.revoke(s.id),
    onSuccess: async (_v, s) => {
      announce(`${who(s)} no longer has access to this campaign.`);
      headingRef.current?.focus();
      await refresh();
    },
  });
  const items = shares.data ?? [];
  return (
    <section id="sharing" className="panel sharing" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Sharing
      </h2>
      <p className="muted small">
        An adviser you share this campaign with sees the campaign, the people in it with their status and meeting dates, and its insights —
        not your other contacts, notes outside this campaign or other campaigns. You can revoke access at any time; it ends at once.
      </p>
      {shares.isPending ? <Loading what="Loading who has access" /> : null}
      {shares.isError ? <LoadError error={shares.error} retry={() => void shares.refetch()} /> : null}
      {shares.isSuccess && items.length === 0 ? <p className="empty">Only you can see this campaign.</p> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Advisers who can see this campaign</caption>
            <thead>
              <tr>
                <th scope="col">Adviser</th>
                <th scope="col">Access</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {who(s)}
                    {s.adviserName && s.adviserEmail ? <span className="small muted"> ({s.adviserEmail})</span> : null}
                  </th>
                  <td>{ACCESS_LABEL[s.access]}</td>
                  <td>{f.date(s.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--danger-quiet button--small"
                      disabled={revoke.isPending && revoke.variables?.id === s.id}
                      onClick={() => revoke.mutate(s)}
                    >
                      Revoke<span className="visually-hidden"> access for {who(s)}</span>
                    </button>
                    {revoke.isError && revoke.variables?.id === s.id ? <InlineError error={messageOf(revoke.error)} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShareForm campaignId={campaign.id} headingId={`${id}-add`} />
      <Comments campaignId={campaign.id} headingId={`${id}-comments`} />
    </section>
  );
}

function ShareForm({ campaignId, headingId }: { campaignId: string; headingId: string }) {
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<ShareAccess>('read');
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const share = useMutation({
    mutationFn: () => sharing.share(campaignId, { email, access }),
    onMutate: () => setDone(null),
    onSuccess: async (s) => {
      setEmail('');
      setDone(`Shared with ${who(s)} (${ACCESS_LABEL[s.access].toLowerCase()}).`);
      await refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, share.error);
  const errors = share.isError ? fieldErrors(share.error) : {};
  const unplaced = share.isError && !errors.email && !errors.access;
  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        share.mutate();
      }}
    >
      <h3 id={headingId}>Share with an adviser</h3>
      <TextField
        label="Adviser's e-mail"
        type="email"
        autoComplete="off"
        hint="The e-mail of their coffeechat account on this server. Sharing again with the same adviser changes their access."
        value={email}
        onChange={setEmail}
        maxLength={320}
        required
        error={errors.email}
      />
      <SelectField<ShareAccess>
        label="Access"
        value={access}
        onChange={setAccess}
        error={errors.access}
        options={[
          { value: 'read', label: ACCESS_LABEL.read },
          { value: 'comment', label: ACCESS_LABEL.comment },
        ]}
      />
      <FormError error={unplaced ? messageOf(share.error) : null} />
      <SubmitRow label="Share" pendingLabel="Sharing…" pending={share.isPending} done={done} />
    </form>
  );
}

/** The advisers' comments on a campaign, oldest first; shared with the adviser's page. */
export function CommentList({ comments }: { comments: CommentView[] }) {
  const f = useFormatters();
  return (
    <ul className="outcome-list comment-list">
      {comments.map((c) => (
        <li key={c.id} className="outcome">
          <p className="outcome__title">
            <strong>{c.authorName ?? 'An adviser'}</strong>{' '}
            <span className="small muted">
              (<time dateTime={c.createdAt}>{f.dateTime(c.createdAt)}</time>)
            </span>
          </p>
          <p className="prewrap">{c.text}</p>
        </li>
      ))}
    </ul>
  );
}

function Comments({ campaignId, headingId }: { campaignId: string; headingId: string }) {
  const comments = useQuery({ queryKey: shareKeys.comments(campaignId), queryFn: () => sharing.comments(campaignId) });
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Comments from advisers</h3>
      {comments.isPending ? <Loading what="Loading the comments" /> : null}
      {comments.isError ? <LoadError error={comments.error} retry={() => void comments.refetch()} /> : null}
      {comments.isSuccess && comments.data.length === 0 ? <p className="muted">No comments yet.</p> : null}
      {comments.data?.length ? <CommentList comments={comments.data} /> : null}
    </section>
  );
}
