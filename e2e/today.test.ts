// Today in Chromium: after loading the sample data, the page groups what is due by urgency, and
// an action can be marked done and snoozed from it, each confirmed in the live region and checked
// through the API.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

interface ActionRow {
  id: string;
  kind: string;
  status: string;
  contactName: string;
  snoozedUntil: string | null;
}

browserSuite('Today in Chromium', ({ api, open, visit, axeCheck, problems }) => {
  it(
    'marks one action done and snoozes another until next week',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      await page.getByRole('button', { name: 'Load sample data' }).click();
      await page.getByRole('heading', { name: 'Due today' }).waitFor();
      await page.getByRole('heading', { name: /^Overdue/ }).waitFor();
      await page.getByRole('list', { name: 'At a glance' }).waitFor();
      expect(await axeCheck(page, 'today with actions')).toEqual([]);

      // Asking a second person starts from the campaign's suggestions, one click away.
      await page.getByRole('link', { name: 'See whom else to ask — after Liam Chen' }).click();
      await page.waitForURL(/\/campaigns\/[^/]+#suggestions$/);
      await page.getByRole('heading', { name: 'Whom to ask first' }).waitFor();
      await page.goBack();
      await page.getByRole('list', { name: 'At a glance' }).waitFor();

      const before = await api<{ items: ActionRow[] }>('/api/v1/actions?status=open');
      const liam = before.items.find((a) => a.kind === 'ask-second-person' && a.contactName === 'Liam Chen')!;
      const priya = before.items.find((a) => a.kind === 'send-thank-you' && a.contactName === 'Priya Raman')!;
      expect(liam && priya).toBeTruthy();

      await page.getByRole('button', { name: 'Done — Ask a second person, Liam Chen' }).click();
      await page.getByRole('status').getByText('Done: Ask a second person — Liam Chen.').waitFor();
      await page.getByRole('button', { name: 'Until next week — Send a thank-you, Priya Raman' }).click();
      await page.getByRole('status').getByText('Snoozed until next week: Send a thank-you — Priya Raman.').waitFor();
      await page.getByRole('button', { name: 'Done — Ask a second person, Liam Chen' }).waitFor({ state: 'detached' });

      const done = await api<ActionRow>(`/api/v1/actions/${liam.id}`);
      expect(done.status).toBe('done');
      const snoozed = await api<ActionRow>(`/api/v1/actions/${priya.id}`);
      expect(snoozed.status).toBe('snoozed');
      expect(snoozed.snoozedUntil).toBe('2026-03-09T09:00:00.000Z'); // Monday 09:00 after Thursday 5 March (UTC)
      expect(problems).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'asks for its data once, with the page: the session, overview and day requests do not wait for the script',
    async () => {
      await api('/api/v1/demo', { method: 'POST' }).catch(() => undefined); // loaded already by the test above
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      await page.getByRole('list', { name: 'At a glance' }).waitFor();
      const entries = await page.evaluate(() =>
        (globalThis.performance.getEntriesByType('resource') as unknown as { name: string; startTime: number; responseEnd: number }[]).map(
          (e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }),
        ),
      );
      const script = entries.find((e) => e.path.endsWith('.js'))!;
      for (const path of ['/api/v1/session', '/api/v1/overview', '/api/v1/today']) {
        const asked = entries.filter((e) => e.path === path);
        expect(asked, path).toHaveLength(1); // the page's own fetch() took the preloaded answer
        expect(asked[0]!.start, path).toBeLessThan(script.end); // asked while the script was still arriving
      }
      expect(problems).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'opens the draft of a due follow-up in one click, with the purpose chosen',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      // The suite shares one server: the sample data may already be loaded by the test above.
      const load = page.getByRole('button', { name: 'Load sample data' });
      await load
        .or(page.getByRole('heading', { name: 'Due today' }))
        .first()
        .waitFor();
      if (await load.isVisible()) await load.click();
      await page.getByRole('heading', { name: 'Due today' }).waitFor();
      const listed = await api<{ items: (ActionRow & { interviewId: string })[] }>('/api/v1/actions?status=open');
      const follow = listed.items.find((a) => a.kind === 'follow-up' && a.contactName === 'Liam Chen')!;
      expect(follow).toBeTruthy();

      await page.getByRole('link', { name: 'Draft a follow-up — Liam Chen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Draft for Liam Chen' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/interviews/${follow.interviewId}/draft`);
      expect(await page.getByLabel('What for').inputValue()).toBe('follow-up');
      await expect.poll(() => page.getByLabel('Message', { exact: true }).inputValue()).toMatch(/Liam/);
      expect(await axeCheck(page, 'draft from today')).toEqual([]);
      expect(problems).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );
});
