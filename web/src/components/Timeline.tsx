// A person's history, newest first: every touch and every note.
import type { TimelineItem } from '../api';
import type { Formatters } from '../format';
import { CHANNEL_LABEL, INSIGHT_LABEL, PURPOSE_LABEL, RESPONSE_LABEL } from '../labels';

export function Timeline({ items, f, name }: { items: TimelineItem[]; f: Formatters; name: string }) {
  if (items.length === 0) {
    return <p className="muted">Nothing logged yet. When you write, call or meet {name}, log it here; notes go here too.</p>;
  }
  return (
    <ol className="timeline">
      {items.map((it) => (
        <li key={`${it.type}-${it.id}`} className={`timeline__item timeline__item--${it.type}`}>
          {it.type === 'touch' ? (
            <>
              <p className="timeline__head">
                <span aria-hidden="true" className="timeline__icon">
                  {it.direction === 'out' ? '→' : '←'}
                </span>
                <strong>
                  {it.direction === 'out' ? 'You' : name}: {PURPOSE_LABEL[it.purpose]}
                </strong>{' '}
                <span className="muted">by {CHANNEL_LABEL[it.channel].toLowerCase()}</span>
                {it.response ? <span className="badge badge--neutral">{RESPONSE_LABEL[it.response]}</span> : null}
                {it.planned ? <span className="badge badge--neutral">Planned</span> : null}
              </p>
              <p className="muted small">
                <time dateTime={it.at}>{f.dateTime(it.at)}</time>
              </p>
              {it.text ? <p className="timeline__text">{it.text}</p> : null}
              {it.objection ? <p className="small">Objection heard: {it.objection}</p> : null}
              {it.objectionAnswer ? <p className="small">What you answered that worked: {it.objectionAnswer}</p> : null}
            </>
          ) : (
            <>
              <p className="timeline__head">
                <span aria-hidden="true" className="timeline__icon">
                  ✎
                </span>
                <strong>Note</strong>
                {it.kinds.map((k) => (
                  <span key={k} className="badge badge--insight">
                    {INSIGHT_LABEL[k]}
                  </span>
                ))}
              </p>
              <p className="muted small">
                <time dateTime={it.at}>{f.dateTime(it.at)}</time>
              </p>
              <p className="timeline__text">{it.text}</p>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
