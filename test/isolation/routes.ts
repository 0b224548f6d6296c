// How the isolation test fills a route's ids: which kind of object each path parameter, body field
// and query filter names, and the bodies that get past validation so that the ownership check is
// what answers. A new route is mapped by these rules without an entry of its own as long as its
// path segment or field name is known here; otherwise the test lists it as unmapped.
import type { RouteDef } from '../../src/server/route.js';

/** Every text A writes carries this word, so an answer that shows A's data is easy to spot. */
export const A_MARK = 'qzxalpha';

export type Kind =
  | 'contact'
  | 'organisation'
  | 'role'
  | 'introduction'
  | 'campaign'
  | 'target'
  | 'interview'
  | 'touch'
  | 'note'
  | 'action'
  | 'outcome'
  | 'template'
  | 'question'
  | 'share'
  | 'comment'
  | 'token'
  | 'user';

/** Each user's ids by kind, in the order the seed made them (index 0 is the "main" one). */
export type Ids = Partial<Record<Kind, string[]>>;

/** `/<segment>/:id` → the kind of `:id`. */
const SEGMENT_KINDS: Record<string, Kind> = {
  contacts: 'contact',
  organisations: 'organisation',
  roles: 'role',
  introductions: 'introduction',
  campaigns: 'campaign',
  targets: 'target',
  interviews: 'interview',
  touches: 'touch',
  notes: 'note',
  actions: 'action',
  outcomes: 'outcome',
  templates: 'template',
  questions: 'question',
  shares: 'share',
  comments: 'comment',
  tokens: 'token',
  users: 'user',
};

/** Parameters and fields named for what they hold; the number picks another object of the kind. */
const FIELD_KINDS: Record<string, [Kind, number]> = {
  otherId: ['contact', 1],
  contactId: ['contact', 0],
  introducerId: ['contact', 1],
  viaContactId: ['contact', 1],
  interviewId: ['interview', 0],
  campaignId: ['campaign', 0],
  templateId: ['template', 0],
  questionId: ['question', 0],
  organisationId: ['organisation', 0],
  userId: ['user', 0],
  shareId: ['share', 0],
};

/**
 * Bodies for routes whose generated body would not pass validation, or that take several ids
 * (`$kind` or `$kind:n` marks an id slot). Several bodies: each is tried.
 */
const BODIES: Record<string, unknown[]> = {
  'POST /actions/:id/snooze': [{ until: '2026-03-20T09:00:00Z' }],
  'POST /contacts/:id/not-duplicate': [{ otherId: '$contact:1' }],
  'POST /contacts/:id/merge': [{ otherId: '$contact:1' }],
  'POST /contacts/:id/roles': [{ organisation: 'Northwind', title: 'Analyst' }],
  'POST /introductions': [
    { introducerId: '$contact:2', contactId: '$contact:1' },
    { introducerId: '$contact:2', contactId: '$contact:0', interviewId: '$interview' },
  ],
  'PATCH /introductions/:id': [{ permission: 'declined' }],
  'POST /campaigns/:id/suggestions/accept': [{ contactId: '$contact:2', viaContactId: '$contact:1' }],
  'POST /targets': [{ campaignId: '$campaign', organisation: 'Northwind' }],
  'POST /interviews': [{ campaignId: '$campaign', contactId: '$contact:2' }],
  'POST /interviews/:id/move': [{ status: 'dropped' }],
  'POST /interviews/:id/schedule': [{ at: '2026-03-20T10:00:00Z', minutes: 30 }],
  'POST /interviews/:id/referrals': [{ name: 'Rosa Lind', email: 'rosa@example.net' }],
  'POST /interviews/:id/keep-in-touch': [{ on: false }],
  'POST /outcomes': [{ interviewId: '$interview', kind: 'new-contact' }],
  'POST /touches': [
    { contactId: '$contact', channel: 'email', purpose: 'follow-up' },
    { contactId: '$contact', interviewId: '$interview', channel: 'email', purpose: 'follow-up' },
    { contactId: '$contact', channel: 'email', purpose: 'request', templateId: '$template' },
  ],
  'POST /notes': [
    { contactId: '$contact', text: 'A note' },
    { interviewId: '$interview', questionId: '$question', text: 'A note' },
  ],
  'PATCH /notes/:id': [{ text: 'Changed' }, { contactId: '$contact' }, { interviewId: '$interview' }, { questionId: '$question' }],
  'PUT /interviews/:id/plan': [{ questions: [{ id: '$question' }] }],
  'POST /drafts': [
    { interviewId: '$interview', purpose: 'request' },
    { interviewId: '$interview', purpose: 'request', templateId: '$template' },
    { interviewId: '$interview', purpose: 'thank-introducer', introducerId: '$contact:1' },
  ],
  'POST /drafts/check': [
    { interviewId: '$interview', purpose: 'request', body: 'Hello there' },
    { interviewId: '$interview', purpose: 'thank-introducer', body: 'Hello there', introducerId: '$contact:1' },
  ],
  'POST /lint': [
    { text: 'Hello there', contactId: '$contact' },
    { text: 'Hello there', interviewId: '$interview' },
  ],
  'POST /send': [
    { interviewId: '$interview', purpose: 'follow-up', subject: 'Hello', body: 'Hello there' },
    { contactId: '$contact', purpose: 'follow-up', subject: 'Hello', body: 'Hello there' },
    { interviewId: '$interview', introducerId: '$contact:1', purpose: 'thank-introducer', subject: 'Hello', body: 'Hello there' },
    { interviewId: '$interview', purpose: 'follow-up', subject: 'Hello', body: 'Hello there', templateId: '$template' },
  ],
  'PATCH /settings': [{ name: 'Someone' }],
  'POST /campaigns/:id/shares': [{ email: 'adviser-e@example.org', access: 'read' }],
  'POST /adviser/campaigns/:id/comments': [{ text: 'Nice work' }],
  // The upload: a contacts file that names A's contact by e-mail (it must become the caller's own contact).
  'POST /import': [`Name,E-mail Address\nMira Import,mira.alpha@example.org\n`],
};

/** Query parameters a route needs to get past validation (the OpenAPI document marks none required). */
const QUERIES: Record<string, Record<string, string>> = {
  'GET /campaigns/:id/answers': { question: 'pay' },
};

type JsonSchema = Record<string, unknown>;

export interface RouteCase {
  method: RouteDef['method'];
  path: string;
  def: RouteDef;
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

export interface Slot {
  in: 'path' | 'body' | 'query';
  field: string;
  kind: Kind;
  index: number;
}

export interface Variant {
  /** The slot holding A's id; null when the route takes no id (only leaks and changes are checked). */
  slot: Slot | null;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface Mapped {
  rc: RouteCase;
  path: string;
  params: Record<string, { kind: Kind; index: number; own: string; foreign: string[] }>;
  bodies: unknown[];
  querySlots: { name: string; kind: Kind; index: number }[];
  defaultQuery: Record<string, string>;
  enumQueries: Record<string, string>[];
  a: Ids;
  own: Ids;
}

/** An id nobody has: stands in when the caller owns nothing of a kind. */
const NOBODY = '00000000-0000-7000-8000-000000000000';

const ownId = (own: Ids, kind: Kind, index: number) => own[kind]?.[index] ?? own[kind]?.[0] ?? NOBODY;

/** Fills a route's slots, or says what cannot be mapped. */
export function mapRoute(rc: RouteCase, a: Ids, own: Ids): Mapped | { unmapped: string } {
  const key = `${rc.method.toUpperCase()} ${rc.path}`;
  const params: Mapped['params'] = {};
  const segments = rc.path.split('/');
  for (const [i, seg] of segments.entries()) {
    if (!seg.startsWith(':')) continue;
    const name = seg.slice(1);
    const kindIndex = name === 'id' ? ([SEGMENT_KINDS[segments[i - 1] ?? ''], 0] as const) : FIELD_KINDS[name];
    const kind = kindIndex?.[0];
    if (!kind) return { unmapped: `path parameter :${name} after /${segments[i - 1]}` };
    const foreign = a[kind] ?? [];
    if (!foreign.length) return { unmapped: `A has no ${kind} to put in :${name}` };
    params[name] = { kind, index: kindIndex[1], own: ownId(own, kind, kindIndex[1]), foreign };
  }
  let bodies: unknown[] = [undefined];
  if (rc.def.upload) bodies = BODIES[key] ?? [''];
  else if (rc.body) {
    const made = BODIES[key] ?? [bodyFrom(rc.body)];
    const unknownField = made.map(unknownIdField).find(Boolean);
    if (unknownField) return { unmapped: `body field ${unknownField} (add it to FIELD_KINDS or a body to BODIES)` };
    bodies = made;
  }
  const querySlots: Mapped['querySlots'] = [];
  const defaultQuery: Record<string, string> = { ...QUERIES[key] };
  const enumQueries: Record<string, string>[] = [];
  for (const q of rc.query) {
    if (FIELD_KINDS[q.name]) querySlots.push({ name: q.name, kind: FIELD_KINDS[q.name]![0], index: FIELD_KINDS[q.name]![1] });
    else if (/id$/i.test(q.name)) return { unmapped: `query parameter ${q.name}` };
    else if (q.name === 'q') defaultQuery.q = 'mira'; // every seed has a Mira: the caller's must come back, never A's
    const values = enumOf(q.schema);
    for (const v of values ?? []) enumQueries.push({ [q.name]: v });
  }
  return { rc, path: rc.path, params, bodies, querySlots, defaultQuery, enumQueries, a, own };
}

/** One call per slot and per A id of its kind, the other slots holding the caller's own ids. */
export function foreignVariants(m: Mapped): Variant[] {
  const out = new Map<string, Variant>();
  const add = (v: Variant) => out.set(JSON.stringify([v.slot, v.path, v.query, v.body]), v);
  const pathWith = (name: string | null, id: string) => m.path.replace(/:(\w+)/g, (_, p: string) => (p === name ? id : m.params[p]!.own));
  const ownPath = pathWith(null, '');
  const fillOwn = (body: unknown) => fill(body, (kind, index) => ownId(m.own, kind, index));
  for (const body of m.bodies) {
    for (const [name, p] of Object.entries(m.params)) {
      for (const id of p.foreign)
        add({
          slot: { in: 'path', field: name, kind: p.kind, index: p.index },
          path: pathWith(name, id),
          query: m.defaultQuery,
          body: fillOwn(body),
        });
    }
    for (const s of slotsOf(body)) {
      for (const id of m.a[s.kind] ?? []) {
        const filled = fill(body, (kind, index, at) => (at === s.field ? id : ownId(m.own, kind, index)));
        add({ slot: { in: 'body', ...s }, path: ownPath, query: m.defaultQuery, body: filled });
      }
    }
  }
  for (const q of m.querySlots) {
    for (const id of m.a[q.kind] ?? []) {
      add({
        slot: { in: 'query', field: q.name, kind: q.kind, index: q.index },
        path: ownPath,
        query: { ...m.defaultQuery, [q.name]: id },
        body: fillOwn(m.bodies[0]),
      });
    }
  }
  if (!out.size) {
    // No id anywhere: a list, a search, an export or a create, called as it is and with each enum value.
    for (const body of m.bodies) add({ slot: null, path: ownPath, query: m.defaultQuery, body: fillOwn(body) });
    for (const q of m.enumQueries) add({ slot: null, path: ownPath, query: { ...m.defaultQuery, ...q }, body: fillOwn(m.bodies[0]) });
  }
  return [...out.values()];
}

/** A body with the required fields of the schema, and every known id field as a slot. */
function bodyFrom(schema: JsonSchema): unknown {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const out: Record<string, unknown> = {};
    for (const [name, s] of Object.entries(props)) {
      const k = FIELD_KINDS[name];
      if (k) out[name] = `$${k[0]}:${k[1]}`;
      else if (/Ids?$/.test(name)) out[name] = `$?${name}`;
      else if (required.has(name)) out[name] = bodyFrom(s);
    }
    return out;
  }
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf) return bodyFrom(anyOf.find((s) => s.type !== 'null') ?? {});
  if ('const' in schema) return schema.const;
  const values = enumOf(schema);
  if (values) return values[0];
  if (schema.type === 'integer' || schema.type === 'number') return (schema.minimum as number | undefined) ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'array') return (schema.minItems as number | undefined) ? [bodyFrom((schema.items as JsonSchema) ?? {})] : [];
  if (schema.type === 'object') return {};
  return 'Something';
}

function enumOf(schema: JsonSchema): string[] | null {
  const values = schema.enum as unknown[] | undefined;
  return values?.every((v) => typeof v === 'string') ? (values as string[]) : null;
}

const SLOT = /^\$(\w+)(?::(\d+))?$/;

/** The id slots of a body template, each with the dotted field it sits in. */
function slotsOf(body: unknown, at = ''): Omit<Slot, 'in'>[] {
  if (typeof body === 'string') {
    const m = SLOT.exec(body);
    return m ? [{ field: at, kind: m[1] as Kind, index: Number(m[2] ?? 0) }] : [];
  }
  if (Array.isArray(body)) return body.flatMap((v, i) => slotsOf(v, at ? `${at}.${i}` : String(i)));
  if (body && typeof body === 'object') return Object.entries(body).flatMap(([k, v]) => slotsOf(v, at ? `${at}.${k}` : k));
  return [];
}

function unknownIdField(body: unknown): string | null {
  const s = JSON.stringify(body ?? null);
  const m = /"\$\?(\w+)"/.exec(s);
  return m ? m[1]! : null;
}

function fill(body: unknown, idFor: (kind: Kind, index: number, at: string) => string, at = ''): unknown {
  if (typeof body === 'string') {
    const m = SLOT.exec(body);
    return m ? idFor(m[1] as Kind, Number(m[2] ?? 0), at) : body;
  }
  if (Array.isArray(body)) return body.map((v, i) => fill(v, idFor, at ? `${at}.${i}` : String(i)));
  if (body && typeof body === 'object')
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fill(v, idFor, at ? `${at}.${k}` : k)]));
  return body;
}
