// A shared campaign's insights as its adviser sees them: the funnel, activity and note coverage
// charts of the insights page, and the answers by question — as text, with no links into the
// member's own pages (the adviser cannot open those). Loaded lazily, like the insights page.
import type { CampaignInsights } from '../../../src/domain/insights/types';
import { plural } from '../format';
import { ActivityChart, CoverageChart, FunnelChart } from './insights/charts';

export function AdviserInsights({ insights }: { insights: CampaignInsights }) {
  return (
    <>
      <div className="ins-grid">
        <FunnelChart funnel={insights.funnel} />
        <ActivityChart activity={insights.activity} />
      </div>
      <CoverageChart coverage={insights.coverage} />
      <h3>Answers by question</h3>
      {insights.answers.length === 0 ? (
        <p className="muted">No answers noted yet.</p>
      ) : (
        <div className="ins-answers">
          {insights.answers.map((q) => (
            <section key={q.questionId} className="ins-question" aria-labelledby={`aq-${q.questionId}`}>
              <h4 id={`aq-${q.questionId}`} className="ins-question__title">
                {q.question ?? q.topic}
              </h4>
              <p className="small muted">
                {q.total > q.answers.length ? `The latest ${q.answers.length} of ${q.total} answers` : plural(q.total, 'answer')}
              </p>
              <ul className="ins-question__answers">
                {q.answers.map((a, k) => (
                  <li key={`${a.interviewId}-${k}`} className="ins-answer">
                    <p className="ins-answer__who">{a.contactName}</p>
                    <p className="ins-answer__text">{a.text}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
