// Draft a message for one interview: pick what it is for and the template, edit it with live
// lint, and send, copy or log it — with the person and how you are connected always in view.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { suggestedPurpose } from '../../../src/domain/templates/message';
import type { TemplatePurpose } from '../../../src/domain/templates/placeholders';
import { api, keys, type InterviewDetail } from '../api';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { DraftEditor } from '../components/DraftEditor';
import { SelectField } from '../components/Field';
import { usePageTitle } from '../hooks';
import { CHANNEL_LABEL, PERMISSION_LABEL, TIE_HINT, TIE_LABEL } from '../labels';

const DRAFT_PURPOSE_LABEL: Record<TemplatePurpose, string> = {
  request: 'Ask for a conversation',
  'intro-request': 'Ask a mutual contact for an introduction',
  'follow-up': 'Follow up once',
  'thank-you': 'Thank them',
  update: 'Send an update',
  'thank-introducer': 'Thank the introducer',
};
const DRAFT_PURPOSES = Object.keys(DRAFT_PURPOSE_LABEL) as TemplatePurpose[];

export function DraftPage() {
  const { id = '' } = useParams();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.interviews.get(id) });
  usePageTitle(interview.data ? `Draft for ${interview.data.contactName}` : 'Draft');
  if (interview.isPending) {
    return (
      <div className="page">
        <h1>Draft</h1>
        <Loading />
      </div>
    );
  }
  if (interview.isError) {
    return (
      <div className="page">
        <h1>Draft</h1>
        <LoadError error={interview.error} retry={() => void interview.refetch()} />
      </div>
    );
  }
  return <DraftView interview={interview.data} />;
}

function DraftView({ interview }: { interview: InterviewDetail }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('purpose') as TemplatePurpose | null;
  const purpose: TemplatePurpose = asked && DRAFT_PURPOSES.includes(asked) ? asked : suggestedPurpose(interview.status);
  const templates = useQuery({
    queryKey: ['templates', purpose],
    queryFn: () => api.templates.list({ purpose }),
    staleTime: 60_000,
  });
  const list = templates.data?.items ?? [];
  const templateId = params.get('template') ?? list.find((t) => t.builtIn && t.channel === 'email')?.id ?? list[0]?.id ?? '';
  // An action may name the mutual contact an introduction request goes to (?introducer=).
  const introducerId = (purpose === 'intro-request' && params.get('introducer')) || undefined;
  const draft = useQuery({
    queryKey: ['draft', interview.id, purpose, templateId, introducerId],
    queryFn: () => api.drafts.create({ interviewId: interview.id, purpose, templateId, introducerId }),
    enabled: Boolean(templateId),
    // The editor owns the text once it is shown; a background refetch must not overwrite edits.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const settings = useQuery({ queryKey: keys.settings, queryFn: api.settings.get });
  const smtpReady = Boolean(settings.data?.['smtp.host'] && settings.data?.['smtp.from']);
  const choose = (next: { purpose?: TemplatePurpose; template?: string }) => {
    const p = new URLSearchParams(params);
    if (next.purpose) {
      p.set('purpose', next.purpose);
      p.delete('template');
    }
    if (next.template) p.set('template', next.template);
    setParams(p, { replace: true, state: { keepFocus: true } });
  };

  return (
    <div className="page draft-page">
      <section className="panel draft-page__work" aria-labelledby="draft-title">
        <p className="breadcrumb">
          <Link to={`/contacts/${interview.contactId}`}>{interview.contactName}</Link>
        </p>
        <h1 id="draft-title">Draft for {interview.contactName}</h1>
        <div className="form-grid">
          <SelectField
            label="What for"
            value={purpose}
            onChange={(v) => choose({ purpose: v })}
            options={DRAFT_PURPOSES.map((p) => ({ value: p, label: DRAFT_PURPOSE_LABEL[p] }))}
          />
          <SelectField
            label="Template"
            value={templateId}
            disabled={!list.length}
            onChange={(v) => choose({ template: v })}
            options={list.map((t) => ({ value: t.id, label: `${t.name} · ${CHANNEL_LABEL[t.channel]}${t.builtIn ? '' : ' (yours)'}` }))}
          />
        </div>
        {templates.isError ? <LoadError error={templates.error} retry={() => void templates.refetch()} /> : null}
        {draft.isPending && templateId ? <Loading what="Filling the template" /> : null}
        {draft.isError ? <LoadError error={draft.error} retry={() => void draft.refetch()} /> : null}
        {draft.data ? (
          <DraftEditor
            key={`${draft.data.purpose}/${draft.data.templateId}`}
            draft={draft.data}
            contactId={interview.contactId}
            smtpReady={smtpReady}
          />
        ) : null}
      </section>
      <Context interview={interview} />
    </div>
  );
}

/** Who they are and how the user is connected to them: what a good first sentence draws on. */
function Context({ interview }: { interview: InterviewDetail }) {
  const contact = useQuery({ queryKey: keys.contact(interview.contactId), queryFn: () => api.contacts.get(interview.contactId) });
  const intros = useQuery({
    queryKey: keys.introductions(interview.contactId),
    queryFn: () => api.contacts.introductions(interview.contactId),
  });
  const c = contact.data;
  const introducedBy = (intros.data?.items ?? []).filter((i) => i.contactId === interview.contactId);
  return (
    <aside className="panel draft-page__context" aria-labelledby="context-title">
      <h2 id="context-title" className="h-small">
        About {interview.contactName}
      </h2>
      {contact.isPending ? <Loading /> : null}
      {contact.isError ? <LoadError error={contact.error} /> : null}
      {c ? (
        <>
          <p className="person__role">{[c.title, c.organisation].filter(Boolean).join(' at ') || 'No role recorded'}</p>
          <dl className="facts">
            <div>
              <dt>Conversation</dt>
              <dd>
                <StatusBadge status={interview.status} /> <span className="small">{interview.campaignField}</span>
              </dd>
            </div>
            <div>
              <dt>Tie</dt>
              <dd>
                {TIE_LABEL[c.tie]} <span className="muted small">({TIE_HINT[c.tie]})</span>
              </dd>
            </div>
            <div>
              <dt>Introduced by</dt>
              <dd>
                {introducedBy.length ? (
                  <ul className="plain">
                    {introducedBy.map((i) => (
                      <li key={i.id}>
                        <Link to={`/contacts/${i.introducerId}`}>{i.introducerName}</Link>{' '}
                        <span className="muted small">({PERMISSION_LABEL[i.permission]})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">No one recorded</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Asking for</dt>
              <dd>{interview.minutes || 20} minutes</dd>
            </div>
          </dl>
          <h3 className="h-small">Research notes</h3>
          <p className={c.research ? 'prewrap' : 'muted'}>
            {c.research || 'None yet. A line about their work makes the first sentence personal.'}
          </p>
        </>
      ) : null}
    </aside>
  );
}
