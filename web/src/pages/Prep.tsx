// The prep sheet: who the person is and how you are connected, the research checklist with notes,
// objectives, agenda, the question plan, talking points and the time spent preparing. Changes save
// by themselves (ticks at once, typing after a pause) with the state shown beside the heading; the
// sheet prints cleanly from the browser and downloads as Markdown or PDF.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fieldErrors, keys, messageOf, type PrepPatch, type PrepView } from '../api';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { CheckboxField, TextField } from '../components/Field';
import { QuestionPlan } from '../components/QuestionPlan';
import { usePageTitle } from '../hooks';
import { MODE_LABEL, PERMISSION_LABEL, TIE_LABEL } from '../labels';
import { webHref } from '../safe-url';

/** How long typing may pause before the sheet saves. */
const SAVE_AFTER_MS = 800;

export function PrepPage() {
  const { id = '' } = useParams();
  const prep = useQuery({ queryKey: ['prep', id], queryFn: () => api.prep.get(id), refetchOnWindowFocus: false });
  usePageTitle(prep.data ? `Prep sheet: ${prep.data.person.name}` : 'Prep sheet');
  if (prep.isPending || prep.isError) {
    return (
      <div className="page">
        <h1>Prep sheet</h1>
        {prep.isPending ? <Loading /> : <LoadError error={prep.error} retry={() => void prep.refetch()} />}
      </div>
    );
  }
  // Keyed by interview: the form's local state starts from the server's copy once per sheet.
  return <PrepSheet key={id} initial={prep.data} />;
}

interface Form {
  checklist: Record<string, boolean>;
  researchNotes: string;
  objectives: string[];
  agenda: { title: string; minutes: string }[] | null;
  talkingPoints: Record<string, string>;
  prepMinutes: string;
}

function formOf(v: PrepView): Form {
  return {
    checklist: Object.fromEntries(v.checklist.map((c) => [c.id, c.checked])),
    researchNotes: v.researchNotes ?? '',
    objectives: v.objectives.length ? v.objectives : [''],
    agenda: v.agenda.custom ? v.agenda.items.map((a) => ({ title: a.title, minutes: String(a.minutes) })) : null,
    talkingPoints: Object.fromEntries(v.talkingPoints.map((t) => [t.promptId, t.text ?? ''])),
    prepMinutes: String(v.prepMinutes),
  };
}

/** The form's fields as the API takes them (blank objectives are left out, numbers parsed). */
function patchOf(form: Form, fields: Set<keyof Form>): PrepPatch {
  const p: PrepPatch = {};
  if (fields.has('checklist')) p.checklist = form.checklist;
  if (fields.has('researchNotes')) p.researchNotes = form.researchNotes;
  if (fields.has('objectives')) p.objectives = form.objectives.map((o) => o.trim()).filter(Boolean);
  if (fields.has('agenda'))
    p.agenda = form.agenda && form.agenda.map((a) => ({ title: a.title, minutes: a.minutes.trim() === '' ? NaN : Number(a.minutes) }));
  if (fields.has('talkingPoints')) p.talkingPoints = form.talkingPoints;
  if (fields.has('prepMinutes')) p.prepMinutes = form.prepMinutes.trim() === '' ? 0 : Number(form.prepMinutes);
  return p;
}

type SaveState = { kind: 'idle' } | { kind: 'waiting' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function PrepSheet({ initial }: { initial: PrepView }) {
  const id = initial.interviewId;
  const qc = useQueryClient();
  const sheet = useQuery({
    queryKey: ['prep', id],
    queryFn: () => api.prep.get(id),
    initialData: initial,
    refetchOnWindowFocus: false,
  }).data;
  const [form, setForm] = useState<Form>(() => formOf(initial));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = useRef(new Set<keyof Form>());
  const formRef = useRef(form);
  formRef.current = form;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useMutation({
    mutationFn: (patch: PrepPatch) => api.prep.update(id, patch),
    onSuccess: (view) => {
      qc.setQueryData(['prep', id], view);
      // The prepare action follows the checklist: Today and the action lists may have changed.
      void qc.invalidateQueries({ queryKey: keys.today });
      void qc.invalidateQueries({ queryKey: ['actions'] });
    },
  });

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (dirty.current.size === 0) return;
    const fields = new Set(dirty.current);
    dirty.current.clear();
    setState({ kind: 'saving' });
    save.mutate(patchOf(formRef.current, fields), {
      onSuccess: () => {
        setErrors({});
        setState(dirty.current.size ? { kind: 'waiting' } : { kind: 'saved' });
      },
      onError: (e) => {
        for (const f of fields) dirty.current.add(f); // kept, so the next change or "Try again" resends them
        setErrors(fieldErrors(e));
        setState({ kind: 'error', message: messageOf(e) });
      },
    });
  }, [save]);

  const change = (next: Partial<Form>, now = false) => {
    setForm((f) => ({ ...f, ...next }));
    formRef.current = { ...formRef.current, ...next };
    for (const k of Object.keys(next) as (keyof Form)[]) dirty.current.add(k);
    setState({ kind: 'waiting' });
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, now ? 0 : SAVE_AFTER_MS);
  };

  // Leaving the page saves what is still waiting; closing the tab asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      flush();
    };
  }, [flush]);

  const p = sheet.person;
  const role = [p.title, p.organisation].filter(Boolean).join(' at ');
  const m = sheet.meeting;
  const agendaShown = form.agenda ?? sheet.agenda.items.map((a) => ({ title: a.title, minutes: String(a.minutes) }));
  const agendaTotal = agendaShown.reduce((a, i) => a + (Number(i.minutes) || 0), 0);

  return (
    <div className="page prep-page">
      <header className="prep-head">
        <p className="breadcrumb no-print">
          <Link to={`/contacts/${p.contactId}`}>{p.name}</Link>
        </p>
        <h1>Prep sheet: {p.name}</h1>
        <p className="muted">
          {m.localTime ? `${m.localTime}` : 'Not scheduled yet'} · {m.minutes} minutes
          {m.mode ? ` · ${MODE_LABEL[m.mode]}` : ''}
          {m.place ? ` · ${m.place}` : ''} · {sheet.campaignField} <StatusBadge status={sheet.status} />
        </p>
        <p className={'prep-progress' + (sheet.complete ? ' prep-progress--done' : '')}>
          {sheet.complete ? 'Checklist complete.' : `Still to do: ${sheet.missing.join('; ')}.`}
        </p>
        <div className="button-row no-print">
          <a className="button" href={api.prep.fileUrl(id, 'md')} download>
            Download Markdown
          </a>
          <a className="button" href={api.prep.fileUrl(id, 'pdf')} download>
            Download PDF
          </a>
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <SaveStatus state={state} retry={flush} />
        </div>
      </header>

      <section className="panel" aria-labelledby="prep-who">
        <h2 id="prep-who">Who they are</h2>
        <dl className="facts">
          <div>
            <dt>Role</dt>
            <dd>{role || 'Not recorded'}</dd>
          </div>
          {p.location ? (
            <div>
              <dt>Location</dt>
              <dd>{p.location}</dd>
            </div>
          ) : null}
          {p.linkedinUrl ? (
            <div>
              <dt>LinkedIn</dt>
              <dd>
                {webHref(p.linkedinUrl) ? (
                  <a href={webHref(p.linkedinUrl)!} rel="noreferrer noopener" target="_blank">
                    {p.linkedinUrl}
                  </a>
                ) : (
                  p.linkedinUrl
                )}
              </dd>
            </div>
          ) : null}
        </dl>
        {p.roles.length ? (
          <>
            <h3 className="h-small">Work history</h3>
            <ul className="prep-roles">
              {p.roles.map((r, i) => (
                <li key={i}>
                  {[r.title, r.organisation].filter(Boolean).join(' at ') || 'A role'}{' '}
                  <span className="muted small">
                    ({r.from ? `${r.from} – ${r.current ? 'now' : (r.to ?? '?')}` : r.current ? 'current' : `until ${r.to ?? '?'}`})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3 className="h-small">What you noted about them</h3>
        <p className="prep-pre">{p.research || <span className="muted">Nothing yet.</span>}</p>
        <p className="small no-print">
          <Link to={`/contacts/${p.contactId}`}>Edit {p.name}&rsquo;s details and research notes</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="prep-connection">
        <h2 id="prep-connection">How you are connected</h2>
        <p>{sheet.connection.summary}</p>
        {sheet.connection.chain.length > 1 ? (
          <ol className="prep-chain" aria-label="Introduction chain">
            <li>You</li>
            {sheet.connection.chain.map((c) => (
              <li key={c.id}>{c.name}</li>
            ))}
          </ol>
        ) : null}
        <p className="muted small">
          Tie: {TIE_LABEL[sheet.connection.tie]}
          {sheet.connection.introducedBy.map((i) => ` · ${i.name}: ${PERMISSION_LABEL[i.permission]}`).join('')}
        </p>
      </section>

      <section className="panel" aria-labelledby="prep-research">
        <h2 id="prep-research">Research</h2>
        <fieldset className="prep-fieldset">
          <legend>Before you meet, have you looked into…</legend>
          {sheet.checklist.map((c) => (
            <CheckboxField
              key={c.id}
              label={c.label}
              hint={c.hint}
              checked={form.checklist[c.id] ?? false}
              error={errors[`checklist.${c.id}`]}
              onChange={(v) => change({ checklist: { ...form.checklist, [c.id]: v } }, true)}
            />
          ))}
        </fieldset>
        <TextField
          label="Research notes"
          multiline
          rows={5}
          className="no-print"
          value={form.researchNotes}
          error={errors.researchNotes}
          hint="What you found, and the questions you now need not ask."
          onChange={(v) => change({ researchNotes: v })}
        />
        <PrintText label="Research notes" text={form.researchNotes} />
      </section>

      <section className="panel" aria-labelledby="prep-objectives">
        <h2 id="prep-objectives">Objectives for this meeting</h2>
        <p className="hint no-print">What you want to come away with: an insight, a name, advice on your next step.</p>
        <ol className="prep-objectives">
          {form.objectives.map((o, i) => (
            <li key={i}>
              <div className="prep-row">
                <TextField
                  label={`Objective ${i + 1}`}
                  value={o}
                  error={errors[`objectives.${i}`]}
                  maxLength={300}
                  onChange={(v) => change({ objectives: form.objectives.map((x, k) => (k === i ? v : x)) })}
                />
                <button
                  type="button"
                  className="button button--quiet button--small no-print"
                  aria-label={`Remove objective ${i + 1}`}
                  onClick={() => {
                    const rest = form.objectives.filter((_x, k) => k !== i);
                    change({ objectives: rest.length ? rest : [''] }, true);
                  }}
                >
                  Remove
                </button>
              </div>
              <span className="print-only">{o}</span>
            </li>
          ))}
        </ol>
        {errors.objectives ? <p className="error">{errors.objectives}</p> : null}
        <button
          type="button"
          className="button button--small no-print"
          onClick={() => setForm((f) => ({ ...f, objectives: [...f.objectives, ''] }))}
        >
          Add an objective
        </button>
      </section>

      <section className="panel" aria-labelledby="prep-agenda">
        <h2 id="prep-agenda">Agenda</h2>
        <p className="hint no-print">
          {form.agenda ? 'Your own agenda.' : `Worked out from the ${m.minutes} minutes you asked for.`} Total: {agendaTotal} minutes.
        </p>
        <table className="prep-agenda">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="num">
                Minutes
              </th>
            </tr>
          </thead>
          <tbody>
            {agendaShown.map((a, i) => (
              <tr key={i}>
                <td>
                  <label className="visually-hidden" htmlFor={`agenda-title-${i}`}>
                    Agenda part {i + 1}
                  </label>
                  <input
                    id={`agenda-title-${i}`}
                    value={a.title}
                    aria-invalid={errors[`agenda.${i}.title`] ? true : undefined}
                    onChange={(e) => change({ agenda: agendaShown.map((x, k) => (k === i ? { ...x, title: e.target.value } : x)) })}
                  />
                  <span className="print-only">{a.title}</span>
                </td>
                <td className="num">
                  <label className="visually-hidden" htmlFor={`agenda-minutes-${i}`}>
                    Minutes for agenda part {i + 1}
                  </label>
                  <input
                    id={`agenda-minutes-${i}`}
                    type="number"
                    min={0}
                    max={180}
                    inputMode="numeric"
                    className="prep-minutes-input"
                    value={a.minutes}
                    aria-invalid={errors[`agenda.${i}.minutes`] ? true : undefined}
                    onChange={(e) => change({ agenda: agendaShown.map((x, k) => (k === i ? { ...x, minutes: e.target.value } : x)) })}
                  />
                  <span className="print-only">{a.minutes}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('agenda'))
          .map(([k, msg]) => (
            <p key={k} className="error">
              Agenda: {msg}
            </p>
          ))}
        {form.agenda ? (
          <button type="button" className="button button--quiet button--small no-print" onClick={() => change({ agenda: null }, true)}>
            Use the default agenda
          </button>
        ) : null}
      </section>

      <section className="panel prep-plan" aria-labelledby="prep-questions">
        <h2 id="prep-questions">Questions</h2>
        <QuestionPlan interviewId={id} />
      </section>

      <section className="panel" aria-labelledby="prep-talking">
        <h2 id="prep-talking">Your talking points</h2>
        {sheet.talkingPoints.map((t) => (
          <div key={t.promptId}>
            <TextField
              label={t.label}
              hint={t.prompt}
              multiline
              rows={3}
              className="no-print"
              value={form.talkingPoints[t.promptId] ?? ''}
              error={errors[`talkingPoints.${t.promptId}`]}
              onChange={(v) => change({ talkingPoints: { ...form.talkingPoints, [t.promptId]: v } })}
            />
            <PrintText label={t.label} text={form.talkingPoints[t.promptId] ?? ''} />
          </div>
        ))}
      </section>

      <section className="panel" aria-labelledby="prep-etiquette">
        <h2 id="prep-etiquette">Etiquette</h2>
        <ul>
          {sheet.etiquette.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="prep-time">
        <h2 id="prep-time">Time spent preparing</h2>
        <TextField
          label="Minutes spent preparing"
          type="number"
          className="prep-time-field"
          value={form.prepMinutes}
          error={errors.prepMinutes}
          hint="Insights compare the time you put in with what you learn."
          onChange={(v) => change({ prepMinutes: v })}
        />
        <p className="print-only">{form.prepMinutes || 0} minutes</p>
      </section>
    </div>
  );
}

/** A field's text as the printed sheet shows it (the form controls are hidden in print). */
function PrintText({ label, text }: { label: string; text: string }) {
  return (
    <div className="print-only">
      <h3 className="h-small">{label}</h3>
      <p className="prep-pre">{text.trim() || '—'}</p>
    </div>
  );
}

function SaveStatus({ state, retry }: { state: SaveState; retry: () => void }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'waiting'
        ? 'Unsaved changes…'
        : state.kind === 'saved'
          ? 'All changes saved.'
          : state.kind === 'error'
            ? `Not saved: ${state.message}`
            : '';
  return (
    <span className="prep-save">
      <span
        role="status"
        className={state.kind === 'error' ? 'error' : 'muted small'}
        aria-busy={state.kind === 'saving' ? true : undefined}
      >
        {text}
      </span>
      {state.kind === 'error' ? (
        <button type="button" className="button button--small" onClick={retry}>
          Try again
        </button>
      ) : null}
    </span>
  );
}
