// The draft editor: subject and body with live lint. Findings are underlined in a highlight layer
// drawn behind the (transparent) textarea, and listed with their reason, a suggested fix and a
// button that selects the words in the text. Below: open in the mail app, copy, send (when an
// SMTP server is set up) and log as sent. Nothing leaves the machine without one of these clicks.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { lintablePart, mailtoUrl } from '../../../src/domain/templates/message';
import { api, ApiError, fieldErrors, messageOf, type Draft, type LintFinding } from '../api';
import { useDebounced, useRefreshAll } from '../hooks';
import { INTERVIEW_STATUS_LABEL } from '../labels';
import { useAnnounce } from './Announcer';
import { FormError, Status, TextField } from './Field';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Suggestion' } as const;

interface Props {
  draft: Draft;
  contactId: string;
  smtpReady: boolean;
}

/** The text cut at every finding's edges, each piece marked with the worst severity covering it. */
function segments(text: string, findings: LintFinding[]): { text: string; severity: LintFinding['severity'] | null }[] {
  const spans = findings.filter((f) => f.end > f.start && f.end - f.start < text.length);
  const cuts = new Set([0, text.length]);
  for (const f of spans) {
    cuts.add(Math.min(f.start, text.length));
    cuts.add(Math.min(f.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { text: string; severity: LintFinding['severity'] | null }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    let worst: LintFinding['severity'] | null = null;
    for (const f of spans) {
      if (f.start <= a && f.end >= b && (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst])) worst = f.severity;
    }
    out.push({ text: text.slice(a, b), severity: worst });
  }
  return out;
}

function countLine(findings: LintFinding[]): string {
  const n = (s: LintFinding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [
    [n('error'), 'error', 'errors'],
    [n('warning'), 'warning', 'warnings'],
    [n('info'), 'suggestion', 'suggestions'],
  ] as const;
  const said = parts.filter(([k]) => k > 0).map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
  return said.length ? said.join(', ') : 'No findings: this reads well.';
}

async function copyText(text: string, fallbackFrom: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission, the old way still works from a user gesture.
    if (!fallbackFrom) return false;
    fallbackFrom.focus();
    fallbackFrom.select();
    return document.execCommand('copy');
  }
}

export function DraftEditor({ draft, contactId, smtpReady }: Props) {
  const [subject, setSubject] = useState(draft.subject ?? '');
  const [body, setBody] = useState(draft.body);
  const [to, setTo] = useState(draft.recipient.email ?? '');
  const [done, setDone] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  const refresh = useRefreshAll();
  const isEmail = draft.channel === 'email';
  const goesToContact = draft.recipient.contactId === contactId;

  const checked = useDebounced(body, 350);
  const lint = useQuery({
    queryKey: ['draft-check', draft.interviewId, draft.purpose, draft.channel, draft.recipient.contactId, checked],
    queryFn: () =>
      api.drafts.check({
        interviewId: draft.interviewId,
        purpose: draft.purpose,
        channel: draft.channel,
        body: checked,
        // Linted with the same mutual contact the draft was filled for.
        introducerId: goesToContact ? undefined : draft.recipient.contactId,
      }),
    enabled: checked !== draft.body,
    placeholderData: (prev) => prev,
    staleTime: Infinity,
    retry: false,
  });
  const current = checked === draft.body ? { findings: draft.findings, wordCount: draft.wordCount } : lint.data;
  const findings = useMemo(
    () =>
      [...(current?.findings ?? draft.findings)].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start),
    [current, draft.findings],
  );
  const lintBroken = lint.isError && checked !== draft.body;
  // Findings point into the linted part; a call script's coaching notes after `---` are not linted.
  const linted = lintablePart(body, draft.channel);
  const stale = checked !== body;

  const logged = (what: string) => {
    setDone(what);
    announce(what);
    void refresh();
  };
  const logSent = useMutation({
    mutationFn: () =>
      api.touches.create({
        contactId: draft.recipient.contactId,
        interviewId: goesToContact ? draft.interviewId : null,
        channel: draft.channel,
        direction: 'out',
        purpose: draft.touchPurpose,
        text: isEmail ? `Subject: ${subject}\n\n${body}` : body,
        templateId: draft.templateId,
      }),
    onMutate: () => setDone(null),
    onSuccess: async () => {
      const i = goesToContact ? await api.interviews.get(draft.interviewId).catch(() => null) : null;
      logged(`Logged as sent to ${draft.recipient.name}.${i ? ` The conversation is now: ${INTERVIEW_STATUS_LABEL[i.status]}.` : ''}`);
    },
  });
  const send = useMutation({
    mutationFn: () =>
      api.drafts.send({
        interviewId: draft.interviewId,
        purpose: draft.purpose,
        to: to.trim() || undefined,
        subject,
        body,
        templateId: draft.templateId,
        introducerId: goesToContact ? undefined : draft.recipient.contactId,
      }),
    onMutate: () => setDone(null),
    onSuccess: (r) => logged(`Sent to ${r.to} and logged.`),
  });
  const sendErrors = send.isError ? fieldErrors(send.error) : {};
  const [copied, setCopied] = useState<string | null>(null);

  const show = (f: LintFinding) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };

  const mirrored: ReactNode = segments(linted, stale ? [] : findings).map((s, i) =>
    s.severity ? (
      <mark key={i} className={`hl hl--${s.severity}`}>
        {s.text}
      </mark>
    ) : (
      <span key={i}>{s.text}</span>
    ),
  );

  return (
    <div className="draft-editor">
      <p className="draft-editor__to">
        <span className="muted">To:</span> <strong>{draft.recipient.name}</strong>
        {draft.recipient.contactId !== contactId ? <span className="muted small"> (the mutual contact)</span> : null}
      </p>
      {isEmail ? (
        <div className="form-grid">
          <TextField label="To address" type="email" value={to} onChange={setTo} error={sendErrors.to} autoComplete="off" />
          <TextField label="Subject" value={subject} onChange={setSubject} error={sendErrors.subject} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="draft-body">Message</label>
        <p className="hint" id="draft-body-hint">
          {draft.channel === 'phone'
            ? 'A call script: what you say comes first; the notes after the --- line are for you and are not checked.'
            : draft.channel === 'linkedin'
              ? `A LinkedIn note holds 300 characters; this one has ${body.length}.`
              : `${current?.wordCount ?? draft.wordCount} words; a first request reads best under 100.`}
        </p>
        <div className="draft-editor__surface">
          <div className="draft-editor__mirror" ref={mirror} aria-hidden="true">
            {mirrored}
            {body.slice(linted.length)}
            {'\u200b'}
          </div>
          <textarea
            id="draft-body"
            ref={area}
            className="draft-editor__text"
            value={body}
            rows={14}
            spellCheck
            aria-describedby="draft-body-hint draft-findings-summary"
            onChange={(e) => setBody(e.target.value)}
            onScroll={(e) => {
              if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
            }}
          />
        </div>
      </div>

      <section className="draft-findings" aria-labelledby="draft-findings-title">
        <h2 id="draft-findings-title" className="h-small">
          Check
        </h2>
        <p id="draft-findings-summary" role="status" className="small">
          {lintBroken
            ? `Live checking is unavailable right now (${lint.error instanceof ApiError ? lint.error.message : 'no answer'}); the findings below are from the last check.`
            : countLine(findings)}
        </p>
        {findings.length ? (
          <ul className="draft-findings__list">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${f.start}-${i}`} className={`finding finding--${f.severity}`} data-rule={f.rule}>
                <p className="finding__head">
                  <span className={`finding__sev finding__sev--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
                  <code className="finding__rule">{f.rule}</code>
                </p>
                <p className="finding__msg">{f.message}</p>
                {f.fix ? <p className="finding__fix small">Try: {f.fix}</p> : null}
                {f.end > f.start && f.end - f.start < linted.length ? (
                  <button type="button" className="button button--small button--quiet" onClick={() => show(f)}>
                    Show in text<span className="visually-hidden">: “{linted.slice(f.start, f.end).slice(0, 60)}”</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {draft.hints.length ? (
          <ul className="draft-hints small">
            {draft.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <div className="button-row draft-actions">
        {isEmail ? (
          <a className="button" href={mailtoUrl(to, subject, body)}>
            Open in mail app
          </a>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => {
            void copyText(body, area.current).then((ok) => {
              const msg = ok ? 'Copied the message.' : 'Could not copy: select the text and copy it yourself.';
              setCopied(msg);
              announce(msg, ok ? 'ok' : 'error');
            });
          }}
        >
          Copy
        </button>
        {isEmail && smtpReady ? (
          <button type="button" className="button" disabled={send.isPending || logSent.isPending} onClick={() => send.mutate()}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          disabled={logSent.isPending || send.isPending}
          onClick={() => logSent.mutate()}
        >
          Log as sent
        </button>
      </div>
      {isEmail && !smtpReady ? (
        <p className="small muted">To send from here, set up your mail server under Settings (host, port, user, from address).</p>
      ) : null}
      <Status message={done ?? copied} />
      <FormError error={logSent.isError ? messageOf(logSent.error) : send.isError ? messageOf(send.error) : null} />
    </div>
  );
}
