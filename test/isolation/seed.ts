// A user's data set for the isolation test, made through the API as that user: a bit of every kind
// of object, each text carrying the user's mark. Returns the ids by kind (index 0 first made).
import type { fixedClock } from '../../src/domain/clock.js';
import type { Ids, Kind } from './routes.js';

type Call = (method: string, path: string, body?: unknown, upload?: boolean) => Promise<{ status: number; text: string }>;

interface Seeded {
  id: string;
}

export async function seedUser(call: Call, opts: { mark: string; shareWith: string; clock: ReturnType<typeof fixedClock> }): Promise<Ids> {
  const { mark: m } = opts;
  const ids: Ids = {};
  const keep = (kind: Kind, id: string) => (ids[kind] ??= []).push(id);
  const ok = async <T = Seeded>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await call(method, path, body);
    if (r.status >= 300) throw new Error(`seeding ${m}: ${method} ${path} answered ${r.status} ${r.text}`);
    return (r.text ? JSON.parse(r.text) : null) as T;
  };
  const start = opts.clock.now().toISOString();

  // People: Mira (met), Omar (introduced Mira), Tess (a prospect), and two records of Ines merged.
  const mira = await ok('POST', '/contacts', {
    name: `Mira ${m}`,
    emails: [`mira.${m.replace('qzx', '')}@example.org`],
    phones: ['+44 20 7946 0018'],
    organisation: `${m} Labs`,
    title: `${m} lead`,
    location: `${m} town`,
    tags: [m],
    research: `${m} research`,
  });
  const omar = await ok('POST', '/contacts', { name: `Omar ${m}`, emails: [`omar.${m}@example.org`], tie: 'close' });
  const tess = await ok('POST', '/contacts', { name: `Tess ${m}`, emails: [`tess.${m}@example.org`], organisation: `${m} Labs` });
  const ines = await ok('POST', '/contacts', { name: `Ines ${m}`, emails: [`ines.${m}@example.org`] });
  const ines2 = await ok('POST', '/contacts', { name: `Ines ${m}`, phones: ['+44 20 7946 0099'] });
  await ok('POST', `/contacts/${ines.id}/merge`, { otherId: ines2.id });
  for (const c of [mira, omar, tess, ines]) keep('contact', c.id);
  await ok('POST', `/contacts/${mira.id}/not-duplicate`, { otherId: tess.id });

  const role = await ok('POST', `/contacts/${mira.id}/roles`, { organisation: `${m} Old Co`, title: 'Analyst', from: '2019', to: '2021' });
  keep('role', role.id);
  const org = await ok('POST', '/organisations', { name: `${m} Guild`, kind: 'association', notes: `${m} guild notes` });
  keep('organisation', org.id);
  for (const o of (await ok<{ items: Seeded[] }>('GET', '/organisations')).items) if (o.id !== org.id) keep('organisation', o.id);
  const intro = await ok('POST', '/introductions', { introducerId: omar.id, contactId: mira.id, permission: 'granted' });
  keep('introduction', intro.id);

  // The campaign, a target, a template and a question of one's own.
  const campaign = await ok('POST', '/campaigns', { field: `${m} design research`, situation: 'career-change', objective: `${m} goal` });
  const ended = await ok('POST', '/campaigns', { field: `${m} old search`, situation: 'next-job' });
  await ok('POST', `/campaigns/${ended.id}/end`);
  keep('campaign', campaign.id);
  keep('campaign', ended.id);
  const target = await ok('POST', '/targets', { campaignId: campaign.id, organisation: `${m} Labs`, motivation: 3 });
  keep('target', target.id);
  const template = await ok('POST', '/templates', {
    name: `${m} ask`,
    purpose: 'request',
    channel: 'email',
    subject: `${m} subject`,
    body: `Hello, I am exploring ${m} and would value twenty minutes of your time.`,
  });
  keep('template', template.id);
  const question = await ok('POST', '/questions', { topic: `${m}-topic`, text: `What surprised you most about ${m}?` });
  keep('question', question.id);

  // Mira's interview goes the whole way; Omar's stays a prospect.
  const met = await ok('POST', '/interviews', { campaignId: campaign.id, contactId: mira.id });
  const prospect = await ok('POST', '/interviews', { campaignId: campaign.id, contactId: omar.id });
  keep('interview', met.id);
  keep('interview', prospect.id);
  await ok('POST', '/touches', { contactId: mira.id, interviewId: met.id, channel: 'email', purpose: 'request', text: `${m} hello` });
  await ok('POST', '/touches', {
    contactId: mira.id,
    interviewId: met.id,
    channel: 'email',
    direction: 'in',
    purpose: 'reply',
    response: 'positive',
    text: `${m} yes`,
  });
  await ok('POST', `/interviews/${met.id}/schedule`, { at: '2026-03-03T14:00:00Z', minutes: 30, mode: 'coffee', place: `${m} cafe` });
  await ok('PATCH', `/interviews/${met.id}/prep`, {
    researchNotes: `${m} prep`,
    objectives: [`${m} objective`],
    checklist: { role: true },
  });
  await ok('POST', `/interviews/${met.id}/plan/auto`, {});
  await ok('PUT', `/interviews/${met.id}/plan`, { questions: [{ id: question.id }], minutes: 30 });
  const asked = await ok('POST', '/notes', {
    interviewId: met.id,
    questionId: question.id,
    text: `${m} they said pay is 60k`,
    kinds: ['industry'],
  });
  const aside = await ok('POST', '/notes', { contactId: omar.id, text: `${m} met at a fair` });
  keep('note', asked.id);
  keep('note', aside.id);

  opts.clock.set('2026-03-03T14:40:00.000Z'); // after the meeting
  await ok('POST', `/interviews/${met.id}/referrals`, { name: `Rosa ${m}`, email: `rosa.${m}@example.org`, permission: 'granted' });
  await ok('POST', `/interviews/${met.id}/close`, { debrief: { learned: `${m} learned`, fit: `${m} fit`, open: `${m} open` } });
  await ok('POST', '/touches', { contactId: mira.id, interviewId: met.id, channel: 'email', purpose: 'thank-you', text: `${m} thanks` });
  await ok('POST', `/interviews/${met.id}/keep-in-touch`, { on: true });
  const outcome = await ok('POST', '/outcomes', { interviewId: met.id, kind: 'job-interview', note: `${m} outcome` });
  keep('outcome', outcome.id);
  opts.clock.set(start);

  for (const t of (await ok<{ items: Seeded[] }>('GET', '/touches')).items) keep('touch', t.id);
  for (const a of (await ok<{ items: Seeded[] }>('GET', '/actions')).items) keep('action', a.id);
  await ok('POST', '/calendar/feed/rotate');
  await ok('PATCH', '/settings', { name: `${m} me`, country: 'GB' });

  const share = await ok('POST', `/campaigns/${campaign.id}/shares`, { email: opts.shareWith, access: 'comment' });
  keep('share', share.id);
  // An API token: only its hash and prefix are stored, and another user must not list or revoke it.
  const token = await ok('POST', '/account/tokens', { name: `${m} script`, scope: 'write' });
  keep('token', token.id);
  return ids;
}
