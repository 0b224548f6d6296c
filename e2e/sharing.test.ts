// Sharing a campaign with an adviser in Chromium, on the real server with --accounts: the accounts
// are made through the API (the sign-up pages have their own suite); then the member shares a
// campaign from its page, the adviser finds the member on the cohort dashboard, opens the shared
// campaign and comments, the member reads the comment and revokes, and the adviser's page says at
// once that the campaign is no longer shared.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, callAs, TIMEOUT } from './harness.js';

const PASSWORD = 'correct horse battery staple';
const ADVISER = { name: 'Ravi Adviser', email: 'ravi@example.org' };
const MEMBER = { name: 'Mina Member', email: 'mina@example.org' };

browserSuite(
  'sharing with an adviser in Chromium',
  (app) => {
    const { open, visit, axeCheck, problems, serverOutput } = app;
    const axeFound: string[] = [];
    let adviserCtx: BrowserContext;
    let adviser: Page;
    let memberCtx: BrowserContext;
    let member: Page;
    let campaignId = '';

    const call = <T>(ctx: BrowserContext, method: string, path: string, body?: unknown) => callAs<T>(app, ctx, method, path, body);

    it(
      'makes an admin, an adviser and a member with one campaign',
      async () => {
        const token = /setup token\W*([A-Za-z0-9_-]{16,})/i.exec(serverOutput())?.[1];
        expect(token, `no setup token in the server's output:\n${serverOutput()}`).toBeTruthy();
        const { ctx: adminCtx } = await open({ width: 1280 });
        await call(adminCtx, 'POST', '/auth/setup', { token, email: 'ada@example.org', name: 'Ada Admin', password: PASSWORD });
        const invite = async (who: { email: string }, role: string) =>
          new URL((await call<{ url: string }>(adminCtx, 'POST', '/admin/invitations', { email: who.email, role })).url).searchParams.get(
            'invitation',
          );
        const invitations = { adviser: await invite(ADVISER, 'adviser'), member: await invite(MEMBER, 'member') };
        await adminCtx.close();

        ({ ctx: adviserCtx, page: adviser } = await open({ width: 1280 }));
        await call(adviserCtx, 'POST', '/auth/register', { invitation: invitations.adviser, ...ADVISER, password: PASSWORD });
        ({ ctx: memberCtx, page: member } = await open({ width: 1280 }));
        await call(memberCtx, 'POST', '/auth/register', { invitation: invitations.member, ...MEMBER, password: PASSWORD });

        campaignId = (await call<{ id: string }>(memberCtx, 'POST', '/campaigns', { field: 'Data journalism', situation: 'career-change' }))
          .id;
        const ana = await call<{ id: string }>(memberCtx, 'POST', '/contacts', { name: 'Ana Ruiz', research: 'Private research note' });
        await call(memberCtx, 'POST', '/interviews', { campaignId, contactId: ana.id });
      },
      TIMEOUT,
    );

    it(
      "lets the member share the campaign from its page, by the adviser's e-mail",
      async () => {
        await visit(member, `/campaigns/${campaignId}`);
        const panel = member.getByRole('region', { name: 'Sharing' });
        await panel.getByText('Only you can see this campaign.').waitFor();
        await panel.getByLabel("Adviser's e-mail").fill('nobody@example.org');
        const before = problems.length;
        await panel.getByRole('button', { name: 'Share', exact: true }).click();
        await panel.getByText('No adviser account has that e-mail address.').waitFor();
        problems.splice(before); // the 404 of the unknown e-mail, on purpose
        await panel.getByLabel("Adviser's e-mail").fill(ADVISER.email);
        await panel.getByLabel('Access').selectOption('comment');
        await panel.getByRole('button', { name: 'Share', exact: true }).click();
        const table = panel.getByRole('table', { name: 'Advisers who can see this campaign' });
        await table.getByRole('rowheader', { name: new RegExp(ADVISER.name) }).waitFor();
        await table.getByText('Can read and comment').waitFor();
        axeFound.push(...(await axeCheck(member, 'campaign sharing @1280')));
      },
      TIMEOUT,
    );

    it(
      'shows the adviser the member on the cohort dashboard, and the shared campaign read-only with a comment form',
      async () => {
        await visit(adviser, '/cohort');
        await adviser.getByRole('heading', { level: 1, name: 'Your cohort' }).waitFor();
        await adviser
          .getByRole('table', { name: 'Members who shared campaigns with you' })
          .getByRole('rowheader', { name: MEMBER.name })
          .waitFor();
        axeFound.push(...(await axeCheck(adviser, 'cohort @1280')));
        await adviser.getByRole('link', { name: 'Data journalism' }).click();
        await adviser.getByRole('heading', { level: 1, name: 'Data journalism' }).waitFor();
        await adviser.getByRole('rowheader', { name: 'Ana Ruiz' }).waitFor();
        expect(await adviser.getByText('Private research note').count()).toBe(0);
        await adviser.getByRole('textbox', { name: 'Comment (required)' }).fill('Ask Ana who else covers the data desk.');
        await adviser.getByRole('button', { name: 'Add comment' }).click();
        await adviser.getByText('Ask Ana who else covers the data desk.').waitFor();
        await adviser.getByRole('region', { name: 'Insights' }).getByRole('heading', { name: 'The funnel' }).waitFor();
        axeFound.push(...(await axeCheck(adviser, 'shared campaign @1280')));
      },
      TIMEOUT,
    );

    it(
      'lets the member read the comment and revoke; the adviser loses the campaign at once',
      async () => {
        await visit(member, `/campaigns/${campaignId}`);
        const panel = member.getByRole('region', { name: 'Sharing' });
        await panel.getByText('Ask Ana who else covers the data desk.').waitFor();
        await panel.getByRole('button', { name: `Revoke access for ${ADVISER.name}` }).click();
        await panel.getByText('Only you can see this campaign.').waitFor();

        const before = problems.length;
        await adviser.reload();
        await adviser.getByText('This campaign is not shared with you, or no longer is').waitFor();
        problems.splice(before); // the 404 the page explains
        const res = await adviser.request.get(`${app.base}/api/v1/adviser/campaigns/${campaignId}`);
        expect(res.status()).toBe(404);
        await visit(adviser, '/cohort');
        await adviser.getByText('Nobody has shared a campaign with you yet').waitFor();
        await adviserCtx.close();
        await memberCtx.close();
        expect(problems).toEqual([]);
        expect(axeFound).toEqual([]);
      },
      TIMEOUT,
    );
  },
  { serverArgs: ['--accounts'] },
);
