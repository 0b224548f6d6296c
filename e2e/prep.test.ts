// The prep sheet in Chromium: with a meeting two days away the prepare action is on Today; ticking
// the research checklist and writing an objective on the sheet saves by itself, survives a reload,
// and takes the action off Today. The sheet passes axe and prints without the site's navigation.
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

const NAME = 'Zoë Łukasiewicz';
const OBJECTIVE = 'Learn how their team hires people from outside research';

browserSuite('Prep sheet in Chromium', (app) => {
  const { api, cli, open, visit, axeCheck, problems } = app;
  it(
    'fills the checklist, saves it, and the prepare action leaves Today',
    async () => {
      await cli('settings', 'set', 'timezone', 'UTC');
      const contact = JSON.parse(
        await cli('contacts', 'add', '--name', NAME, '--organisation', 'Nordlicht Health', '--title', 'Research lead', '--json'),
      ) as { id: string };
      const campaign = JSON.parse(
        await cli('campaigns', 'add', '--field', 'Health research', '--situation', 'career-change', '--json'),
      ) as {
        id: string;
      };
      const interview = JSON.parse(await cli('interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json')) as {
        id: string;
      };
      // The harness's clock is Thursday 5 March 09:00 UTC: a Saturday meeting makes the prepare action due today.
      await cli('schedule', interview.id, '--at', '2026-03-07T10:00:00Z');

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/');
      const prepareOnToday = page.getByRole('group', { name: `Prepare for the meeting — ${NAME}` });
      await prepareOnToday.waitFor();

      await visit(page, `/interviews/${interview.id}/prep`);
      await page.getByRole('heading', { level: 1, name: `Prep sheet: ${NAME}` }).waitFor();
      await page.getByText(/^Still to do:/).waitFor();
      expect(await axeCheck(page, 'prep sheet')).toEqual([]);

      await page.getByLabel('Their role and background', { exact: true }).check();
      await page.getByLabel("The organisation's recent news", { exact: true }).check();
      await page.getByLabel('What not to ask because it is public', { exact: true }).check();
      await page.getByLabel('Objective 1', { exact: true }).fill(OBJECTIVE);
      await page.getByText('Checklist complete.').waitFor();
      await page.getByRole('status').getByText('All changes saved.').waitFor();
      const saved = await api<{ complete: boolean; objectives: string[] }>(`/api/v1/interviews/${interview.id}/prep`);
      expect(saved).toMatchObject({ complete: true, objectives: [OBJECTIVE] });

      // Nothing is lost on reload.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Prep sheet: ${NAME}` }).waitFor();
      expect(await page.getByLabel('What not to ask because it is public', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('Objective 1', { exact: true }).inputValue()).toBe(OBJECTIVE);

      // Printing hides the site's navigation and the form controls, and shows the text instead.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByLabel('Objective 1', { exact: true }).isVisible()).toBe(false);
      expect(await page.getByText(OBJECTIVE, { exact: true }).isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      const md = await fetch(`${app.base}/api/v1/interviews/${interview.id}/prep.md`);
      expect(md.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(await md.text()).toContain(`- [x] What not to ask because it is public`);

      await visit(page, '/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await prepareOnToday.count()).toBe(0);
      expect(problems).toEqual([]);
      await ctx.close();
    },
    TIMEOUT,
  );
});
