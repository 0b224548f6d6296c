// The insights page in Chromium against the built server and the real insights API: the empty
// state before any campaign, the sample campaign's funnel shown with the API's numbers (in the chart
// and its table), every chart with a summary and a table, the answers, the referral tree, the field
// brief links, the campaign picker remembered in the URL with active campaigns first and an empty
// campaign explained; axe at 1280 px light and dark and at 375 px with nothing wider than the screen.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, TIMEOUT } from './harness.js';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

interface Funnel {
  identified: number;
  requested: number;
  replied: number;
  scheduled: number;
  held: number;
  referrals: number;
  outcomes: number;
}
interface Insights {
  funnel: Funnel;
  answers: { questionId: string; answers: { contactName: string; text: string }[] }[];
  pay: { count: number } | null;
}

const STAGES: [keyof Funnel, string][] = [
  ['identified', 'Identified'],
  ['requested', 'Asked'],
  ['replied', 'Replied'],
  ['scheduled', 'Scheduled'],
  ['held', 'Held'],
  ['referrals', 'Referrals'],
  ['outcomes', 'Outcomes'],
];

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
}

/** Every drawn chart: its accessible name and the summary sentence aria-describedby points to. */
async function chartDescriptions(page: Page): Promise<{ name: string; summary: string }[]> {
  return page.locator('svg[role="img"]').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const d = (globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null } | null } }).document;
      const text = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .map((id) => d.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      return { name: text(svg.getAttribute('aria-labelledby')), summary: text(svg.getAttribute('aria-describedby')) };
    }),
  );
}

browserSuite('insights page in Chromium', (app) => {
  const { api, open, visit, axeCheck, problems } = app;
  it(
    'says what to do when there is no campaign yet',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/insights');
      await expect(page.title()).resolves.toBe('Insights · coffeechat');
      await page.getByRole('heading', { name: 'No campaign yet' }).waitFor();
      await page.getByRole('link', { name: 'Start a campaign' }).waitFor();
      expect(await axeCheck(page, 'insights empty @1280')).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    "shows the sample campaign's insights with the API's numbers, tables, the tree and the brief",
    async () => {
      const demo = await api<{ campaignId: string }>('/api/v1/demo', json({}));
      const empty = await api<{ id: string }>('/api/v1/campaigns', json({ field: 'Data journalism', situation: 'next-job' }));
      // The sample campaign ended: the empty, active one comes first and is the one shown by default.
      await api(`/api/v1/campaigns/${demo.campaignId}/end`, json({}));
      // Daniel, whom Maya referred, leads to a job interview: credited to him and up the chain to Maya.
      const { items } = await api<{ items: { id: string; contactName: string }[] }>(`/api/v1/interviews?campaignId=${demo.campaignId}`);
      const daniel = items.find((i) => i.contactName === 'Daniel Ferreira')!;
      await api('/api/v1/outcomes', json({ interviewId: daniel.id, kind: 'job-interview', note: 'Research operations coordinator' }));
      const expected = await api<Insights>(`/api/v1/campaigns/${demo.campaignId}/insights`);
      expect(expected.funnel.held).toBeGreaterThan(0);

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/insights');
      const picker = page.getByLabel('Campaign', { exact: true });
      expect(await picker.locator('option').allTextContents()).toEqual(['Data journalism', 'UX research in healthcare (ended)']);
      expect(await picker.inputValue()).toBe(empty.id);
      await page.getByRole('heading', { name: 'No one in this campaign yet' }).waitFor();

      // Picking the sample campaign keeps the choice in the URL.
      await picker.selectOption({ label: 'UX research in healthcare (ended)' });
      await page.waitForURL((u) => u.searchParams.get('campaign') === demo.campaignId);
      const funnel = page.locator('figure', { has: page.getByRole('heading', { name: 'The funnel' }) });
      await funnel.locator('svg[role="img"]').waitFor();

      // The table behind the chart holds the API's figures, stage by stage, and opens on demand.
      await funnel.getByText('Show as a table').click();
      const rows = funnel.locator('table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(STAGES.length);
      for (const [i, [key, label]] of STAGES.entries()) {
        expect(await rows.nth(i).locator('th').textContent()).toBe(label);
        expect(await rows.nth(i).locator('td').first().textContent(), label).toBe(String(expected.funnel[key]));
      }
      // The chart writes the same counts past its bars, and says so in its summary sentence.
      const drawn = await funnel.locator('svg .ins-value').allTextContents();
      expect(drawn).toEqual(STAGES.map(([key]) => String(expected.funnel[key])));
      const charts = await chartDescriptions(page);
      const names = charts.map((c) => c.name);
      for (const title of ['The funnel', 'Activity over weeks', 'Notes by kind of insight', 'Replies by channel', 'Replies by tie']) {
        expect(names).toContain(title);
      }
      for (const c of charts) expect(c.summary.length, c.name).toBeGreaterThan(20);
      expect(charts.find((c) => c.name === 'The funnel')!.summary).toContain(`${expected.funnel.held} conversations were held`);
      // Each chart has its table equivalent.
      const figures = page.locator('figure.ins-chart');
      expect(await figures.count()).toBe(charts.length);
      expect(await page.locator('figure.ins-chart details table').count()).toBe(charts.length);
      // Reply rates always with the counts behind them, and the small-sample note.
      const byChannel = page.locator('figure', { has: page.getByRole('heading', { name: 'Replies by channel' }) });
      expect(await byChannel.locator('svg .ins-value').first().textContent()).toMatch(/^\d+% \(\d+ of \d+\)$/);
      await byChannel
        .getByText(/small sample/)
        .first()
        .waitFor();

      // Answers by question, with who said what.
      const answers = page.getByRole('region', { name: 'Answers by question' });
      const first = expected.answers[0]!.answers[0]!;
      await answers.getByText(first.text).waitFor();
      await answers.getByRole('link', { name: first.contactName }).first().waitFor();
      if (expected.pay) {
        const pay = page.getByRole('region', { name: 'Pay' });
        expect(await pay.locator('dt:has-text("Figures") + dd').textContent()).toBe(String(expected.pay.count));
      }
      await page
        .getByRole('region', { name: 'Strengths, opportunities and threats' })
        .getByText(/Simple term counting/)
        .waitFor();

      // The referral tree: Daniel sits in a list nested under Maya, who referred him.
      const tree = page.getByRole('list', { name: /Referral tree/ });
      const maya = tree
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Maya Okafor', exact: true }) })
        .first();
      await maya.getByRole('list').getByRole('link', { name: 'Daniel Ferreira' }).waitFor();
      // Both are marked as a branch that led to an outcome, and the outcome lists who is credited.
      await maya.getByText('led to an outcome').first().waitFor();
      await maya.getByRole('list').getByText('1 outcome').waitFor();
      const outcomes = page.getByRole('region', { name: 'Outcomes' });
      await outcomes.getByText('Research operations coordinator').waitFor();
      expect(await outcomes.locator('li').first().textContent()).toMatch(
        /From the conversation with Daniel Ferreira; led there by Maya Okafor/,
      );
      expect(expected.funnel.outcomes).toBe(1);

      // The field brief, both ways.
      const pdf = page.getByRole('link', { name: 'Download the field brief (PDF)' });
      const md = page.getByRole('link', { name: 'Field brief as Markdown' });
      expect(await pdf.getAttribute('href')).toBe(`/api/v1/campaigns/${demo.campaignId}/brief.pdf`);
      expect(await md.getAttribute('href')).toBe(`/api/v1/campaigns/${demo.campaignId}/brief.md`);
      for (const [link, type] of [
        [pdf, 'application/pdf'],
        [md, 'text/markdown'],
      ] as const) {
        const res = await fetch(app.base + (await link.getAttribute('href'))!);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain(type);
      }

      // The cross-campaign view lists both campaigns.
      const overall = page.getByRole('region', { name: 'All campaigns together' });
      await overall.getByRole('link', { name: 'Data journalism' }).waitFor();
      await overall.getByRole('link', { name: 'UX research in healthcare' }).waitFor();

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeCheck(page, `insights @1280 ${scheme}`)).toEqual([]);
      }
      await ctx.close();

      // A phone: the same page from its URL, nothing wider than the screen.
      const phone = await open({ width: 375 });
      await visit(phone.page, `/insights?campaign=${demo.campaignId}`);
      await phone.page.getByRole('heading', { name: 'The funnel' }).waitFor();
      await phone.page.locator('svg[role="img"]').first().waitFor();
      expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
      expect(await axeCheck(phone.page, 'insights @375')).toEqual([]);
      await phone.ctx.close();
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});
