// The network picture in Chromium: the empty state, the sample data drawn as a graph, selecting a
// person, highlighting the ways into a campaign's targets, the zoom buttons, the list equivalent,
// the CLI printing the same graph, axe at phone and laptop widths in light and dark, and 500 people
// imported at once staying readable (few names in the overview, more on zooming in, none overlapping).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, TIMEOUT } from './harness.js';

interface Graph {
  campaign: { id: string } | null;
  nodes: { id: string; name: string; onTargetPath: boolean; isTarget: boolean }[];
  edges: { from: string; to: string; onTargetPath: boolean }[];
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The zoom layer's transform, as numbers. */
async function transformOf(page: Page): Promise<{ x: number; y: number; k: number }> {
  const t = (await page.locator('[data-zoom-layer]').getAttribute('transform')) ?? '';
  const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(t);
  expect(m, `transform "${t}"`).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]), k: Number(m![3]) };
}

browserSuite('network picture in Chromium', ({ api, cli, open, visit, axeCheck, problems }) => {
  const axeFound: string[] = [];
  let campaignId = '';

  it(
    'explains how to add introductions while there are none',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/network');
      await expect(page.title()).resolves.toBe('Network · coffeechat');
      await page.getByRole('heading', { name: 'No introductions yet' }).waitFor();
      expect(await page.locator('[data-node-id]').count()).toBe(0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        axeFound.push(...(await axeCheck(page, `empty /network @1280 ${scheme}`)));
      }
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'draws the sample network, shows a person in the side panel, highlights the ways into targets and zooms',
    async () => {
      campaignId = (await api<{ campaignId: string }>('/api/v1/demo', json({}))).campaignId;
      await api('/api/v1/targets', json({ campaignId, organisation: 'CareLoop' }));
      await api('/api/v1/targets', json({ campaignId, organisation: 'Northbridge Health' }));
      const plain = await api<Graph>('/api/v1/network/graph');
      const highlighted = await api<Graph>(`/api/v1/network/graph?campaignId=${campaignId}`);
      const id = (name: string) => highlighted.nodes.find((n) => n.name === name)!.id;

      // The CLI prints the same object as the API.
      expect(JSON.parse(await cli('network', '--json'))).toEqual(plain);
      expect(JSON.parse(await cli('network', '--campaign', campaignId, '--json'))).toEqual(highlighted);

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/network');
      await page.locator('[data-node-id]').first().waitFor();
      expect(await page.locator('[data-node-id]').count()).toBe(plain.nodes.length);
      expect(await page.locator('[data-network] line.net-edge').count()).toBe(plain.edges.length);

      // Select Priya: the panel names her and the chain from you through Tom.
      await page.locator(`[data-node-id="${id('Priya Raman')}"] .net-node__shape`).click();
      const panel = page.locator('[data-panel]');
      await panel.getByRole('heading', { name: 'Priya Raman' }).waitFor();
      await expect(panel.locator('[data-chain]').textContent()).resolves.toBe('You → Tom Lindqvist → Priya Raman');
      await expect(panel.getByRole('link', { name: /contact page/ }).getAttribute('href')).resolves.toBe(`/contacts/${id('Priya Raman')}`);

      // Pick the campaign: exactly the nodes on the ways into its targets are marked.
      await page.getByLabel('Highlight the ways into the targets of').selectOption(campaignId);
      await page.locator('[data-node-id][data-on-path="true"]').first().waitFor();
      const marked = await page
        .locator('[data-node-id][data-on-path="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
      const expected = highlighted.nodes.filter((n) => n.onTargetPath).map((n) => n.id);
      expect(marked.sort()).toEqual(expected.sort());
      expect(expected).toEqual(expect.arrayContaining([id('Priya Raman'), id('Tom Lindqvist'), id('Daniel Ferreira'), id('Maya Okafor')]));
      // Kenji works at a target but nobody introduced him: drawn, not on a way in. Omar is in no
      // introduction and at no target: not drawn at all.
      expect(expected).not.toContain(id('Kenji Watanabe'));
      await expect(page.locator(`[data-node-id="${id('Kenji Watanabe')}"]`).getAttribute('data-target')).resolves.toBe('true');
      expect(highlighted.nodes.some((n) => n.name === 'Omar Haddad')).toBe(false);
      expect(await page.locator('[data-network] line.is-path').count()).toBe(highlighted.edges.filter((e) => e.onTargetPath).length);
      await page.getByText('a way in is highlighted').first().waitFor();
      expect(new URL(page.url()).searchParams.get('campaign')).toBe(campaignId);

      // The zoom buttons change the transform; Reset view puts it back.
      const start = await transformOf(page);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      const zoomed = await transformOf(page);
      expect(zoomed.k).toBeCloseTo(start.k * 1.5, 5);
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await page.getByRole('button', { name: 'Zoom out' }).click();
      expect((await transformOf(page)).k).toBeLessThan(start.k);
      await page.getByRole('button', { name: 'Reset view' }).click();
      expect(await transformOf(page)).toEqual(start);

      // Keyboard: "you" is focusable and Enter selects it.
      await page.locator('[data-node-id="you"]').focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'You' }).waitFor();

      // The list says the same in words, and selecting from it shows the person.
      await page.getByText(/Who led to whom, as a list/).click();
      const rows = page.locator('.net-table tbody tr');
      expect(await rows.count()).toBe(highlighted.edges.length);
      expect(await page.locator('.net-table tbody tr[data-on-path="true"]').count()).toBe(
        highlighted.edges.filter((e) => e.onTargetPath).length,
      );
      await rows.getByRole('button', { name: 'Daniel Ferreira' }).first().click();
      await panel.getByRole('heading', { name: 'Daniel Ferreira' }).waitFor();

      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          axeFound.push(...(await axeCheck(page, `/network with a campaign @${width} ${scheme}`)));
        }
      }
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'draws 500 imported people with their referrals, naming only a few until zoomed in',
    async () => {
      // An Outlook export: 20 people nobody introduced, each of whom referred 24 others.
      const lines = ['First Name,Last Name,E-mail Address,Job Title,Company,Categories,Referred By'];
      for (let h = 0; h < 20; h++) lines.push(`Hub,Number${h},hub${h}@example.net,Mentor,Hub Org ${h},network,`);
      for (let i = 0; i < 480; i++)
        lines.push(`Guest,Visitor${i},guest${i}@example.net,Analyst,Guest Org ${i % 37},network,Hub Number${i % 20}`);
      const report = await api<{ created: number; errors: unknown[] }>('/api/v1/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: lines.join('\r\n') + '\r\n',
      });
      expect(report).toMatchObject({ created: 500, errors: [] });
      const graph = await api<Graph>('/api/v1/network/graph');
      expect(graph.nodes.length).toBeGreaterThanOrEqual(501);

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/network');
      await page.locator('[data-node-id]').first().waitFor();
      expect(await page.locator('[data-node-id]').count()).toBe(graph.nodes.length);
      const named = await page.locator('[data-label]').count();
      expect(named).toBeGreaterThan(0);
      expect(named).toBeLessThanOrEqual(20);
      // The best connected are among the named: every hub introduced 24 people.
      await page.locator('[data-label]', { hasText: 'Hub Number0' }).waitFor();

      // Zoomed in, more people are named, and still no name covers another.
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(() => page.locator('[data-label]').count()).toBeGreaterThan(named);
      const boxes = await page
        .locator('[data-label]')
        .evaluateAll((els) =>
          els.map((e) =>
            (
              e as unknown as { getBoundingClientRect(): { left: number; top: number; right: number; bottom: number } }
            ).getBoundingClientRect(),
          ),
        );
      const overlapping = boxes.filter((a, i) =>
        boxes.some((b, j) => j > i && a.left + 3 < b.right && b.left + 3 < a.right && a.top + 2 < b.bottom && b.top + 2 < a.bottom),
      );
      expect(overlapping).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );

  it('found no serious accessibility problems and no console errors', () => {
    expect(axeFound).toEqual([]);
    expect(problems).toEqual([]);
  });
});
