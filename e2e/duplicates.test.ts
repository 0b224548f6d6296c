// Browser flows of the duplicate review and the introduction chain, in Chromium against the built
// server: two records of one person (same e-mail, names spelt differently) are reviewed with their
// signals, merged with a field picked by hand (checked through the API), and the merge undone;
// a contact reached through two introductions shows the chain with each permission. axe-core on
// both pages at phone and laptop widths in light and dark, and no console errors.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT, type Page$ } from './harness.js';

interface ContactRow {
  id: string;
  name: string;
  title: string | null;
}

browserSuite('duplicate review and introduction chain in Chromium', (app) => {
  const { api, open, visit, axeCheck, problems } = app;
  const axeFound: string[] = [];
  const post = <T>(path: string, body: unknown) =>
    api<T>(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  /** Whether a contact exists, asked from Node so that a 404 is no console error in the page. */
  const exists = async (id: string) => (await fetch(`${app.base}/api/v1/contacts/${id}`)).status === 200;
  const focusedText = (page: Parameters<typeof axeCheck>[0]) =>
    page.evaluate(() => (globalThis as unknown as Page$).document.activeElement?.textContent ?? '');

  it(
    'reviews a pair with its signals, merges with a chosen field, checks the result, and undoes the merge',
    async () => {
      const sara = await post<ContactRow>('/contacts', {
        name: 'Sara Lindqvist',
        emails: ['sara.lindqvist@example.org'],
        title: 'Data Analyst',
        organisation: 'Civic Data Lab',
      });
      const sarah = await post<ContactRow>('/contacts', {
        name: 'Sarah Lindqvist',
        emails: ['Sara.Lindqvist@example.org'],
        title: 'Senior Data Analyst',
        location: 'Malmö',
      });

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/contacts');
      await page.getByRole('link', { name: 'Review duplicates' }).click();
      await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor();
      const card = page.locator('.dup').filter({ has: page.getByRole('heading', { name: 'Sara Lindqvist and Sarah Lindqvist' }) });
      await card.getByText('Same e-mail address:').waitFor();
      await expect(card.locator('.dup__signals').textContent()).resolves.toContain('sara.lindqvist@example.org');
      await expect(card.locator('.dup__confidence').textContent()).resolves.toMatch(/same person \d+% confidence/);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        axeFound.push(...(await axeCheck(page, `duplicates @1280 ${scheme}`)));
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // One of the two titles is pre-selected; take the other one, with the keyboard.
      const titles = card.getByRole('group', { name: 'Job title' });
      const analyst = titles.getByRole('radio', { name: /^Data Analyst/ });
      const senior = titles.getByRole('radio', { name: /^Senior Data Analyst/ });
      const preselected = (await analyst.isChecked()) ? 'Data Analyst' : 'Senior Data Analyst';
      expect(await senior.isChecked()).toBe(preselected === 'Data Analyst' ? false : true);
      const wanted = preselected === 'Data Analyst' ? senior : analyst;
      const wantedTitle = preselected === 'Data Analyst' ? 'Senior Data Analyst' : 'Data Analyst';
      await wanted.focus();
      await page.keyboard.press('Space');
      await expect(wanted.isChecked()).resolves.toBe(true);

      await card.getByRole('button', { name: 'Merge into one' }).click();
      const undo = page.getByRole('button', { name: 'Undo merge' });
      await undo.waitFor();
      await page.getByRole('status').filter({ hasText: 'Merged Sarah Lindqvist into' }).waitFor();
      await expect(focusedText(page)).resolves.toBe('Undo merge');

      const kept = await api<ContactRow & { emails: string[]; location: string | null }>(`/api/v1/contacts/${sara.id}`);
      expect(kept.title).toBe(wantedTitle);
      expect(kept.location).toBe('Malmö');
      expect(kept.emails).toContain('sara.lindqvist@example.org');
      expect(await exists(sarah.id)).toBe(false);

      await undo.click();
      await card.waitFor();
      await page.getByRole('status').filter({ hasText: 'Undone' }).waitFor();
      await expect(focusedText(page)).resolves.toBe('Sara Lindqvist and Sarah Lindqvist');
      expect((await api<ContactRow>(`/api/v1/contacts/${sara.id}`)).title).toBe('Data Analyst');
      expect((await api<ContactRow>(`/api/v1/contacts/${sarah.id}`)).title).toBe('Senior Data Analyst');
      await ctx.close();

      const phone = await open({ width: 375 });
      await visit(phone.page, '/contacts/duplicates');
      await phone.page.getByRole('heading', { name: 'Sara Lindqvist and Sarah Lindqvist' }).waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await phone.page.emulateMedia({ colorScheme: scheme });
        axeFound.push(...(await axeCheck(phone.page, `duplicates @375 ${scheme}`)));
      }
      // Nothing on the page may be wider than the phone's screen.
      await expect(
        phone.page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).resolves.toBeLessThanOrEqual(375);

      // "Not the same person": the pair goes, and stays gone after a reload.
      await phone.page.getByRole('button', { name: 'Not the same person' }).click();
      await phone.page.getByRole('heading', { name: 'No likely duplicates' }).waitFor();
      await visit(phone.page, '/contacts/duplicates');
      await phone.page.getByRole('heading', { name: 'No likely duplicates' }).waitFor();
      axeFound.push(...(await axeCheck(phone.page, 'duplicates, none left @375 dark')));
      await phone.ctx.close();
    },
    TIMEOUT,
  );

  it(
    'shows how you know a contact reached through two introductions, with each permission',
    async () => {
      const ines = await post<ContactRow>('/contacts', { name: 'Ines Moreau', tie: 'close' });
      const tomasz = await post<ContactRow>('/contacts', { name: 'Tomasz Wójcik', tie: 'friend-of-contact' });
      const zanele = await post<ContactRow>('/contacts', { name: 'Zanele Mokoena', tie: 'cold' });
      await post('/introductions', { introducerId: ines.id, contactId: tomasz.id, permission: 'granted' });
      await post('/introductions', { introducerId: tomasz.id, contactId: zanele.id, permission: 'not-asked' });

      for (const width of [375, 1280]) {
        const { ctx, page } = await open({ width });
        await visit(page, `/contacts/${zanele.id}`);
        const chain = page.getByRole('list', { name: 'How you know them' });
        await chain.waitFor();
        const items = chain.getByRole('listitem');
        await expect(items.count()).resolves.toBe(3);
        await expect(items.nth(0).textContent()).resolves.toContain('You know Ines Moreau (Close)');
        await items.nth(1).getByText('May use their name').waitFor();
        await items.nth(2).getByText('Not asked yet').waitFor();
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          axeFound.push(...(await axeCheck(page, `contact with a chain @${width} ${scheme}`)));
        }
        if (width === 1280) {
          await chain.getByRole('link', { name: 'Ines Moreau' }).click();
          await page.getByRole('heading', { level: 1, name: 'Ines Moreau' }).waitFor();
          await page.getByText('You know Ines Moreau directly.').waitFor();
          expect(await page.getByRole('list', { name: 'How you know them' }).count()).toBe(0);
        }
        await ctx.close();
      }
    },
    TIMEOUT,
  );

  it('finds no serious accessibility problems and no console errors', () => {
    expect(axeFound).toEqual([]);
    expect(problems).toEqual([]);
  });
});
