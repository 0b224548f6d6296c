// The network picture: who led to whom, from you, with the paths into a campaign's target
// organisations highlighted; a side panel for the selected person and the same facts as a list.
import { useMemo, useRef, useState, type RefObject } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { GraphEdge, GraphNode } from '../../../src/domain/network-graph';
import { api, keys, type NetworkGraph as Graph } from '../api';
import { EmptyState, LoadError, Loading } from '../components/common';
import { NetworkGraph, type NetworkGraphHandle } from '../components/NetworkGraph';
import { NetworkPanel } from '../components/NetworkPanel';
import { usePageTitle } from '../hooks';
import { PERMISSION_LABEL } from '../labels';

const HOW = { knows: 'You know them', introduction: 'Introduced', referral: 'Referred in an interview' } as const;

export function NetworkPage() {
  usePageTitle('Network');
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign') ?? '';
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: () => api.campaigns.list() });
  const graph = useQuery({
    queryKey: keys.networkGraph(campaignId),
    queryFn: () => api.network.graph(campaignId || undefined),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const drawing = useRef<NetworkGraphHandle>(null);

  const data = graph.data;
  const byId = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const select = (id: string, center = false) => {
    setSelected(id);
    if (center) drawing.current?.centerOn(id);
  };
  const pickCampaign = (id: string) => {
    setParams(id ? { campaign: id } : {}, { replace: true });
  };

  const campaignList = campaigns.data?.items ?? [];
  return (
    <div className="page net-page">
      <h1>Network</h1>
      <p className="lede">Who led to whom: the people you know, the people they introduced you to, and the people those led to.</p>
      <p className="small muted" data-rule>
        In the picture: you, everyone in an introduction or referral you have recorded, and — when you pick a campaign — up to{' '}
        {data?.perTarget ?? 40} people inside each of its target organisations, the warmest first. Your other contacts are left out so that
        the picture stays readable.
      </p>

      {campaignList.length ? (
        <div className="field net-picker">
          <label htmlFor="net-campaign">Highlight the ways into the targets of</label>
          <select id="net-campaign" value={campaignId} onChange={(e) => pickCampaign(e.target.value)}>
            <option value="">No campaign</option>
            {campaignList.map((c) => (
              <option key={c.id} value={c.id}>
                {c.field}
                {c.status === 'ended' ? ' (ended)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {graph.isPending ? <Loading what="Drawing your network" /> : null}
      {graph.error ? <LoadError error={graph.error} retry={() => void graph.refetch()} /> : null}
      {data && !graph.error ? (
        data.nodes.length <= 1 ? (
          <Empty campaignChosen={!!data.campaign} canPick={campaignList.length > 0} />
        ) : (
          <Picture graph={data} byId={byId} selected={selected} onSelect={select} drawing={drawing} />
        )
      ) : null}
    </div>
  );
}

function Empty({ campaignChosen, canPick }: { campaignChosen: boolean; canPick: boolean }) {
  return (
    <EmptyState title="No introductions yet">
      <p>
        The picture grows from introductions. Open a person in <Link to="/contacts">Contacts</Link>: under <strong>Introduced by</strong>,
        say who introduced you to them; under <strong>People they suggested</strong>, record whom they referred you to in your conversation.
      </p>
      <p>
        From the command line: <code>coffeechat intro add --introducer ID --contact ID</code>. Outlook’s “Referred By” column and vCard
        RELATED entries become introductions when you <Link to="/import">import</Link> them.
      </p>
      {campaignChosen ? (
        <p>This campaign’s target organisations have nobody in your contacts yet either.</p>
      ) : canPick ? (
        <p>Pick a campaign above to see the people you have inside its target organisations.</p>
      ) : null}
    </EmptyState>
  );
}

function Picture({
  graph,
  byId,
  selected,
  onSelect,
  drawing,
}: {
  graph: Graph;
  byId: Map<string, GraphNode>;
  selected: string | null;
  onSelect: (id: string, center?: boolean) => void;
  drawing: RefObject<NetworkGraphHandle | null>;
}) {
  const people = graph.nodes.length - 1;
  const onPath = graph.nodes.filter((n) => n.onTargetPath && !n.isYou).length;
  const describe =
    `${people} ${people === 1 ? 'person' : 'people'} and ${graph.edges.length} connections, starting from you.` +
    (graph.campaign
      ? ` The shortest ways into the targets of “${graph.campaign.field}” are drawn thick and highlighted, through ${onPath} ${onPath === 1 ? 'person' : 'people'}.`
      : '');
  const alone = graph.nodes.filter((n) => n.degree === 0);
  return (
    <>
      {graph.campaign ? <TargetSummary graph={graph} /> : null}
      {graph.truncated ? (
        <p className="notice">You have more introductions than one picture can show: the oldest are drawn, the newest left out.</p>
      ) : null}
      <div className="net-layout">
        <div>
          <NetworkGraph
            ref={drawing}
            nodes={graph.nodes}
            edges={graph.edges}
            selected={selected && byId.has(selected) ? selected : null}
            highlighting={!!graph.campaign}
            onSelect={(id) => onSelect(id)}
            describe={describe}
          />
          <Legend highlighting={!!graph.campaign} />
        </div>
        <NetworkPanel
          node={selected ? byId.get(selected) : undefined}
          nodes={byId}
          edges={graph.edges}
          onSelect={(id) => onSelect(id, true)}
        />
      </div>
      <details className="net-list">
        <summary>Who led to whom, as a list ({graph.edges.length})</summary>
        <EdgeTable edges={graph.edges} byId={byId} onSelect={(id) => onSelect(id, true)} />
        {alone.length ? (
          <>
            <h2 className="h-small">In the picture with no connection yet</h2>
            <ul className="net-alone">
              {alone.map((n) => (
                <li key={n.id}>
                  <button type="button" className="link-button" onClick={() => onSelect(n.id, true)}>
                    {n.name}
                  </button>
                  {n.organisation ? <span className="small muted"> ({n.organisation})</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
    </>
  );
}

function TargetSummary({ graph }: { graph: Graph }) {
  if (!graph.targets.length) {
    return (
      <p className="notice">
        This campaign has no target organisations yet. Add some on the{' '}
        <Link to={`/campaigns/${encodeURIComponent(graph.campaign!.id)}`}>campaign page</Link> to see the ways into them.
      </p>
    );
  }
  return (
    <ul className="net-targets" aria-label="Target organisations">
      {graph.targets.map((t) => (
        <li key={t.organisationId}>
          <strong>{t.organisation}</strong>:{' '}
          {t.reached
            ? 'a way in is highlighted'
            : t.contactsInside
              ? 'no chain of introductions reaches anyone there yet'
              : 'nobody there in your contacts'}
          {t.contactsInside > t.shown ? (
            <span className="small muted">
              {' '}
              ({t.shown} of {t.contactsInside} people shown)
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function EdgeTable({ edges, byId, onSelect }: { edges: GraphEdge[]; byId: Map<string, GraphNode>; onSelect: (id: string) => void }) {
  const who = (id: string) => {
    const n = byId.get(id);
    if (!n || n.isYou) return 'You';
    return (
      <button type="button" className="link-button" onClick={() => onSelect(id)}>
        {n.name}
      </button>
    );
  };
  return (
    <div className="table-wrap" role="region" aria-label="Who led to whom" tabIndex={0}>
      <table className="table net-table">
        <caption className="visually-hidden">Who led to whom</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">How</th>
            <th scope="col">Their name</th>
            <th scope="col">Way into a target</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={`${e.from}>${e.to}`} data-on-path={e.onTargetPath ? 'true' : undefined}>
              <td>{who(e.from)}</td>
              <td>{who(e.to)}</td>
              <td>{HOW[e.kind]}</td>
              <td>{e.permission ? PERMISSION_LABEL[e.permission] : '—'}</td>
              <td>{e.onTargetPath ? 'Yes' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ highlighting }: { highlighting: boolean }) {
  const line = (cls: string) => (
    <svg width="36" height="12" aria-hidden="true" className="net-swatch">
      <line x1="2" y1="6" x2="34" y2="6" className={`net-edge ${cls}`} />
    </svg>
  );
  const shape = (kind: 'person' | 'target' | 'path' | 'you') => (
    <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true" className="net-swatch">
      <g
        className={`net-node${kind === 'you' ? ' net-node--you' : ''}${kind === 'target' ? ' is-target' : ''}${kind === 'path' ? ' is-path' : ''}`}
      >
        {kind === 'target' ? (
          <rect x={-5.5} y={-5.5} width={11} height={11} transform="rotate(45)" className="net-node__shape" />
        ) : (
          <circle r={kind === 'you' ? 8 : 6.5} className="net-node__shape" />
        )}
        {kind === 'path' ? <circle r={3} className="net-node__dot" /> : null}
      </g>
    </svg>
  );
  return (
    <ul className="net-legend" aria-label="Legend">
      <li>{shape('you')} You</li>
      <li>{shape('person')} A person</li>
      <li>{shape('target')} At a target organisation</li>
      {highlighting ? <li>{shape('path')} On a way into a target</li> : null}
      <li>{line('net-edge--knows')} You know them</li>
      <li>{line('net-edge--introduction')} Introduced (arrow points to the person introduced)</li>
      <li>{line('net-edge--referral')} Referred in an interview</li>
      {highlighting ? <li>{line('net-edge--introduction is-path')} Way into a target (thick)</li> : null}
    </ul>
  );
}
