// The draft editor in Chromium against the built server: open a draft for a prospect from their
// contact page, see the filled request with no errors, type a job ask and watch the linter flag
// it, copy, log the request as sent (checked through the API: touch logged, interview moved to
// requested), axe-core at 1280 and 375 px in light and dark, and no console errors.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

interface InterviewRow {
  id: string;
  contactId: string;
  contactName: string;
  status: string;
}

browserSuite('draft editor in Chromium', ({ api, base, open, visit, axeCheck, problems }) => {
  it(
    'drafts a request with live lint, copies it and logs it as sent',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      await page.getByRole('button', { name: 'Load sample data' }).click();
      await page.getByRole('heading', { name: 'Due today' }).waitFor();
      await api('/api/v1/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Jordan Whitfield' }),
      });
      const prospects = (await api<{ items: InterviewRow[] }>('/api/v1/interviews?status=prospect')).items;
      let target: InterviewRow | undefined;
      for (const p of prospects) {
        if ((await api<{ emails: string[] }>(`/api/v1/contacts/${p.contactId}`)).emails.length) {
          target = p;
          break;
        }
      }
      if (!target) throw new Error('The sample data has no prospect with an e-mail address.');
      const first = target.contactName.split(' ')[0]!;

      // Reachable from the contact page.
      await visit(page, `/contacts/${target.contactId}`);
      await page
        .getByRole('link', { name: /Draft a message/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: `Draft for ${target.contactName}` }).waitFor();
      const body = page.getByLabel('Message', { exact: true });
      await expect.poll(() => body.inputValue()).toMatch(new RegExp(`^Dear ${first},`));
      const filled = await body.inputValue();
      expect(filled).toContain('Jordan Whitfield');
      expect(filled).not.toMatch(/[{}]/);
      await expect.poll(() => page.locator('.finding--error').count()).toBe(0);
      await page.locator('#draft-findings-summary').filter({ hasNotText: 'error' }).waitFor();
      expect(await page.getByLabel('Subject').inputValue()).toMatch(/minutes of advice on UX research in healthcare/);
      const mailto = await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
      expect(mailto).toMatch(/^mailto:[^?]+@example\.\w+\?subject=.+&body=Dear%20/);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeCheck(page, `draft @1280 ${scheme}`)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // A job ask is flagged as the user types, with a reason, a fix and a way to find it.
      await body.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n\nAre you hiring?');
      const finding = page.locator('[data-rule="asks-for-job"]');
      await finding.waitFor();
      expect(await finding.textContent()).toMatch(/Error/);
      await finding.getByRole('button', { name: /Show in text/ }).click();
      const selected = await body.evaluate((el) => {
        const t = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
        return t.value.slice(t.selectionStart, t.selectionEnd);
      });
      expect(selected).toContain('hiring');
      await page.locator('mark.hl--error').first().waitFor();
      expect(await axeCheck(page, 'draft with findings @1280 light')).toEqual([]);

      // Back to the good text, then copy and log it.
      await body.fill(filled);
      await expect.poll(() => finding.count()).toBe(0);
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await page.getByRole('button', { name: 'Copy' }).click();
      await page.getByText('Copied the message.').first().waitFor();
      const clip = await page.evaluate(() =>
        (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
      );
      expect(clip).toBe(filled);

      await page.getByRole('button', { name: 'Log as sent' }).click();
      await page
        .getByText(/Logged as sent to/)
        .first()
        .waitFor();
      const after = await api<InterviewRow>(`/api/v1/interviews/${target.id}`);
      expect(after.status).toBe('requested');
      const timeline = await api<{
        items: { type: string; purpose?: string; direction?: string; templateId?: string; interviewId?: string }[];
      }>(`/api/v1/contacts/${target.contactId}/timeline`);
      const touches = timeline.items.filter((i) => i.type === 'touch');
      expect(touches).toEqual([
        expect.objectContaining({ purpose: 'request', direction: 'out', templateId: 'request-email', interviewId: target.id }),
      ]);
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'fits a phone screen in light and dark, with the call script',
    async () => {
      const prospects = (await api<{ items: InterviewRow[] }>('/api/v1/interviews?status=prospect')).items;
      const target = prospects[0]!;
      for (const dark of [false, true]) {
        const { ctx, page } = await open({ width: 375, dark });
        await visit(page, `/interviews/${target.id}/draft?purpose=request&template=request-call`);
        await page.getByLabel('Message', { exact: true }).waitFor();
        await expect.poll(() => page.getByLabel('Message', { exact: true }).inputValue()).toMatch(/not hiring/);
        expect(await page.getByLabel('Subject').count()).toBe(0);
        const overflow = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await axeCheck(page, `draft @375 ${dark ? 'dark' : 'light'}`)).toEqual([]);
        await ctx.close();
      }
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});
