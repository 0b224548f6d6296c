// Referrals: each becomes a contact (or is matched to the same person), an introduction from the
// interviewee with its permission, and a prospect interview in the campaign — on both databases.
import { expect, it } from 'vitest';
import { getContact } from '../src/app/contacts.js';
import { getInterview, listInterviews } from '../src/app/interviews.js';
import { listIntroductions } from '../src/app/introductions.js';
import { listNotes } from '../src/app/notes.js';
import { addReferral, listReferrals } from '../src/app/referrals.js';
import { updateSettings } from '../src/app/settings.js';
import { createServerApp } from '../src/server/app.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

eachDialect('referrals', (t) => {
  it('creates the contact, the introduction with its permission and a prospect interview in the campaign', async () => {
    const from = await buildInterview(t());
    const r = await addReferral(t(), {
      interviewId: from.id,
      name: 'Noor  Haddad',
      email: 'Noor@Clinic.example',
      permission: 'granted',
      note: 'Runs the patient-portal team',
    });
    expect(r.matched).toBe(false);
    expect(r.contact).toMatchObject({
      name: 'Noor Haddad',
      emails: ['noor@clinic.example'],
      source: 'referral',
      tie: 'friend-of-contact',
      introducedBy: from.contactId,
    });
    expect(r.introduction).toMatchObject({
      introducerId: from.contactId,
      contactId: r.contact.id,
      permission: 'granted',
      permissionAt: '2026-03-02T09:00:00.000Z',
      interviewId: from.id,
    });
    expect(r.interview).toMatchObject({ campaignId: from.campaignId, contactId: r.contact.id, status: 'prospect' });
    expect((await listIntroductions(t(), r.contact.id)).map((i) => [i.introducerName, i.permission])).toEqual([
      [from.contactName, 'granted'],
    ]);
    const note = (await listNotes(t(), { contactId: r.contact.id }))[0];
    expect(note).toMatchObject({ kinds: ['contacts'], text: expect.stringContaining('Runs the patient-portal team') });
    expect((await listReferrals(t(), from.id)).map((x) => [x.contact.name, x.introduction.permission, x.interview?.status])).toEqual([
      ['Noor Haddad', 'granted', 'prospect'],
    ]);
  });

  it('defaults the permission to not-asked and refuses bad input with the field named', async () => {
    const from = await buildInterview(t());
    const r = await addReferral(t(), { interviewId: from.id, name: 'Sam Ortiz' });
    expect([r.introduction.permission, r.introduction.permissionAt]).toEqual(['not-asked', null]);
    expect(await codeOf(addReferral(t(), { interviewId: 'missing', name: 'X Y' }))).toBe('not_found');
    expect(await codeOf(addReferral(t(), { interviewId: from.id, name: 'A B', permission: 'maybe' }))).toBe('invalid_input');
    const bad = await addReferral(t(), { interviewId: from.id, name: 'A B', email: 'not-an-address' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_input', details: { fields: [{ field: 'email' }] } });
    // Naming the interviewee is a slip, not a referral.
    const self = await getContact(t(), from.contactId);
    expect(await codeOf(addReferral(t(), { interviewId: from.id, name: self.name, email: self.emails[0] }))).toBe('invalid_input');
  });

  it('matches an existing contact by e-mail or phone, adding what was new, and keeps one interview per campaign', async () => {
    await updateSettings(t(), { country: 'GB' });
    const campaign = await buildCampaign(t());
    const from = await buildInterview(t(), { campaignId: campaign.id });
    const known = await buildContact(t(), { name: 'Priya Raman', emails: ['priya@health.example'] });
    const byMail = await addReferral(t(), {
      interviewId: from.id,
      name: 'Priya Raman',
      email: 'PRIYA@health.example',
      phone: '020 7946 0018',
    });
    expect(byMail.matched).toBe(true);
    expect(byMail.contact.id).toBe(known.id);
    expect(byMail.contact.phones).toEqual(['020 7946 0018']);
    expect(byMail.contact.source).toBe('manual'); // the known contact stays as it was, plus the number

    const other = await buildInterview(t(), { campaignId: campaign.id });
    const byPhone = await addReferral(t(), { interviewId: other.id, name: 'Priya Raman', phone: '+44 20 7946 0018' });
    expect([byPhone.matched, byPhone.contact.id]).toEqual([true, known.id]);
    expect(byPhone.interview?.id).toBe(byMail.interview?.id);
    expect((await listInterviews(t(), { contactId: known.id })).length).toBe(1);
  });

  it('matches by exact name only when one contact has it and nothing contradicts', async () => {
    const from = await buildInterview(t());
    const known = await buildContact(t(), { name: 'José Álvarez', emails: [] });
    const r = await addReferral(t(), { interviewId: from.id, name: 'jose alvarez' });
    expect([r.matched, r.contact.id]).toEqual([true, known.id]);

    // Two people share a name: no guess, a new contact (dedupe can offer the pair later).
    await buildContact(t(), { name: 'Alex Kim', emails: ['alex@one.example'] });
    await buildContact(t(), { name: 'Alex Kim', emails: ['alex@two.example'] });
    expect((await addReferral(t(), { interviewId: from.id, name: 'Alex Kim' })).matched).toBe(false);
    // One person of that name, but another address: not the same person.
    await buildContact(t(), { name: 'Dana Fox', emails: ['dana@old.example'] });
    expect((await addReferral(t(), { interviewId: from.id, name: 'Dana Fox', email: 'dana@elsewhere.example' })).matched).toBe(false);
  });

  it('takes the same referral twice without a conflict, updating the permission', async () => {
    const from = await buildInterview(t());
    const first = await addReferral(t(), { interviewId: from.id, name: 'Lena Vogel', email: 'lena@x.example' });
    const again = await addReferral(t(), { interviewId: from.id, name: 'Lena Vogel', email: 'lena@x.example', permission: 'declined' });
    expect(again.introduction.id).toBe(first.introduction.id);
    expect(again.introduction.permission).toBe('declined');
    expect(again.interview?.id).toBe(first.interview?.id);
    expect(await listReferrals(t(), from.id)).toHaveLength(1);
  });

  it('records a do-not-contact person without adding an interview', async () => {
    const from = await buildInterview(t());
    const dnc = await buildContact(t(), { name: 'Ivo Petrov', emails: ['ivo@x.example'], doNotContact: true });
    const r = await addReferral(t(), { interviewId: from.id, name: 'Ivo Petrov', email: 'ivo@x.example' });
    expect([r.matched, r.contact.id, r.interview]).toEqual([true, dnc.id, null]);
    expect(r.introduction.contactId).toBe(dnc.id);
  });

  it('serves POST and GET /interviews/:id/referrals', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    const from = await buildInterview(t());
    const url = `http://127.0.0.1:5454/api/v1/interviews/${from.id}/referrals`;
    const post = (body: unknown) =>
      app.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ name: 'Mina Ito', phone: '+81 3 1234 5678', permission: 'granted' });
    expect(ok.status).toBe(201);
    const made = (await ok.json()) as { contact: { id: string }; interview: { id: string } };
    expect((await getInterview(t(), made.interview.id)).contactId).toBe(made.contact.id);
    const bad = await post({ name: '' });
    expect(bad.status).toBe(400);
    const list = (await (await app.request(url)).json()) as { items: { contact: { name: string } }[] };
    expect(list.items.map((x) => x.contact.name)).toEqual(['Mina Ito']);
    expect((await app.request('http://127.0.0.1:5454/api/v1/interviews/missing/referrals')).status).toBe(404);
  });
});
