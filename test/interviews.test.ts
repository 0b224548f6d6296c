import { expect, it } from 'vitest';
import { addInterview, getInterview, listInterviews, moveInterview } from '../src/app/interviews.js';
import { addIntroduction } from '../src/app/introductions.js';
import { logTouch } from '../src/app/touches.js';
import { codeOf, eachDialect } from './harness.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';

eachDialect('interviews', (t) => {
  it('adds a person to a campaign once, as a prospect', async () => {
    const campaign = await buildCampaign(t());
    const contact = await buildContact(t());
    const i = await addInterview(t(), { campaignId: campaign.id, contactId: contact.id });
    expect(i).toMatchObject({
      campaignId: campaign.id,
      contactId: contact.id,
      status: 'prospect',
      scheduledAt: null,
      minutes: 20,
      heldAt: null,
    });
    expect(await codeOf(addInterview(t(), { campaignId: campaign.id, contactId: contact.id }))).toBe('conflict');
    expect(await codeOf(addInterview(t(), { campaignId: 'missing', contactId: contact.id }))).toBe('not_found');
    expect(await codeOf(addInterview(t(), { campaignId: campaign.id }))).toBe('invalid_input');
  });

  it('runs the whole happy path: request, reply, schedule, close, thank, update', async () => {
    const i = await buildInterview(t());
    const c = i.contactId;
    await logTouch(t(), { contactId: c, channel: 'email', purpose: 'request' });
    expect((await getInterview(t(), i.id)).status).toBe('requested');
    await logTouch(t(), { contactId: c, channel: 'email', direction: 'in', purpose: 'reply', response: 'positive' });
    expect((await getInterview(t(), i.id)).status).toBe('requested');
    await moveInterview(t(), i.id, { status: 'scheduled' });
    expect(await codeOf(moveInterview(t(), i.id, { status: 'held' }))).toBe('referral_question_unanswered');
    const held = await moveInterview(t(), i.id, { status: 'held', noReferrals: true });
    expect(held).toMatchObject({ status: 'held', noReferrals: true, heldAt: '2026-03-02T09:00:00.000Z' });
    expect(await codeOf(moveInterview(t(), i.id, { status: 'held' }))).toBe('invalid_transition');
    await logTouch(t(), { contactId: c, channel: 'email', purpose: 'thank-you' });
    expect((await getInterview(t(), i.id)).status).toBe('thanked');
    await logTouch(t(), { contactId: c, channel: 'email', purpose: 'update' });
    expect((await getInterview(t(), i.id)).status).toBe('in-touch');
  });

  it('accepts a recorded referral as the answer to the referral question', async () => {
    const i = await buildInterview(t());
    await moveInterview(t(), i.id, { status: 'scheduled' });
    const referred = await buildContact(t());
    await addIntroduction(t(), { introducerId: i.contactId, contactId: referred.id, permission: 'granted', interviewId: i.id });
    expect((await moveInterview(t(), i.id, { status: 'held' })).status).toBe('held');
  });

  it('declines on a negative reply, can be reopened, and refuses moves the life cycle forbids', async () => {
    const i = await buildInterview(t());
    expect(await codeOf(moveInterview(t(), i.id, { status: 'requested' }))).toBe('invalid_transition');
    expect(await codeOf(moveInterview(t(), i.id, { status: 'thanked' }))).toBe('invalid_transition');
    expect(await codeOf(moveInterview(t(), i.id, { status: 'bogus' }))).toBe('invalid_input');
    await logTouch(t(), { contactId: i.contactId, interviewId: i.id, channel: 'linkedin', purpose: 'request' });
    await logTouch(t(), { contactId: i.contactId, channel: 'email', direction: 'in', purpose: 'reply', response: 'out-of-office' });
    expect((await getInterview(t(), i.id)).status).toBe('requested');
    await logTouch(t(), { contactId: i.contactId, channel: 'email', direction: 'in', purpose: 'reply', response: 'negative' });
    const declined = await getInterview(t(), i.id);
    expect(declined.status).toBe('declined');
    expect(declined.allowedMoves).toEqual(['prospect']);
    expect((await moveInterview(t(), i.id, { status: 'prospect' })).status).toBe('prospect');
    expect((await moveInterview(t(), i.id, { status: 'dropped' })).status).toBe('dropped');
  });

  it('leaves an interview alone for planned touches and touches with another interview', async () => {
    const i = await buildInterview(t());
    await logTouch(t(), { contactId: i.contactId, channel: 'email', purpose: 'request', planned: true });
    expect((await getInterview(t(), i.id)).status).toBe('prospect');
    const other = await buildContact(t());
    expect(await codeOf(logTouch(t(), { contactId: other.id, interviewId: i.id, channel: 'email', purpose: 'request' }))).toBe(
      'invalid_input',
    );
    expect(
      await codeOf(logTouch(t(), { contactId: i.contactId, channel: 'email', purpose: 'request', direction: 'out', response: 'positive' })),
    ).toBe('invalid_input');
    expect(await codeOf(logTouch(t(), { contactId: i.contactId, channel: 'pigeon', purpose: 'request' }))).toBe('invalid_input');
  });

  it('lists by campaign and status', async () => {
    const a = await buildCampaign(t());
    const b = await buildCampaign(t(), { field: 'Climate policy', situation: 'new-graduate' });
    const one = await buildInterview(t(), { campaignId: a.id });
    await buildInterview(t(), { campaignId: b.id });
    await moveInterview(t(), one.id, { status: 'dropped' });
    expect((await listInterviews(t(), { campaignId: a.id })).map((i) => i.id)).toEqual([one.id]);
    expect((await listInterviews(t(), { status: 'dropped' })).map((i) => i.id)).toEqual([one.id]);
    expect(await listInterviews(t(), {})).toHaveLength(2);
  });
});
