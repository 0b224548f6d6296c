// "How you know them": the chain of introductions from someone the user knows down to this
// contact, each person linked, with whether the user may use each introducer's name. A contact
// the user knows directly gets one short sentence; one nobody introduced gets nothing here.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Contact, Permission } from '../../../src/domain/types';
import { api, keys, type ChainLink } from '../api';
import { PERMISSION_LABEL, TIE_LABEL } from '../labels';

const knownDirectly = (l: ChainLink) => l.tie === 'close' || l.tie === 'acquaintance';

export function IntroChain({ contact }: { contact: Contact }) {
  const chain = useQuery({ queryKey: keys.chain(contact.id), queryFn: () => api.contacts.chain(contact.id) });
  const links = chain.data?.items ?? [];
  // The introduction into each link but the first: it sits in that person's introductions.
  const intros = useQueries({
    queries: links.slice(1).map((l) => ({ queryKey: keys.introductions(l.id), queryFn: () => api.contacts.introductions(l.id) })),
  });
  if (!chain.data || links.length === 0) return null;
  if (links.length === 1) {
    return knownDirectly(links[0]!) ? <p className="small muted intro-chain__direct">You know {contact.name} directly.</p> : null;
  }
  const permissionInto = (i: number): Permission | null => {
    const into = links[i]!;
    const from = links[i - 1]!;
    const found = intros[i - 1]?.data?.items.find((x) => x.introducerId === from.id && x.contactId === into.id);
    return found?.permission ?? null;
  };
  const first = links[0]!;

  return (
    <div className="intro-chain">
      <h2 className="h-small" id="intro-chain-title">
        How you know them
      </h2>
      {!knownDirectly(first) ? <p className="small muted">The chain starts with {first.name}, whom you do not know directly yet.</p> : null}
      <ol className="intro-chain__list" aria-labelledby="intro-chain-title">
        {links.map((l, i) => {
          const permission = i > 0 ? permissionInto(i) : null;
          const last = i === links.length - 1;
          return (
            <li key={l.id} className="intro-chain__link">
              {i === 0 ? (
                <span className="small muted">{knownDirectly(l) ? 'You know ' : 'Starting from '}</span>
              ) : (
                <span className="small muted">{links[i - 1]!.name} introduced </span>
              )}
              {last ? <strong aria-current="page">{l.name}</strong> : <Link to={`/contacts/${l.id}`}>{l.name}</Link>}
              {i === 0 ? <span className="small muted"> ({TIE_LABEL[l.tie]})</span> : null}
              {permission ? (
                <span className={`badge intro-chain__permission intro-chain__permission--${permission}`}>
                  <span className="visually-hidden">Naming {links[i - 1]!.name}: </span>
                  {PERMISSION_LABEL[permission]}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
