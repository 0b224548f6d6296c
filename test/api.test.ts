import { expect, it } from 'vitest';
import { createServerApp } from '../src/server/app.js';
import { eachDialect } from './harness.js';
import { apiOf } from './http.js';

eachDialect('HTTP API', (t) => {
  const app = () => createServerApp({ deps: t(), userId: t().userId });
  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => apiOf(t())(method, path, body, headers);

  it('creates, reads, changes, lists and deletes a contact', async () => {
    const created = await call('POST', '/contacts', { name: 'Maya Okafor', emails: ['maya@example.org'], organisation: 'Northbridge' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call('GET', `/contacts/${id}`)).body).toMatchObject({
      name: 'Maya Okafor',
      emails: ['maya@example.org'],
      organisation: 'Northbridge',
    });
    expect((await call('PATCH', `/contacts/${id}`, { title: 'Lead' })).body.title).toBe('Lead');
    const list = await call('GET', '/contacts?q=may&limit=10');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(list.body.hasMore).toBe(false);
    expect((await call('DELETE', `/contacts/${id}`)).status).toBe(204);
    expect((await call('GET', `/contacts/${id}`)).status).toBe(404);
  });

  it('answers bad input with 400 and per-field messages', async () => {
    const r = await call('POST', '/contacts', { name: '', emails: ['x'] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    expect(r.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['emails.0', 'name']);
    const broken = await call('POST', '/contacts', '{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/not valid JSON/);
    expect((await call('GET', '/contacts?limit=-1')).status).toBe(400);
    expect((await call('GET', '/nowhere')).status).toBe(404);
  });

  it('enforces the life cycle with 409s', async () => {
    const c = (await call('POST', '/campaigns', { field: 'Data journalism', situation: 'new-graduate' })).body;
    const p = (await call('POST', '/contacts', { name: 'Bo Chen' })).body;
    const i = (await call('POST', '/interviews', { campaignId: c.id, contactId: p.id })).body;
    expect(i.allowedMoves).toEqual(['scheduled', 'dropped']);
    expect((await call('POST', '/interviews', { campaignId: c.id, contactId: p.id })).status).toBe(409);
    const bad = await call('POST', `/interviews/${i.id}/move`, { status: 'thanked' });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('invalid_transition');
    expect((await call('POST', `/interviews/${i.id}/move`, { status: 'scheduled' })).status).toBe(200);
    const unanswered = await call('POST', `/interviews/${i.id}/move`, { status: 'held' });
    expect([unanswered.status, unanswered.body.error.code]).toEqual([409, 'referral_question_unanswered']);
    expect((await call('POST', `/interviews/${i.id}/move`, { status: 'held', noReferrals: true })).body.status).toBe('held');
    const touch = await call('POST', '/touches', { contactId: p.id, channel: 'email', purpose: 'thank-you' });
    expect(touch.status).toBe(201);
    expect((await call('GET', `/interviews/${i.id}`)).body.status).toBe('thanked');
    const target = await call('POST', '/targets', { campaignId: c.id, organisation: 'The Daily', motivation: 3 });
    expect(target.status).toBe(201);
    expect((await call('PATCH', `/targets/${target.body.id}`, { posting: 9 })).status).toBe(400);
    expect((await call('GET', `/campaigns/${c.id}/targets`)).body.items.map((x: { organisation: string }) => x.organisation)).toEqual([
      'The Daily',
    ]);
    const suggestions = (await call('GET', `/campaigns/${c.id}/suggestions?limit=5`)).body.items;
    expect(Array.isArray(suggestions)).toBe(true);
  });

  it('serves settings, today, search, overview, demo and the OpenAPI document', async () => {
    expect((await call('PATCH', '/settings', { timezone: 'Nowhere/Land' })).status).toBe(400);
    expect((await call('PATCH', '/settings', { timezone: 'Asia/Tokyo' })).body.timezone).toBe('Asia/Tokyo');
    expect((await call('GET', '/overview')).body).toEqual({ contacts: 0, campaigns: 0, interviews: 0 });
    expect((await call('POST', '/demo')).status).toBe(201);
    expect((await call('POST', '/demo')).status).toBe(409);
    expect((await call('GET', '/overview')).body.contacts).toBe(12);
    const daniel = (await call('GET', '/contacts?q=daniel')).body.items[0];
    expect((await call('GET', `/contacts/${daniel.id}/chain`)).body.items.map((c: { name: string }) => c.name)).toEqual([
      'Maya Okafor',
      'Daniel Ferreira',
    ]);
    expect((await call('GET', '/search?q=northbridge')).body.contacts.length).toBe(3);
    const day = (await call('GET', '/today')).body;
    expect(day).toHaveProperty('actions');
    expect(day.timezone).toBe('Asia/Tokyo');
    const doc = (await call('GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/contacts/{id}');
    expect(doc.paths['/api/v1/contacts'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('emails');
  });

  it('imports an uploaded file, previewing first', async () => {
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nMaya,Okafor,https://www.linkedin.com/in/maya,,Northbridge,Researcher,12 Mar 2024\n';
    const upload = (query: string) =>
      app().request(`http://127.0.0.1:5454/api/v1/import${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    const preview = await upload('?dryRun=true');
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ format: 'linkedin', dryRun: true, created: 1 });
    expect((await call('GET', '/overview')).body.contacts).toBe(0);
    expect(await (await upload('')).json()).toMatchObject({ created: 1 });
    expect(await (await upload('')).json()).toMatchObject({ created: 0, unchanged: 1 });
    const junk = await app().request('http://127.0.0.1:5454/api/v1/import', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 7, 0]),
    });
    expect([junk.status, ((await junk.json()) as { error: { code: string } }).error.code]).toEqual([422, 'import_failed']);
    expect((await upload('?maxBytes=999999999')).status).toBe(400); // the size limit is not the caller's to raise
    const cross = await app().request('http://127.0.0.1:5454/api/v1/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', origin: 'https://evil.example.com' },
      body: csv,
    });
    expect(cross.status).toBe(403);
  });

  it('downloads the network as vCard or CSV', async () => {
    await call('POST', '/contacts', { name: 'Maya Okafor', emails: ['maya@example.org'] });
    const vcf = await app().request('http://127.0.0.1:5454/api/v1/export?format=vcard');
    expect(vcf.headers.get('content-type')).toMatch(/text\/vcard/);
    expect(await vcf.text()).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n[\s\S]*FN:Maya Okafor/);
    const csv = await app().request('http://127.0.0.1:5454/api/v1/export?format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/coffeechat-contacts\.csv/);
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^Maya Okafor,/);
    expect((await call('GET', '/export?format=pdf')).status).toBe(400);
  });

  it('refuses foreign hosts, cross-origin writes, non-JSON bodies and huge bodies', async () => {
    expect((await call('GET', '/health', undefined, { host: 'evil.example.com' })).status).toBe(403);
    expect((await call('GET', '/health', undefined, { host: 'localhost:5454' })).status).toBe(200);
    const cross = await call('POST', '/contacts', { name: 'X' }, { origin: 'https://evil.example.com' });
    expect([cross.status, cross.body.error.code]).toEqual([403, 'forbidden']);
    expect((await call('POST', '/contacts', { name: 'X' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('POST', '/contacts', { name: 'Same Origin' }, { origin: 'http://127.0.0.1:5454' })).status).toBe(201);
    expect((await call('POST', '/contacts', 'name=X', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    const huge = await call('POST', '/notes', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
    expect((await call('GET', '/contacts')).body.items.map((c: { name: string }) => c.name)).toEqual(['Same Origin']);
  });
});
