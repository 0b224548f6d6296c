// Outcomes in Chromium against the built server, through the campaign page (the interview page
// will embed the same panel): pick a conversation, record a job interview with the keyboard-only
// form (a missing kind is explained and focused), see it credited to the conversation whose
// referral led there, delete it; axe-core at 1280 and 375 px, and no console errors.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

browserSuite('outcomes in Chromium', ({ api, open, visit, axeCheck, problems }) => {
  it(
    'records an outcome on a conversation, credits the chain that led there, and deletes it',
    async () => {
      const campaign = await api<{ id: string }>('/api/v1/campaigns', json({ field: 'Service design', situation: 'career-change' }));
      const ana = await api<{ id: string }>('/api/v1/contacts', json({ name: 'Ana Ruiz' }));
      const tom = await api<{ id: string }>('/api/v1/contacts', json({ name: 'Tom Lindqvist' }));
      const withAna = await api<{ id: string }>('/api/v1/interviews', json({ campaignId: campaign.id, contactId: ana.id }));
      await api(`/api/v1/interviews/${withAna.id}/move`, json({ status: 'scheduled' }));
      await api(`/api/v1/interviews/${withAna.id}/move`, json({ status: 'held', noReferrals: true }));
      await api('/api/v1/introductions', json({ introducerId: ana.id, contactId: tom.id, interviewId: withAna.id, permission: 'granted' }));
      await api('/api/v1/interviews', json({ campaignId: campaign.id, contactId: tom.id }));

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, `/campaigns/${campaign.id}`);
      const section = page.locator('#outcomes');
      await section.getByText('No outcomes yet').waitFor();
      await page.getByRole('link', { name: 'Outcomes' }).click();

      await section.getByLabel('Record or review the outcomes of a conversation').selectOption({ label: 'Tom Lindqvist' });
      const panel = section.locator('.outcomes');
      await panel.getByRole('heading', { name: 'Outcomes' }).waitFor();
      await panel.getByText('Nothing recorded yet.').waitFor();

      // Submitting without saying what happened: the reason is shown and the field gets focus.
      await panel.getByRole('button', { name: 'Record outcome' }).click();
      await panel.getByText('Choose what happened.').waitFor();
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName,
        ),
      ).toBe('SELECT');

      await panel.getByLabel('What happened').selectOption({ label: 'Job interview' });
      await panel.getByLabel('Note').fill('UX researcher at CareLoop');
      await panel.getByRole('button', { name: 'Record outcome' }).click();
      await panel.getByRole('status').filter({ hasText: 'Also credited to Ana Ruiz.' }).waitFor();

      const listed = section.locator('.outcome-list').first().locator('.outcome');
      await listed.filter({ hasText: 'UX researcher at CareLoop' }).waitFor();
      expect(await listed.first().textContent()).toMatch(/From the conversation with Tom Lindqvist; led there by Ana Ruiz\./);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeCheck(page, `campaign outcomes @1280 ${scheme}`)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // From Ana's side it is credited to her conversation, and only Tom's panel may delete it.
      await section.getByLabel('Record or review the outcomes of a conversation').selectOption({ label: 'Ana Ruiz' });
      await panel.getByText('led there by this conversation').waitFor();
      expect(await panel.getByRole('button', { name: /Delete/ }).count()).toBe(0);

      await section.getByLabel('Record or review the outcomes of a conversation').selectOption({ label: 'Tom Lindqvist' });
      await panel.getByRole('button', { name: 'Delete the outcome “Job interview: UX researcher at CareLoop”' }).click();
      await section.getByText('No outcomes yet').waitFor();
      expect((await api<{ items: unknown[] }>(`/api/v1/outcomes?campaignId=${campaign.id}`)).items).toEqual([]);
      await ctx.close();

      // Phone width.
      const phone = await open({ width: 375 });
      await visit(phone.page, `/campaigns/${campaign.id}`);
      await phone.page
        .locator('#outcomes')
        .getByLabel('Record or review the outcomes of a conversation')
        .selectOption({ label: 'Tom Lindqvist' });
      await phone.page.getByRole('button', { name: 'Record outcome' }).waitFor();
      expect(await axeCheck(phone.page, 'campaign outcomes @375')).toEqual([]);
      await phone.ctx.close();
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});
