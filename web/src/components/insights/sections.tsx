// The parts of a campaign's insights that are words rather than pictures: answers by question, pay,
// strengths / opportunities / threats, the referral tree, time invested and outcomes.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type {
  CampaignInsights,
  OutcomeCredit,
  PayFigure,
  QuestionAnswers,
  ReferralNode,
  TermCount,
} from '../../../../src/domain/insights/types';
import type { InterviewStatus } from '../../../../src/domain/types';
import { insights, insightsKey } from '../../api';
import { useFormatters } from '../../format';
import { INTERVIEW_STATUS_LABEL } from '../../labels';
import { OUTCOME_LABEL } from '../OutcomesPanel';
import { LoadError, Loading } from '../common';

export function Answers({ campaignId, answers }: { campaignId: string; answers: CampaignInsights['answers'] }) {
  if (!answers.length) {
    return (
      <p className="muted">
        No answers yet. In live mode, write what people say under the question you asked; their answers are gathered here side by side.
      </p>
    );
  }
  return (
    <div className="ins-answers">
      {answers.map((q) => (
        <QuestionAnswersView key={q.questionId} campaignId={campaignId} question={q} />
      ))}
    </div>
  );
}

/**
 * One question with the answers the insights listed (the latest 20 by default) and, when there are
 * more, a button that loads every answer to this question alone.
 */
function QuestionAnswersView({ campaignId, question: q }: { campaignId: string; question: QuestionAnswers }) {
  const [all, setAll] = useState(false);
  const more = q.total > q.answers.length;
  const full = useQuery({
    queryKey: [...insightsKey(campaignId), 'answers', q.questionId],
    queryFn: () => insights.answers(campaignId, q.questionId),
    enabled: all && more,
  });
  const listed = all && full.data ? full.data.answers : q.answers;
  const total = all && full.data ? full.data.total : q.total;
  const listId = `q-${q.questionId}-answers`;
  return (
    <section className="ins-question" aria-labelledby={`q-${q.questionId}`}>
      <h3 id={`q-${q.questionId}`} className="ins-question__title">
        {q.question ?? q.topic}
      </h3>
      <p className="small muted">
        {total} {total === 1 ? 'answer' : 'answers'}
        {listed.length < total ? ` — the latest ${listed.length} listed` : ''}
      </p>
      <ul id={listId} className="ins-question__answers">
        {listed.map((a, k) => (
          <li key={`${a.interviewId}-${k}`} className="ins-answer">
            <p className="ins-answer__who">
              <Link to={`/interviews/${a.interviewId}`}>{a.contactName}</Link>
            </p>
            <p className="ins-answer__text">{a.text}</p>
          </li>
        ))}
      </ul>
      {all && full.isPending && more ? <Loading what="Loading every answer" /> : null}
      {all && full.error ? <LoadError error={full.error} retry={() => void full.refetch()} /> : null}
      {more ? (
        <button type="button" className="button button--quiet button--small" aria-controls={listId} onClick={() => setAll((v) => !v)}>
          {all ? `Show the latest ${q.answers.length} only` : `Show all ${q.total} answers`}
        </button>
      ) : null}
    </section>
  );
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // Not an ISO code the browser knows: the number and the code as written.
    return `${Math.round(amount).toLocaleString()} ${currency}`;
  }
}

function FigureList({ figures }: { figures: PayFigure[] }) {
  return (
    <ul className="ins-pay__figures">
      {figures.map((f, k) => (
        <li key={`${f.interviewId}-${k}`}>
          {money(f.yearly, f.currency)} a year — “{f.text}”, <Link to={`/interviews/${f.interviewId}`}>{f.contactName}</Link>
        </li>
      ))}
    </ul>
  );
}

export function Pay({ pay }: { pay: CampaignInsights['pay'] }) {
  if (!pay) {
    return (
      <p className="muted">
        No pay figure in the notes yet. When someone tells you what the work pays, note it under the pay question (“$85-95k”, “€4.000 per
        month”) and it is counted here.
      </p>
    );
  }
  return (
    <>
      <dl className="ins-stats">
        <div>
          <dt>Figures</dt>
          <dd>{pay.count}</dd>
        </div>
        <div>
          <dt>Lowest</dt>
          <dd>{money(pay.min, pay.currency)}</dd>
        </div>
        <div>
          <dt>Median</dt>
          <dd>{money(pay.median, pay.currency)}</dd>
        </div>
        <div>
          <dt>Highest</dt>
          <dd>{money(pay.max, pay.currency)}</dd>
        </div>
      </dl>
      <p className="small muted">
        Yearly amounts in {pay.currency}: a monthly figure counts twelve times, an hourly one 2,080 times, a range as its midpoint.
      </p>
      {pay.figures.length ? (
        <details className="ins-details">
          <summary>The {pay.figures.length} figures as written</summary>
          <FigureList figures={pay.figures} />
        </details>
      ) : null}
      {pay.other.length ? (
        <>
          <h3 className="h-small">In other currencies (not converted, not in the figures above)</h3>
          <FigureList figures={pay.other} />
        </>
      ) : null}
    </>
  );
}

function TermList({ title, terms }: { title: string; terms: TermCount[] }) {
  return (
    <div className="ins-terms__col">
      <h3 className="h-small">{title}</h3>
      {terms.length ? (
        <ol className="ins-terms__list">
          {terms.map((t) => (
            <li key={t.term}>
              <span className="ins-terms__term">{t.term}</span>{' '}
              <span className="small muted">
                {t.count} {t.count === 1 ? 'note' : 'notes'}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="small muted">Nothing noted on this question yet.</p>
      )}
    </div>
  );
}

export function Terms({ insights }: { insights: CampaignInsights }) {
  return (
    <>
      <p className="small muted">
        Simple term counting: the words and short phrases that come up most often in your notes on the strengths, opportunities and threats
        questions, each note counted once. It shows what people repeat, not what they meant.
      </p>
      <div className="ins-terms">
        <TermList title="Strengths" terms={insights.strengths} />
        <TermList title="Opportunities" terms={insights.opportunities} />
        <TermList title="Threats" terms={insights.threats} />
      </div>
    </>
  );
}

function TreeNode({ node, level }: { node: ReferralNode; level: number }) {
  const status = node.status as InterviewStatus | null;
  return (
    <li className={node.ledToOutcome ? 'ins-tree__node ins-tree__node--outcome' : 'ins-tree__node'}>
      <span className="ins-tree__person">
        {node.interviewId ? <Link to={`/interviews/${node.interviewId}`}>{node.name}</Link> : node.name}
        <span className="small muted">
          {' · '}
          {level === 0 ? 'first contact' : `referral, level ${level}`}
          {status && status in INTERVIEW_STATUS_LABEL ? ` · ${INTERVIEW_STATUS_LABEL[status]}` : ''}
        </span>
        {node.outcomes ? (
          <span className="ins-flag">
            {node.outcomes} {node.outcomes === 1 ? 'outcome' : 'outcomes'}
          </span>
        ) : node.ledToOutcome ? (
          <span className="ins-flag ins-flag--quiet">led to an outcome</span>
        ) : null}
      </span>
      {node.children.length ? (
        <ul>
          {node.children.map((c) => (
            <TreeNode key={c.contactId} node={c} level={level + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ReferralTreeView({ tree }: { tree: CampaignInsights['referralTree'] }) {
  if (!tree.roots.length) {
    return <p className="muted">No one in this campaign yet, so no referrals to follow.</p>;
  }
  const led = tree.roots.filter((r) => r.ledToOutcome).length;
  return (
    <>
      <p>
        {tree.nodes} {tree.nodes === 1 ? 'person' : 'people'}, referrals up to {tree.depth} {tree.depth === 1 ? 'level' : 'levels'} deep
        {tree.depth === 0 ? ' (no one has been referred yet)' : ''}. {led} of {tree.roots.length}{' '}
        {tree.roots.length === 1 ? 'first contact' : 'first contacts'} led to an outcome.
      </p>
      <ul className="ins-tree" aria-label="Referral tree: each person with the people they referred you to">
        {tree.roots.map((r) => (
          <TreeNode key={r.contactId} node={r} level={0} />
        ))}
      </ul>
    </>
  );
}

/** "3 h 20 min" */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function TimeInvested({ insights }: { insights: CampaignInsights }) {
  return (
    <dl className="ins-stats">
      <div>
        <dt>In all</dt>
        <dd>{duration(insights.minutesInvested)}</dd>
      </div>
      <div>
        <dt>In conversations held</dt>
        <dd>{duration(insights.meetingMinutes)}</dd>
      </div>
      <div>
        <dt>Preparing</dt>
        <dd>{duration(insights.prepMinutes)}</dd>
      </div>
    </dl>
  );
}

function Credits({ credits }: { credits: OutcomeCredit['credits'] }) {
  const [direct, ...up] = credits;
  if (!direct) return <p className="small muted">The conversation it came from has been deleted.</p>;
  return (
    <p className="small">
      From the conversation with <Link to={`/interviews/${direct.interviewId}`}>{direct.contactName}</Link>
      {up.length ? (
        <>
          {'; led there by '}
          {up.map((c, k) => (
            <span key={c.interviewId}>
              {k > 0 ? ', ' : ''}
              <Link to={`/interviews/${c.interviewId}`}>{c.contactName}</Link> ({c.depth} {c.depth === 1 ? 'step' : 'steps'} up)
            </span>
          ))}
        </>
      ) : null}
      .
    </p>
  );
}

export function Outcomes({ outcomes }: { outcomes: OutcomeCredit[] }) {
  const f = useFormatters();
  if (!outcomes.length) {
    return (
      <p className="muted">
        No outcomes yet. When a conversation leads to a job interview, an offer or a new contact, record it on the conversation’s page and
        it is credited here, with the chain of introductions that led there.
      </p>
    );
  }
  return (
    <ul className="ins-outcomes">
      {outcomes.map((o) => (
        <li key={o.outcomeId}>
          <p className="ins-outcomes__what">
            <strong>{OUTCOME_LABEL[o.kind]}</strong>
            {o.note ? `: ${o.note}` : ''} <span className="small muted">· {f.date(o.at)}</span>
          </p>
          <Credits credits={o.credits} />
        </li>
      ))}
    </ul>
  );
}
