// The work history on a contact's page (a new job is added, the old one kept), and the JSON
// backup: downloaded from the Import page and read back by the same page as a no-change import.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

browserSuite('work history and the JSON backup in Chromium', ({ api, open, visit, axeCheck, problems }) => {
  it(
    'adds an earlier job, keeps the current one, and restores nothing new from its own backup',
    async () => {
      const created = await api<{ id: string }>('/api/v1/contacts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'Rosa Mendes',
          organisation: 'Harbour Health',
          title: 'Service Designer',
          emails: ['rosa@example.org'],
        }),
      });
      const { ctx, page } = await open({ width: 375 });
      await visit(page, `/contacts/${created.id}`);
      const history = page.getByRole('region', { name: 'Work history' });
      await history.locator('li.role .item__title').getByText('Service Designer at Harbour Health').waitFor();
      await history.getByRole('button', { name: 'Add a job' }).click();
      const form = page.getByRole('form', { name: 'Add a job for Rosa Mendes' });
      await form.getByLabel('Organisation').fill('Civic Data Lab');
      await form.getByLabel('Job title').fill('Research Assistant');
      await form.getByLabel('From').fill('2019-09');
      await form.getByLabel('To').fill('2021-13');
      await form.getByRole('button', { name: 'Add job' }).click();
      // A month that does not exist is refused beside the field, and focus goes there.
      await form.getByText('is not a date in the calendar').or(form.getByText('must be a year, a month or a date')).first().waitFor();
      await form.getByLabel('To').fill('2021-12');
      await form.getByRole('button', { name: 'Add job' }).click();
      await page.getByText('Added Research Assistant at Civic Data Lab.').waitFor();
      await expect.poll(() => history.locator('li.role').count()).toBe(2);
      await expect(history.locator('li.role').first().textContent()).resolves.toContain('current');
      const roles = (await api<{ items: { organisation: string; current: boolean }[] }>(`/api/v1/contacts/${created.id}/roles`)).items;
      expect(roles.map((r) => [r.organisation, r.current])).toEqual([
        ['Harbour Health', true],
        ['Civic Data Lab', false],
      ]);
      expect(await axeCheck(page, 'contact with work history @375')).toEqual([]);

      // The backup downloads from the Import page, and importing it again would change nothing.
      await visit(page, '/import');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON backup' }).click()]);
      const file = await download.path();
      const backup = JSON.parse(readFileSync(file, 'utf8')) as { coffeechat: string; contacts: { name: string; roles: unknown[] }[] };
      expect(backup.coffeechat).toBe('backup');
      expect(backup.contacts.find((c) => c.name === 'Rosa Mendes')?.roles).toHaveLength(2);
      await page.getByLabel('Contacts file', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('importing it would change nothing').waitFor();
      await ctx.close();
    },
    TIMEOUT,
  );

  it('logged no console errors and no uncaught exceptions', () => {
    // The refused date above is a 400, which Chromium logs as a failed resource load; nothing else.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
