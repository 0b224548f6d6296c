// Live mode on a phone-sized screen (375×812) in Chromium against the built server: tagged notes
// on two questions (a tap and a key), a referral, a note typed while the server cannot be reached
// that survives a reload and syncs once it can, the countdown's wrap-up nudge, the close, and the
// thank-you on Today — checked through the API and with axe-core at 375 px.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

interface NoteRow {
  id: string;
  questionId: string | null;
  text: string;
  kinds: string[];
}

const post = (body: unknown, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

browserSuite('live mode at 375 px', ({ api, open, visit, axeCheck, problems }) => {
  it(
    'takes tagged notes, captures a referral, keeps an unsent note over a reload, closes and shows the thank-you on Today',
    async () => {
      await api('/api/v1/settings', post({ timezone: 'UTC' }, 'PATCH'));
      const campaign = await api<{ id: string }>('/api/v1/campaigns', post({ field: 'Health UX research', situation: 'career-change' }));
      const person = await api<{ id: string }>('/api/v1/contacts', post({ name: 'Grace Mensah', emails: ['grace@clinic.example'] }));
      const interview = await api<{ id: string }>('/api/v1/interviews', post({ campaignId: campaign.id, contactId: person.id }));
      const id = interview.id;
      await api(`/api/v1/interviews/${id}/schedule`, post({ at: '2026-03-05T09:30:00Z', minutes: 20 }));
      const plan = await api<{ questions: { id: string; text: string }[] }>(`/api/v1/interviews/${id}/plan`);
      expect(plan.questions.length).toBeGreaterThanOrEqual(2);
      const [q1, q2] = plan.questions as [{ id: string; text: string }, { id: string; text: string }];
      const notesOf = async () => (await api<{ items: NoteRow[] }>(`/api/v1/notes?interviewId=${id}`)).items;

      const { ctx, page } = await open({ width: 375 });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.clock.install();
      await visit(page, `/interviews/${id}/live`);
      await page.getByRole('heading', { level: 1, name: 'Grace Mensah' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Question 1 of ${plan.questions.length}` }).waitFor();
      await page.getByText(q1.text, { exact: true }).first().waitFor();
      // Nothing wider than the phone: no sideways scrolling.
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(375);
      expect(await axeCheck(page, 'live @375')).toEqual([]);

      // The countdown nudges to wrap up with five minutes left.
      await page.getByRole('button', { name: 'Start' }).click();
      await page.clock.fastForward('15:01');
      await page.getByText('Five minutes left', { exact: false }).waitFor();

      // Question 1: typed, tagged with a tap.
      const notes = page.getByRole('textbox', { name: 'Your notes' });
      const saved = page.locator('.live-save', { hasText: /^Saved$/ });
      await notes.fill('Clinics hire researchers through agencies first');
      await page.getByRole('button', { name: 'Industry', exact: true }).click();
      expect(await page.getByRole('button', { name: 'Industry', exact: true }).getAttribute('aria-pressed')).toBe('true');
      await saved.waitFor();
      await expect.poll(async () => (await notesOf()).find((n) => n.questionId === q1.id)?.kinds).toEqual(['industry']);

      // Question 2: tagged with one key while typing (Alt+2) and one outside the box (4).
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { level: 2, name: `Question 2 of ${plan.questions.length}` }).waitFor();
      await notes.fill('Lead the résumé with the portfolio');
      await notes.press('Alt+2');
      await page.locator('.live-question__text').click();
      await page.keyboard.press('4');
      await saved.waitFor();
      await expect
        .poll(async () => (await notesOf()).find((n) => n.questionId === q2.id))
        .toMatchObject({ text: 'Lead the résumé with the portfolio', kinds: ['job-market', 'resume'] });

      // A referral, with permission to use Grace's name.
      await page.getByLabel('Name', { exact: true }).fill('Kofi Asante');
      await page.getByLabel('E-mail', { exact: true }).fill('kofi@clinic.example');
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Add referral' }).click();
      await page.locator('.live-referrals li', { hasText: 'Kofi Asante' }).waitFor();
      const refs = await api<{
        items: { contact: { name: string }; introduction: { permission: string }; interview: { status: string } }[];
      }>(`/api/v1/interviews/${id}/referrals`);
      expect(refs.items.map((r) => [r.contact.name, r.introduction.permission, r.interview.status])).toEqual([
        ['Kofi Asante', 'granted', 'prospect'],
      ]);

      // The server becomes unreachable for notes: a typed note stays on the phone, through a reload.
      await page.route('**/api/v1/notes**', (route) => route.abort());
      await page.getByRole('button', { name: 'Previous' }).click();
      const unsent = 'Clinics hire researchers through agencies first. Ask Kofi about the agency list.';
      await notes.fill(unsent);
      await page.locator('.live-save', { hasText: 'Saved on this device, will sync' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 2, name: `Question 1 of ${plan.questions.length}` }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Your notes' }).inputValue()).toBe(unsent);
      await page.locator('.live-save', { hasText: 'Saved on this device, will sync' }).waitFor();
      expect((await notesOf()).find((n) => n.questionId === q1.id)?.text).not.toBe(unsent);
      await page.unroute('**/api/v1/notes**');
      await page.clock.fastForward('00:31'); // the next retry
      await saved.waitFor();
      await expect.poll(async () => (await notesOf()).find((n) => n.questionId === q1.id)?.text).toBe(unsent);
      expect((await notesOf()).filter((n) => n.questionId === q1.id)).toHaveLength(1);

      // Close with a short debrief; the thank-you is then on Today.
      await page.getByLabel('What I learned').fill('Agencies are the usual way in');
      await page.getByRole('button', { name: 'Close the interview' }).click();
      await page.getByRole('heading', { level: 2, name: 'Closed' }).waitFor();
      expect(await axeCheck(page, 'live closed @375')).toEqual([]);
      const held = await api<{ status: string }>(`/api/v1/interviews/${id}`);
      expect(held.status).toBe('held');
      expect(await api<{ learned: string }>(`/api/v1/interviews/${id}/debrief`)).toMatchObject({
        learned: 'Agencies are the usual way in',
      });

      await page.getByRole('link', { name: 'Go to Today' }).click();
      await page.locator('li.action', { hasText: 'Grace Mensah' }).filter({ hasText: 'Send a thank-you' }).first().waitFor();
      const today = await api<{ actions: { kind: string; contactName: string; dueAt: string }[] }>('/api/v1/today');
      expect(today.actions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'send-thank-you', contactName: 'Grace Mensah', dueAt: '2026-03-05T09:50:00.000Z' }),
        ]),
      );
      // The only console errors allowed are the requests this test cut off on purpose.
      expect(problems.filter((p) => !/ERR_FAILED|Failed to load resource/.test(p))).toEqual([]);
      await ctx.close();
    },
    TIMEOUT * 2,
  );
});
