// The question plan editor in Chromium, on the prep page: the suggestion with the minutes against
// the budget and who-else last, moving a question with the keyboard (focus follows it), removing,
// adding from the bank and in the user's own words, the linter's findings, saving (checked through
// the API), "Suggest for me", axe-core at 1280 and 375 px in light and dark, no console errors.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT, type Page$ } from './harness.js';

interface Plan {
  saved: boolean;
  minutes: number;
  budgetMinutes: number;
  questions: { id: string; text: string; minutes: number }[];
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

browserSuite('question plan in Chromium', ({ api, open, visit, axeCheck, problems }) => {
  it(
    'edits, checks and saves a plan with the keyboard',
    async () => {
      const campaign = await api<{ id: string }>(
        '/api/v1/campaigns',
        json({ field: 'UX research in healthcare', situation: 'career-change' }),
      );
      const contact = await api<{ id: string }>('/api/v1/contacts', json({ name: 'Maya Okafor' }));
      const interview = await api<{ id: string }>('/api/v1/interviews', json({ campaignId: campaign.id, contactId: contact.id }));
      const suggested = await api<Plan>(`/api/v1/interviews/${interview.id}/plan`);
      expect(suggested.saved).toBe(false);

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, `/interviews/${interview.id}/prep`);
      const list = page.getByRole('list', { name: 'Planned questions, in order' });
      await list.waitFor();
      const items = list.locator(':scope > li');
      const order = () => items.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { question: string } }).dataset.question));
      expect(await order()).toEqual(suggested.questions.map((q) => q.id));
      expect(await items.last().textContent()).toMatch(/always last/);
      const used = suggested.questions.reduce((s, q) => s + q.minutes, 0);
      await page.getByText(`${used} of 16 minutes`).waitFor();
      await page.getByText(/Nothing is saved until you save it/).waitFor();

      // Keyboard: move the second question up; the focus stays on the question that moved.
      const second = suggested.questions[1]!;
      await items
        .nth(1)
        .getByRole('button', { name: /earlier$/ })
        .focus();
      await page.keyboard.press('Enter');
      await expect.poll(order).toEqual([second.id, suggested.questions[0]!.id, ...suggested.questions.slice(2).map((q) => q.id)]);
      const focused = await page.evaluate(() =>
        (globalThis as unknown as Page$).document.activeElement?.closest('li')?.getAttribute('data-question'),
      );
      expect(focused).toBe(second.id);
      await page.getByText('Unsaved changes.').waitFor();

      // Remove one, add one from the bank (filtered) and one in the user's own words.
      const removed = suggested.questions[2]!.id;
      await items
        .nth(2)
        .getByRole('button', { name: /Remove/ })
        .click();
      await page.getByLabel('Filter the question bank').fill('salary');
      await page.getByRole('button', { name: /What is a realistic salary range/ }).click();
      await page.getByLabel('In your own words').fill('What surprised you most in your first year?');
      await page.getByRole('button', { name: 'Add question' }).click();
      const edited = await order();
      expect(edited.slice(-3)).toEqual(['pay', 'custom', 'who-else']);
      expect(edited).not.toContain(removed);

      // Removing the referral question is allowed, and the linter says why it matters.
      await items
        .last()
        .getByRole('button', { name: /Remove/ })
        .click();
      await page.locator('[data-rule="missing-referral-question"]').waitFor();
      expect(await axeCheck(page, 'plan with a finding @1280 light')).toEqual([]);
      await page.getByLabel('Filter the question bank').fill('anyone else');
      await page.getByRole('button', { name: /Is there anyone else/ }).click();
      await expect.poll(() => page.locator('[data-rule="missing-referral-question"]').count()).toBe(0);
      expect((await order()).at(-1)).toBe('who-else');

      await page.getByRole('button', { name: 'Save plan' }).click();
      await page
        .getByText(/Saved the question plan/)
        .first()
        .waitFor();
      const saved = await api<Plan>(`/api/v1/interviews/${interview.id}/plan`);
      expect(saved.saved).toBe(true);
      expect(saved.questions.map((q) => q.id)).toEqual(await order());
      expect(saved.questions.find((q) => q.id === 'custom')!.text).toBe('What surprised you most in your first year?');

      // "Suggest for me" replaces and saves.
      await page.getByRole('button', { name: 'Suggest for me' }).click();
      await page
        .getByText(/Suggested and saved a new plan/)
        .first()
        .waitFor();
      const again = await api<Plan>(`/api/v1/interviews/${interview.id}/plan`);
      expect(again.questions.map((q) => q.id)).toEqual(suggested.questions.map((q) => q.id));
      await expect.poll(order).toEqual(suggested.questions.map((q) => q.id));

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeCheck(page, `plan @1280 ${scheme}`)).toEqual([]);
      }
      await ctx.close();

      for (const dark of [false, true]) {
        const phone = await open({ width: 375, dark });
        await visit(phone.page, `/interviews/${interview.id}/prep`);
        await phone.page.getByRole('list', { name: 'Planned questions, in order' }).waitFor();
        const overflow = await phone.page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await axeCheck(phone.page, `plan @375 ${dark ? 'dark' : 'light'}`)).toEqual([]);
        await phone.ctx.close();
      }
      expect(problems).toEqual([]);
    },
    // Three pages and five axe-core runs: twice the usual budget on a busy two-core machine.
    TIMEOUT * 2,
  );
});
