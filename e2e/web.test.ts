// Browser flows against the real thing: the built server (`coffeechat serve`) on a temporary
// SQLite file, driven in Debian's Chromium through playwright-core. They cover adding a contact
// through the form (checked with the CLI on the same database), loading the sample data and moving
// a card on the board with the keyboard (checked through the API), importing a LinkedIn export
// (preview, then import), ranking target organisations and adding a suggested person to a
// campaign, axe-core on every page at phone and laptop widths in light and dark, and no console
// errors along the way.
import { browserSuite, TIMEOUT, type Page$ } from './harness.js';
import { expect, it } from 'vitest';

interface InterviewRow {
  id: string;
  contactId: string;
  contactName: string;
  status: string;
  campaignId: string;
}

/** A LinkedIn Connections.csv as LinkedIn writes it: a notes preamble, then the header. Line 7 has no one in it. */
const CONNECTIONS_CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Zanele,Mokoena,https://www.linkedin.com/in/zanele-mokoena,zanele@example.org,Harbour Health Design,Service Designer,14 Feb 2025',
  'Tomasz,Wójcik,https://www.linkedin.com/in/tomasz-wojcik,,Civic Data Lab,Research Lead,02 Mar 2024',
  ',,,,,,03 Mar 2024',
  '',
].join('\r\n');

browserSuite('web app in Chromium', ({ api, cli, open, visit, axeCheck, problems }) => {
  const axeFound: string[] = [];
  let campaignId = '';
  let contactId = '';

  it(
    'starts empty, loads the sample data, and moves a card on the board with the keyboard',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      await expect(page.title()).resolves.toBe('Today · coffeechat');
      await page.getByRole('heading', { name: 'Start here' }).waitFor();
      // The empty states get their accessibility check here, while the database is still empty.
      for (const path of ['/contacts', '/campaigns', '/interviews', '/insights', '/']) {
        await visit(page, path);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          axeFound.push(...(await axeCheck(page, `empty ${path} @1280 ${scheme}`)));
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('button', { name: 'Load sample data' }).click();
      await page.getByRole('heading', { name: 'Due today' }).waitFor();
      const overview = await api<{ contacts: number; campaigns: number }>('/api/v1/overview');
      expect(overview.contacts).toBeGreaterThan(0);

      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Campaigns' }).click();
      await page.getByRole('link', { name: 'UX research in healthcare' }).click();
      await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
      campaignId = new URL(page.url()).pathname.split('/').pop() ?? '';

      const before = (await api<{ items: InterviewRow[] }>(`/api/v1/interviews?campaignId=${campaignId}`)).items;
      const elena = before.find((i) => i.contactName === 'Elena Rossi');
      expect(elena?.status).toBe('prospect');
      await page.locator('section[data-status="prospect"]').getByRole('link', { name: 'Elena Rossi' }).waitFor();

      // Keyboard only: focus the card's "Move to" select, pick the first allowed move, tab to Move, press Enter.
      const select = page.getByLabel('Move Elena Rossi to');
      await select.focus();
      await page.keyboard.press('ArrowDown');
      await expect(select.inputValue()).resolves.toBe('scheduled');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => (globalThis as unknown as Page$).document.activeElement?.textContent)).resolves.toContain('Move');
      await page.keyboard.press('Enter');

      await page.locator('section[data-status="scheduled"]').getByRole('link', { name: 'Elena Rossi' }).waitFor();
      expect(await page.locator('section[data-status="prospect"]').getByRole('link', { name: 'Elena Rossi' }).count()).toBe(0);
      // Focus follows the card into its new column (once the board has re-rendered).
      await expect
        .poll(() =>
          page.evaluate(() => (globalThis as unknown as Page$).document.activeElement?.closest('section')?.getAttribute('data-status')),
        )
        .toBe('scheduled');
      const after = (await api<{ items: InterviewRow[] }>(`/api/v1/interviews?campaignId=${campaignId}`)).items;
      expect(after.find((i) => i.id === elena!.id)?.status).toBe('scheduled');
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'adds a contact through the form, and the CLI sees it in the same database',
    async () => {
      const { ctx, page } = await open({ width: 375 });
      await visit(page, '/contacts');
      await page.keyboard.press('n');
      const name = page.getByLabel('Name (required)');
      await expect(name.evaluate((el) => (el as unknown) === (globalThis as unknown as Page$).document.activeElement)).resolves.toBe(true);
      await name.fill('Ines Moreau');
      await page.getByLabel('E-mail addresses').fill('ines.moreau@example.com');
      await page.getByLabel('Organisation', { exact: true }).fill('Riverside Clinic');
      await page.getByLabel('Job title').fill('Patient Experience Lead');
      await page.getByLabel('Tags', { exact: true }).fill('healthcare, mentor');
      await page.getByLabel('How well do you know them?').selectOption('friend-of-contact');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByText('Added Ines Moreau.').waitFor();
      await page.locator('.contact-list').getByRole('link', { name: 'Ines Moreau' }).waitFor();

      const stdout = await cli('contacts', 'list', '--json');
      const contacts = JSON.parse(stdout) as {
        id: string;
        name: string;
        emails: string[];
        organisation: string | null;
        tags: string[];
        tie: string;
      }[];
      const ines = contacts.find((c) => c.name === 'Ines Moreau');
      expect(ines).toBeDefined();
      expect(ines?.emails).toEqual(['ines.moreau@example.com']);
      expect(ines?.organisation).toBe('Riverside Clinic');
      expect(ines?.tags).toEqual(['healthcare', 'mentor']);
      expect(ines?.tie).toBe('friend-of-contact');
      contactId = ines!.id;

      // Instant search finds her, and her page shows her details.
      await page.getByLabel('Search contacts').fill('ines');
      await expect.poll(() => page.locator('.contact-row').count(), { timeout: 5000 }).toBe(1);
      await page.locator('.contact-list').getByRole('link', { name: 'Ines Moreau' }).click();
      await page.getByRole('heading', { name: 'Ines Moreau', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'ines.moreau@example.com' }).waitFor();
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'imports a LinkedIn export: a preview that saves nothing, then the import, and the people are in Contacts',
    async () => {
      const { ctx, page } = await open({ width: 375 });
      await visit(page, '/contacts');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
      await expect(page.getByLabel('Kind of file').inputValue()).resolves.toBe('auto');
      const file = { name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS_CSV, 'utf8') };
      await page.getByLabel('Contacts file', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: 'Preview' }).click();

      const preview = page.getByRole('region', { name: 'Preview: nothing saved yet' });
      await preview.waitFor();
      await preview.getByText('reads as LinkedIn connections, with 3 rows').waitFor();
      const count = (label: string) => preview.getByRole('row', { name: label }).getByRole('cell').textContent();
      await expect(count('New contacts to add')).resolves.toBe('2');
      await expect(count('Rows to skip')).resolves.toBe('1');
      await preview.getByText('Line 7:').waitFor();
      axeFound.push(...(await axeCheck(page, 'import preview @375 light')));
      // A preview is a dry run: nobody is saved yet.
      expect((await api<{ items: unknown[] }>('/api/v1/contacts?q=Mokoena')).items).toHaveLength(0);

      await preview.getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByRole('region', { name: 'Imported Connections.csv' });
      await result.waitFor();
      await page.getByText('Imported: 2 new contacts, 0 updated, 0 unchanged; 1 row skipped.').waitFor();
      await expect(result.getByRole('row', { name: 'New contacts added' }).getByRole('cell').textContent()).resolves.toBe('2');
      const saved = (await api<{ items: { name: string; tie: string; organisation: string | null }[] }>('/api/v1/contacts?q=Mokoena'))
        .items;
      expect(saved.map((c) => [c.name, c.tie, c.organisation])).toEqual([['Zanele Mokoena', 'acquaintance', 'Harbour Health Design']]);

      // The same file again would change nothing, and the preview says so.
      await result.getByRole('button', { name: 'Import another file' }).click();
      await page.getByLabel('Contacts file', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('importing it would change nothing').waitFor();

      await visit(page, '/contacts?q=Zanele');
      await page.locator('.contact-list').getByRole('link', { name: 'Zanele Mokoena' }).waitFor();
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'ranks target organisations on a campaign, and adds the first suggested person to it',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, `/campaigns/${campaignId}`);
      const targets = page.getByRole('region', { name: 'Target organisations' });
      await targets.getByRole('heading', { name: 'No target organisations yet' }).waitFor();
      const org = targets.getByLabel('Organisation (required)');
      const rows = page.locator('table.targets tbody tr');
      const rowNames = () => rows.locator('th').allTextContents();

      await org.fill('Acme Labs');
      await targets.getByRole('button', { name: 'Add target' }).click();
      await page.getByText('Acme Labs added as a target, ranked 1.').waitFor();
      await org.fill('Northbridge Health');
      await targets.getByLabel('How much do you want to work there?').selectOption('3');
      await targets.getByRole('button', { name: 'Add target' }).click();
      await page.getByText('Northbridge Health added as a target, ranked 1.').waitFor();
      // Motivation first: Northbridge (3) above Acme (2); Northbridge has someone the user knows inside.
      await expect.poll(rowNames).toEqual(['Northbridge Health', 'Acme Labs']);
      await expect(rows.first().locator('td[data-label="Advocacy"]').textContent()).resolves.toMatch(/^Yes — \d+ (person|people) you know/);
      await expect(rows.nth(1).locator('td[data-label="Advocacy"]').textContent()).resolves.toBe('No');

      // The same organisation twice is refused beside the field.
      await org.fill('northbridge health');
      await targets.getByRole('button', { name: 'Add target' }).click();
      await targets.getByText('is already a target of this campaign').waitFor();
      await expect(org.getAttribute('aria-invalid')).resolves.toBe('true');

      // Same motivation, then better postings: Acme moves up.
      await page.getByLabel('Motivation for Acme Labs').selectOption('3');
      await page.getByText('Acme Labs: motivation 3 — Dream employer. Ranked 2 of 2.').waitFor();
      await page.getByLabel('Postings at Acme Labs').selectOption('3');
      await expect.poll(rowNames).toEqual(['Acme Labs', 'Northbridge Health']);
      await expect(rows.first().locator('td.num').textContent()).resolves.toBe('1');
      const saved = (
        await api<{ items: { organisation: string; rank: number; posting: number }[] }>(`/api/v1/campaigns/${campaignId}/targets`)
      ).items;
      expect(saved.map((t) => [t.rank, t.organisation, t.posting])).toEqual([
        [1, 'Acme Labs', 3],
        [2, 'Northbridge Health', 1],
      ]);

      // Whom to ask first: the top suggestion, with its reasons, goes onto the board as a prospect.
      // The first suggestion not yet on the board (the sample data already has some prospects there).
      const top = page
        .locator('#suggestions li.suggestion')
        .filter({ has: page.getByRole('button', { name: /^Add to campaign/ }) })
        .first();
      const first = page.locator(`[data-suggestion="${await top.getAttribute('data-suggestion')}"]`);
      const name = (await first.locator('.suggestion__name').textContent()) ?? '';
      expect(await first.locator('.suggestion__reasons li').count()).toBeGreaterThan(0);
      await first.getByRole('button', { name: `Add to campaign — ${name}` }).click();
      await page.getByText(`${name} added as a prospect.`).waitFor();
      await first.getByText('On the board: Prospect').waitFor();
      await page.locator('section[data-status="prospect"]').getByRole('link', { name }).waitFor();
      const interviews = (await api<{ items: InterviewRow[] }>(`/api/v1/interviews?campaignId=${campaignId}`)).items;
      expect(interviews.find((i) => i.contactName === name)?.status).toBe('prospect');
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'has no serious or critical axe violations on any page, at 1280 and 375 px, light and dark',
    async () => {
      const paths = [
        '/',
        '/contacts',
        '/contacts?new=1',
        `/contacts/${contactId}`,
        '/import',
        '/campaigns',
        `/campaigns/${campaignId}`,
        '/interviews',
        '/insights',
        '/settings',
        '/no-such-page',
      ];
      const found: string[] = [...axeFound];
      for (const width of [1280, 375]) {
        const { ctx, page } = await open({ width });
        for (const path of paths) {
          await visit(page, path);
          await expect(page.title()).resolves.toMatch(/coffeechat$/);
          await page.emulateMedia({ colorScheme: 'light' });
          found.push(...(await axeCheck(page, `${path} @${width} light`)));
          await page.emulateMedia({ colorScheme: 'dark' });
          found.push(...(await axeCheck(page, `${path} @${width} dark`)));
        }
        await ctx.close();
      }
      expect(found).toEqual([]);
    },
    TIMEOUT * 1.5,
  );

  it('logged no console errors and no uncaught exceptions', () => {
    expect(problems).toEqual([]);
  });
});
