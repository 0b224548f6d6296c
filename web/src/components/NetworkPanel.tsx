// The side panel of the network picture: who the selected person is and how they are connected —
// the chain from you, who introduced them, and whom they introduced.
import { Link } from 'react-router';
import type { GraphEdge, GraphNode } from '../../../src/domain/network-graph';
import { PERMISSION_LABEL, TIE_LABEL } from '../labels';

const HOW = { knows: 'you know them directly', introduction: 'introduced', referral: 'referred in an interview' } as const;

export function NetworkPanel({
  node,
  nodes,
  edges,
  onSelect,
}: {
  node: GraphNode | undefined;
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  onSelect: (id: string) => void;
}) {
  if (!node) {
    return (
      <section className="panel net-panel" aria-labelledby="net-panel-title">
        <h2 id="net-panel-title" className="h-small">
          Nobody selected
        </h2>
        <p className="muted">Select a person in the picture, or in the list below it, to see how you are connected.</p>
      </section>
    );
  }
  const name = (id: string) => nodes.get(id)?.name ?? 'someone';
  const person = (id: string) => (
    <button type="button" className="link-button" onClick={() => onSelect(id)}>
      {name(id)}
    </button>
  );
  const chain: string[] = [];
  for (let at: string | null = node.id; at && chain.length < 50; at = nodes.get(at)?.via ?? null) chain.unshift(at);
  const introducedBy = edges.filter((e) => e.to === node.id && e.kind !== 'knows');
  const introduced = edges.filter((e) => e.from === node.id && e.kind !== 'knows');

  return (
    <section className="panel net-panel" aria-labelledby="net-panel-title" data-panel>
      <h2 id="net-panel-title">{node.name}</h2>
      {node.isYou ? (
        <p>
          This is you. You know {edges.filter((e) => e.kind === 'knows').length} of the people in the picture directly; everyone else is
          reached through an introduction, or not yet.
        </p>
      ) : (
        <dl className="facts">
          <div>
            <dt>Organisation</dt>
            <dd>
              {node.organisation ?? <span className="muted">none recorded</span>}
              {node.isTarget ? ' — a target of this campaign' : ''}
            </dd>
          </div>
          <div>
            <dt>Tie</dt>
            <dd>{node.tie ? TIE_LABEL[node.tie] : ''}</dd>
          </div>
          <div>
            <dt>How you reach them</dt>
            <dd>
              {node.distance === null ? (
                'No chain of introductions from you reaches them yet.'
              ) : (
                <span data-chain>
                  {chain.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ' → ' : ''}
                      {id === node.id || nodes.get(id)?.isYou ? name(id) : person(id)}
                    </span>
                  ))}
                </span>
              )}
              {node.onTargetPath && !node.isTarget ? <p className="small">On a shortest path into a target organisation.</p> : null}
            </dd>
          </div>
        </dl>
      )}
      {introducedBy.length ? (
        <>
          <h3 className="h-small">Introduced by</h3>
          <ul className="net-panel__list">
            {introducedBy.map((e) => (
              <li key={e.from}>
                {person(e.from)}{' '}
                <span className="small muted">
                  ({HOW[e.kind]}; {e.permission ? PERMISSION_LABEL[e.permission].toLowerCase() : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {introduced.length ? (
        <>
          <h3 className="h-small">Led you to</h3>
          <ul className="net-panel__list">
            {introduced.map((e) => (
              <li key={e.to}>
                {person(e.to)} <span className="small muted">({HOW[e.kind]})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.isYou ? null : (
        <p>
          <Link to={`/contacts/${encodeURIComponent(node.id)}`}>Open {node.name}’s contact page</Link>
        </p>
      )}
    </section>
  );
}
