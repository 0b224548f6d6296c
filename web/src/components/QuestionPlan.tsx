// The question plan of one interview, editable: the questions in order with their minutes against
// the budget (the agreed length less four), move up/down and remove per question, add from the
// bank or in your own words, "Suggest for me", and the linter's findings as the plan stands.
// Edits stay on the page until saved; the referral question always stays last.
import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lintPlan, usedMinutes, type PlanQuestion } from '../../../src/domain/question-plan';
import { CUSTOM_QUESTION_ID, fillField, REFERRAL_QUESTION_ID } from '../../../src/domain/questions/index';
import { autoPlan, getPlan, listQuestions, messageOf, planKey, questionsKey, savePlan, type BankQuestion, type PlanView } from '../api';
import { plural } from '../format';
import { useAnnounce } from './Announcer';
import { LoadError, Loading } from './common';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const MINUTE_CHOICES = [1, 2, 3, 4, 5];
const SOMEONE: Record<PlanView['situation'], string> = {
  'career-change': 'a career changer',
  'new-graduate': 'a new graduate',
  're-entering': 'someone returning to work',
  'next-job': 'someone looking for their next job',
};

interface Item extends PlanQuestion {
  /** Stable across moves, so focus and React state follow the question. */
  key: string;
}

let nextKey = 0;
const withKeys = (qs: PlanQuestion[]): Item[] => qs.map((q) => ({ ...q, key: `q${nextKey++}` }));
const short = (text: string) => (text.length > 60 ? text.slice(0, 57) + '…' : text);

export function QuestionPlan({ interviewId }: { interviewId: string }) {
  const plan = useQuery({ queryKey: planKey(interviewId), queryFn: () => getPlan(interviewId) });
  if (plan.isPending) return <Loading what="Loading the question plan" />;
  if (plan.isError) return <LoadError error={plan.error} retry={() => void plan.refetch()} />;
  // A new answer from the server (saved, suggested) starts the editor afresh from it.
  const version = `${plan.data.saved}:${plan.data.minutes}:${plan.data.questions.map((q) => `${q.id}/${q.minutes}/${q.text}`).join('|')}`;
  return <PlanEditor key={version} plan={plan.data} />;
}

function PlanEditor({ plan }: { plan: PlanView }) {
  const uid = useId();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [items, setItems] = useState<Item[]>(() => withKeys(plan.questions));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const used = usedMinutes(items);
  const over = used - plan.budgetMinutes;
  const findings = useMemo(() => lintPlan(items, plan.minutes), [items, plan.minutes]);

  const change = (next: Item[]) => {
    const referral = next.filter((q) => q.id === REFERRAL_QUESTION_ID);
    setItems([...next.filter((q) => q.id !== REFERRAL_QUESTION_ID), ...referral]);
    setDirty(true);
    setError(null);
  };

  const done = (result: PlanView, message: string) => {
    qc.setQueryData(planKey(plan.interviewId), result);
    announce(message);
  };
  const save = useMutation({
    mutationFn: () =>
      savePlan(
        plan.interviewId,
        items.map(({ id, text, minutes }) => ({ id, text, minutes })),
      ),
    onSuccess: (r) =>
      done(r, `Saved the question plan: ${plural(r.questions.length, 'question')}, ${r.usedMinutes} of ${r.budgetMinutes} minutes.`),
    onError: (e) => setError(messageOf(e)),
  });
  const suggest = useMutation({
    mutationFn: () => autoPlan(plan.interviewId),
    onSuccess: (r) =>
      done(r, `Suggested and saved a new plan: ${plural(r.questions.length, 'question')}, ${r.usedMinutes} of ${r.budgetMinutes} minutes.`),
    onError: (e) => setError(messageOf(e)),
  });
  const busy = save.isPending || suggest.isPending;

  const focusLater = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const item = items[index]!;
    const next = [...items];
    next.splice(index, 1);
    next.splice(to, 0, item);
    change(next);
    announce(`Moved “${short(item.text)}” to position ${to + 1} of ${items.length}.`);
    // Keep the focus on the moved question; at the edge, the other arrow is the one still usable.
    const lastMovable = items.filter((q) => q.id !== REFERRAL_QUESTION_ID).length - 1;
    const edge = (by === -1 && to === 0) || (by === 1 && to === lastMovable);
    focusLater(`${uid}-${item.key}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    const item = items[index]!;
    const next = items.filter((_, i) => i !== index);
    change(next);
    announce(`Removed “${short(item.text)}”.`);
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? `${uid}-${neighbour.key}-remove` : `${uid}-add-title`);
  };
  const add = (q: PlanQuestion) => {
    change([...items, ...withKeys([q])]);
    announce(`Added “${short(q.text)}”. ${q.id === REFERRAL_QUESTION_ID ? '' : 'It sits just before the referral question.'}`);
  };

  const movable = items.filter((q) => q.id !== REFERRAL_QUESTION_ID).length;
  const budgetId = `${uid}-budget`;
  return (
    <div className="qplan">
      <p id={budgetId} className={'qplan__budget' + (over > 0 ? ' qplan__budget--over' : '')}>
        <strong>
          {used} of {plan.budgetMinutes} minutes
        </strong>{' '}
        for questions —{' '}
        {over > 0 ? <strong>{plural(over, 'minute')} over</strong> : over === 0 ? 'exactly on time' : `${plural(-over, 'minute')} to spare`}
        . The meeting is {plan.minutes} minutes; two go to the opening and two to the close.
      </p>
      <meter
        className="qplan__meter"
        min={0}
        max={Math.max(plan.budgetMinutes, used, 1)}
        optimum={0}
        high={plan.budgetMinutes}
        value={used}
        aria-label="Minutes planned against the time for questions"
        aria-describedby={budgetId}
      />
      {!plan.saved && !dirty ? (
        <p className="qplan__note small">
          Suggested for {SOMEONE[plan.situation]} exploring {plan.field}, leaving out what your earlier conversations already answered.
          Nothing is saved until you save it.
        </p>
      ) : null}
      {dirty ? (
        <p className="qplan__note small" role="status">
          Unsaved changes.
        </p>
      ) : null}

      {items.length === 0 ? (
        <p className="muted">No questions yet. Add some below or let coffeechat suggest a plan.</p>
      ) : (
        <ol className="qplan__list" aria-label="Planned questions, in order">
          {items.map((q, i) => {
            const referral = q.id === REFERRAL_QUESTION_ID;
            const mine = findings.filter((f) => f.questionIndex === i && f.rule !== 'over-time');
            const overFrom = findings.some((f) => f.rule === 'over-time' && f.questionIndex === i);
            return (
              <li key={q.key} className={'qplan__item' + (referral ? ' qplan__item--referral' : '')} data-question={q.id}>
                <div className="qplan__main">
                  <span className="qplan__text">{q.text}</span>
                  <span className="qplan__meta small">
                    {plural(q.minutes, 'minute')} · {q.id === CUSTOM_QUESTION_ID ? 'your own words' : q.topic}
                    {referral ? ' · always last' : ''}
                  </span>
                  {overFrom ? <span className="qplan__flag small">From here on the plan runs past the time for questions.</span> : null}
                  {mine.map((f) => (
                    <span key={f.rule} className={`qplan__flag qplan__flag--${f.severity} small`}>
                      {SEVERITY_LABEL[f.severity]}: {f.message}
                    </span>
                  ))}
                </div>
                <div className="qplan__controls">
                  {referral ? null : (
                    <>
                      <button
                        type="button"
                        id={`${uid}-${q.key}-up`}
                        className="button button--small button--quiet"
                        disabled={i === 0 || busy}
                        onClick={() => move(i, -1)}
                      >
                        <span aria-hidden="true">↑</span> Up<span className="visually-hidden">: move “{short(q.text)}” earlier</span>
                      </button>
                      <button
                        type="button"
                        id={`${uid}-${q.key}-down`}
                        className="button button--small button--quiet"
                        disabled={i >= movable - 1 || busy}
                        onClick={() => move(i, 1)}
                      >
                        <span aria-hidden="true">↓</span> Down<span className="visually-hidden">: move “{short(q.text)}” later</span>
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    id={`${uid}-${q.key}-remove`}
                    className="button button--small button--quiet"
                    disabled={busy}
                    onClick={() => remove(i)}
                  >
                    Remove<span className="visually-hidden"> “{short(q.text)}”</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div className="qplan__findings" aria-live="polite">
        {findings.length === 0 ? (
          <p className="small qplan__ok">No findings: the plan fits the time and ends with the referral question.</p>
        ) : (
          <ul className="draft-findings__list" aria-label="Findings about the plan">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${i}`} className={`finding finding--${f.severity}`} data-rule={f.rule}>
                <p className="finding__head">
                  <span className={`finding__sev finding__sev--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
                  <code className="finding__rule">{f.rule}</code>
                  {f.questionIndex !== null ? <span className="small"> (question {f.questionIndex + 1})</span> : null}
                </p>
                <p className="finding__msg">{f.message}</p>
                {f.fix ? <p className="finding__fix small">Try: {f.fix}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>

      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="qplan__actions">
        <button type="button" className="button button--primary" disabled={busy || (plan.saved && !dirty)} onClick={() => save.mutate()}>
          {save.isPending ? 'Saving…' : 'Save plan'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => suggest.mutate()}>
          {suggest.isPending ? 'Suggesting…' : 'Suggest for me'}
        </button>
        {dirty ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => {
              setItems(withKeys(plan.questions));
              setDirty(false);
              setError(null);
              announce('Changes discarded.');
            }}
          >
            Discard changes
          </button>
        ) : null}
      </div>

      <AddQuestion uid={uid} plan={plan} items={items} onAdd={add} />
    </div>
  );
}

function AddQuestion({ uid, plan, items, onAdd }: { uid: string; plan: PlanView; items: Item[]; onAdd: (q: PlanQuestion) => void }) {
  const bank = useQuery({ queryKey: questionsKey(), queryFn: () => listQuestions() });
  const [filter, setFilter] = useState('');
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState(2);
  const [textError, setTextError] = useState<string | null>(null);

  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const taken = new Set(items.map((q) => q.id));
    const shown = (bank.data ?? []).filter(
      (q) =>
        q.kind !== 'prep' &&
        !taken.has(q.id) &&
        (!f || fillField(q.text, plan.field).toLowerCase().includes(f) || q.topic.toLowerCase().includes(f)),
    );
    const suits = (q: BankQuestion) => q.situations.includes(plan.situation);
    const out: { title: string; questions: BankQuestion[] }[] = [
      { title: `Suited to ${SOMEONE[plan.situation]}`, questions: shown.filter((q) => q.kind === 'topic' && suits(q)) },
      { title: 'TIARA: trends, insights, advice, resources, assignments', questions: shown.filter((q) => q.kind === 'tiara') },
    ];
    const own = shown.filter((q) => q.kind === 'own');
    for (const topic of [...new Set(own.map((q) => q.topic))]) {
      out.push({ title: `Your questions: ${topic}`, questions: own.filter((q) => q.topic === topic) });
    }
    out.push({ title: 'Other topics', questions: shown.filter((q) => q.kind === 'topic' && !suits(q)) });
    return out.filter((g) => g.questions.length);
  }, [bank.data, filter, items, plan.field, plan.situation]);

  const addOwn = () => {
    const t = text.trim();
    if (!t) {
      setTextError('Write the question first.');
      return;
    }
    onAdd({ id: CUSTOM_QUESTION_ID, topic: CUSTOM_QUESTION_ID, text: t.replace(/\s+/g, ' '), minutes });
    setText('');
    setTextError(null);
  };

  return (
    <section className="qplan__add" aria-labelledby={`${uid}-add-title`}>
      <h3 id={`${uid}-add-title`} tabIndex={-1}>
        Add a question
      </h3>
      <form
        className="qplan__own"
        onSubmit={(e) => {
          e.preventDefault();
          addOwn();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-own`}>In your own words</label>
          <input
            id={`${uid}-own`}
            value={text}
            maxLength={1000}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${uid}-own-err` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {textError ? (
            <p id={`${uid}-own-err`} className="error small">
              {textError}
            </p>
          ) : null}
        </div>
        <div className="field qplan__own-minutes">
          <label htmlFor={`${uid}-own-minutes`}>Minutes</label>
          <select id={`${uid}-own-minutes`} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {MINUTE_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Add question
        </button>
      </form>

      <div className="field">
        <label htmlFor={`${uid}-filter`}>Filter the question bank</label>
        <input id={`${uid}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {bank.isPending ? <Loading what="Loading the question bank" /> : null}
      {bank.isError ? <LoadError error={bank.error} retry={() => void bank.refetch()} /> : null}
      {bank.isSuccess && groups.length === 0 ? <p className="muted small">No other questions match.</p> : null}
      {groups.map((g) => (
        <div key={g.title} className="qplan__group">
          <h4>{g.title}</h4>
          <ul className="qplan__bank">
            {g.questions.map((q) => {
              const asked = fillField(q.text, plan.field);
              return (
                <li key={q.id}>
                  <span>
                    {asked} <span className="qplan__meta small">({plural(q.minutes, 'minute')})</span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onAdd({ id: q.id, topic: q.topic, text: asked, minutes: q.minutes })}
                  >
                    Add<span className="visually-hidden"> “{short(asked)}”</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
