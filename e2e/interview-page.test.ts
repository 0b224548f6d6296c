// The interview page in Chromium against the built server: schedule a prospect in another time
// zone than the user's (a past time is refused with the server's message first), see it become
// scheduled with its calendar download, then copy the private feed address on Settings, fetch
// it, revoke it, and check both pages with axe-core.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

interface Row {
  id: string;
  status: string;
  scheduledAt: string | null;
  timezone: string | null;
  mode: string | null;
  link: string | null;
}

browserSuite('interview page and calendar feed in Chromium', (app) => {
  // `base` is known only once the server runs, so it is read from `app` when needed.
  const { api, open, visit, axeCheck, problems } = app;
  const send = <T>(method: string, path: string, body: unknown) =>
    api<T>(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it(
    'schedules an interview from its page and subscribes to the feed from Settings',
    async () => {
      await send('PATCH', '/settings', { timezone: 'Europe/Berlin' });
      const contact = await send<{ id: string }>('POST', '/contacts', { name: 'Ada Lovelace', emails: ['ada@example.org'] });
      const campaign = await send<{ id: string }>('POST', '/campaigns', { field: 'Analytical engines', situation: 'career-change' });
      const interview = await send<Row>('POST', '/interviews', { campaignId: campaign.id, contactId: contact.id });

      const { ctx, page } = await open({ width: 1280 });
      // Reached from the interviews table.
      await visit(page, '/interviews');
      await page
        .getByRole('row', { name: /Ada Lovelace/ })
        .getByRole('link', { name: 'Open the interview' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Conversation with Ada Lovelace' }).waitFor();
      for (const [name, path] of [
        ['Prepare', 'prep'],
        ['Live mode', 'live'],
        ['Draft a message', 'draft'],
      ]) {
        expect(await page.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(`/interviews/${interview.id}/${path}`);
      }
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
      expect(await page.getByLabel('Length in minutes').inputValue()).toBe('20');
      expect(await page.getByRole('radio', { name: /In person/ }).isChecked()).toBe(true);
      expect(await page.getByText('(preferred)').count()).toBe(1);

      await page.getByLabel('Length in minutes').fill('45');
      await page.getByText(/Over 30 minutes is a long ask/).waitFor();
      await page.getByLabel('Length in minutes').fill('20');

      // In New York's zone, while the user lives in Berlin; the video link replaces the place.
      await page.getByLabel('Time zone').fill('America/New_York');
      await page.getByRole('radio', { name: 'Video call' }).check();
      await page.getByLabel('Video link').fill('https://meet.example.org/ada');

      // A past time is refused with the server's message, beside the date and time.
      await page.getByLabel('Date').fill('2026-03-01');
      await page.getByLabel('Time (required)').fill('09:30');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByText(/is in the past; a meeting can be scheduled only ahead of time/).waitFor();
      expect(await page.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
      expect((await api<Row>(`/api/v1/interviews/${interview.id}`)).status).toBe('prospect');
      expect(await axeCheck(page, 'interview page with a refused time')).toEqual([]);

      await page.getByLabel('Date').fill('2026-03-10');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByText('Scheduled for 2026-03-10 09:30 America/New_York').waitFor();
      // US summer time started on 8 March: 09:30 in New York is 13:30 UTC (14:30 in Berlin).
      expect(await api<Row>(`/api/v1/interviews/${interview.id}`)).toMatchObject({
        status: 'scheduled',
        scheduledAt: '2026-03-10T13:30:00.000Z',
        timezone: 'America/New_York',
        mode: 'video',
        link: 'https://meet.example.org/ada',
      });
      await page.locator('.interview-page__head .badge--scheduled').waitFor();
      const download = page.getByRole('link', { name: 'Download the calendar file (.ics)' });
      const href = await download.getAttribute('href');
      expect(href).toBe(`/api/v1/interviews/${interview.id}/calendar.ics`);
      const ics = await fetch(app.base + href);
      expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(await ics.text()).toContain(`UID:${interview.id}@coffeechat`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeCheck(page, `interview page @1280 ${scheme}`)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // Settings: make the feed address, copy it, and fetch what a calendar app would.
      await visit(page, '/settings');
      await page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
      await page.getByText(/Cloud calendars .* need a public base URL, which\s+comes with server mode/).waitFor();
      await page.getByRole('button', { name: 'Make a feed address' }).click();
      const field = page.getByLabel('Feed address');
      await field.waitFor();
      const shown = await field.inputValue();
      expect(shown).toMatch(new RegExp(`^${app.base.replace(/[.]/g, '\\.')}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.base });
      await page.getByRole('button', { name: 'Copy the feed address' }).click();
      await page.getByText('Copied the feed address.').waitFor();
      const copied = await page.evaluate(() =>
        (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
      );
      expect(copied).toBe(shown);
      const feed = await fetch(copied);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain(`UID:${interview.id}@coffeechat`);
      expect(await axeCheck(page, 'settings with the feed')).toEqual([]);

      // Revoking asks first; afterwards the address is a 404.
      await page.getByRole('button', { name: 'Revoke…' }).click();
      await page.getByRole('button', { name: 'Yes, revoke the address' }).click();
      await page.getByText(/The feed address is revoked/).waitFor();
      expect((await fetch(copied)).status).toBe(404);
      expect(await page.getByRole('button', { name: 'Make a feed address' }).count()).toBe(1);
      await ctx.close();

      // The refused past time is a 400 the browser logs; anything else is a real problem.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'fits a phone screen',
    async () => {
      const rows = (await api<{ items: Row[] }>('/api/v1/interviews')).items;
      const { ctx, page } = await open({ width: 375 });
      await visit(page, `/interviews/${rows[0]!.id}`);
      const overflow = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
        return d.documentElement.scrollWidth - d.documentElement.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeCheck(page, 'interview page @375')).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );
});
