// Issue 7's "done when", in Chromium against the real server on PostgreSQL. First: two job seekers
// and an adviser share one server (`serve --accounts --db postgres://…`), each in a browser of their
// own. The admin sets up and invites all three from the pages; each registers from the invitation
// link; member A shares one of her two campaigns with the adviser for comments, member B shares
// nothing. The adviser sees A's shared campaign and cohort row and comments, and nothing of B or of
// A's other campaign, neither on the pages nor by typing their addresses; B never sees A's data; A
// revokes and the adviser loses the campaign at once. Second: one person's install listening on
// every address (`serve --host 0.0.0.0`, so accounts are on without asking), reached from a touch
// phone through this machine's network address, signs in and takes notes in live mode.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, callAs, lanAddress, TIMEOUT, type WebApp } from './harness.js';

const PASSWORD = 'correct horse battery staple';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.org' };
const ADVISER = { name: 'Ravi Adviser', email: 'ravi@example.org' };
const MEMBER_A = { name: 'Amara Okafor', email: 'amara@example.org' };
const MEMBER_B = { name: 'Bruno Costa', email: 'bruno@example.org' };
const COMMENT = 'Ask Ana which agencies the data desk hires through.';

/** The setup token the server printed on its console (the pipe may lag its first answer). */
async function setupToken(app: WebApp): Promise<string> {
  const printed = () => /setup token\W*([A-Za-z0-9_-]{16,})/i.exec(app.serverOutput())?.[1];
  await expect.poll(printed, { timeout: 5000, message: `no setup token in the server's output:\n${app.serverOutput()}` }).toBeTruthy();
  return printed()!;
}

/** Fills the sign-in form that the given page shows. */
async function signIn(page: Page, who: { email: string }, tap = false): Promise<void> {
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  const button = page.getByRole('button', { name: 'Sign in' });
  await (tap ? button.tap() : button.click());
}

browserSuite(
  'two job seekers and an adviser on one PostgreSQL server',
  (app) => {
    const { open, visit, axeCheck, problems } = app;
    const axeFound: string[] = [];
    const path = (page: Page) => new URL(page.url()).pathname;
    /** A link the server handed out, as a path of the server under test. */
    const local = (url: string) => {
      const u = new URL(url, app.base);
      return u.pathname + u.search;
    };
    /** Steps that provoke a 403 or 404 on purpose: their console messages are not problems. */
    async function refused(step: () => Promise<void>): Promise<void> {
      const before = problems.length;
      await step();
      const during = problems.splice(before);
      problems.push(...during.filter((p) => !/status of 40[34]/.test(p)));
    }

    let adviserCtx: BrowserContext;
    let adviser: Page;
    let aCtx: BrowserContext;
    let memberA: Page;
    let bCtx: BrowserContext;
    let memberB: Page;
    const links: Record<string, string> = {};
    const a = { shared: '', private: '', contact: '', interview: '' };
    const b = { campaign: '', contact: '', interview: '' };

    it(
      'runs on PostgreSQL with accounts; the admin sets up with the printed token and invites three people from the admin page',
      async () => {
        const token = await setupToken(app);
        expect(app.db).toMatch(/^postgres:/);
        expect(app.serverOutput()).toContain('with accounts');

        const { ctx: adminCtx, page: admin } = await open({ width: 1280 });
        await visit(admin, '/');
        expect(path(admin)).toBe('/setup');
        await admin.getByLabel('Setup token').fill(token);
        await admin.getByLabel('Your name').fill(ADMIN.name);
        await admin.getByLabel('E-mail').fill(ADMIN.email);
        await admin.getByLabel('Password').fill(PASSWORD);
        await admin.getByRole('button', { name: 'Make the admin account' }).click();
        await admin.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();

        for (const [key, who, role] of [
          ['adviser', ADVISER, 'adviser'],
          ['a', MEMBER_A, 'member'],
          ['b', MEMBER_B, 'member'],
        ] as const) {
          await admin.getByLabel('E-mail').fill(who.email);
          await admin.getByLabel('Role', { exact: true }).selectOption(role);
          await admin.getByRole('button', { name: 'Make an invitation' }).click();
          const link = admin.getByLabel(`Invitation link for ${who.email}`);
          await link.waitFor();
          links[key] = await link.inputValue();
          expect(links[key]).toContain('/register?invitation=');
        }
        axeFound.push(...(await axeCheck(admin, 'admin @1280')));
        await adminCtx.close();
      },
      TIMEOUT,
    );

    it(
      'lets each invited person register from their link in their own browser',
      async () => {
        const register = async (link: string, who: { name: string; email: string }, width: number) => {
          const { ctx, page } = await open({ width });
          await visit(page, local(link));
          await page.getByLabel('E-mail').fill(who.email);
          await page.getByLabel('Your name').fill(who.name);
          await page.getByLabel('Password').fill(PASSWORD);
          await page.getByRole('button', { name: 'Create the account' }).click();
          return { ctx, page };
        };
        ({ ctx: adviserCtx, page: adviser } = await register(links.adviser!, ADVISER, 1280));
        await adviser.waitForURL((u) => u.pathname === '/cohort');
        ({ ctx: aCtx, page: memberA } = await register(links.a!, MEMBER_A, 1280));
        await memberA.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        ({ ctx: bCtx, page: memberB } = await register(links.b!, MEMBER_B, 390));
        await memberB.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      },
      TIMEOUT * 2,
    );

    it(
      'lets each member build their own search: A makes a campaign on its page, B through the API',
      async () => {
        await visit(memberA, '/campaigns');
        await memberA.getByRole('button', { name: /New campaign/ }).click();
        await memberA.getByLabel('Field to explore').fill('Data journalism');
        await memberA.getByLabel('Your situation').selectOption('career-change');
        await memberA.getByRole('button', { name: 'Create campaign' }).click();
        await memberA.getByRole('heading', { level: 1, name: 'Data journalism' }).waitFor();
        a.shared = path(memberA).split('/').pop()!;
        a.private = (await callAs<{ id: string }>(app, aCtx, 'POST', '/campaigns', { field: 'Museum curation', situation: 'next-job' })).id;
        a.contact = (
          await callAs<{ id: string }>(app, aCtx, 'POST', '/contacts', { name: 'Ana Ruiz', research: 'Amara private research' })
        ).id;
        a.interview = (await callAs<{ id: string }>(app, aCtx, 'POST', '/interviews', { campaignId: a.shared, contactId: a.contact })).id;
        const kofi = await callAs<{ id: string }>(app, aCtx, 'POST', '/contacts', { name: 'Kofi Mensah' });
        await callAs(app, aCtx, 'POST', '/interviews', { campaignId: a.private, contactId: kofi.id });

        b.campaign = (
          await callAs<{ id: string }>(app, bCtx, 'POST', '/campaigns', { field: 'Renewable energy policy', situation: 'new-graduate' })
        ).id;
        b.contact = (
          await callAs<{ id: string }>(app, bCtx, 'POST', '/contacts', { name: 'Birgit Lund', research: 'Bruno private research' })
        ).id;
        b.interview = (await callAs<{ id: string }>(app, bCtx, 'POST', '/interviews', { campaignId: b.campaign, contactId: b.contact })).id;

        await visit(memberA, '/campaigns');
        await memberA.getByRole('link', { name: 'Museum curation' }).waitFor();
        await visit(memberB, '/campaigns');
        await memberB.getByRole('link', { name: 'Renewable energy policy' }).waitFor();
        expect(await memberB.getByRole('link', { name: 'Data journalism' }).count()).toBe(0);
      },
      TIMEOUT,
    );

    it(
      'lets A share one campaign with the adviser for reading and comments, and see who has access',
      async () => {
        await visit(memberA, `/campaigns/${a.shared}`);
        const panel = memberA.getByRole('region', { name: 'Sharing' });
        await panel.getByText('Only you can see this campaign.').waitFor();
        await panel.getByLabel("Adviser's e-mail").fill(ADVISER.email);
        await panel.getByLabel('Access').selectOption('comment');
        await panel.getByRole('button', { name: 'Share', exact: true }).click();
        const table = panel.getByRole('table', { name: 'Advisers who can see this campaign' });
        await table.getByRole('rowheader', { name: new RegExp(ADVISER.name) }).waitFor();
        await table.getByText('Can read and comment').waitFor();
        axeFound.push(...(await axeCheck(memberA, 'campaign sharing @1280')));
        // The other campaign stays private.
        await visit(memberA, `/campaigns/${a.private}`);
        await memberA.getByRole('region', { name: 'Sharing' }).getByText('Only you can see this campaign.').waitFor();
      },
      TIMEOUT,
    );

    it(
      "shows the adviser A's row on the cohort dashboard and the shared campaign, where the adviser comments",
      async () => {
        await visit(adviser, '/cohort');
        const cohort = adviser.getByRole('table', { name: 'Members who shared campaigns with you' });
        await cohort.getByRole('rowheader', { name: MEMBER_A.name }).waitFor();
        expect(await cohort.getByRole('row').count()).toBe(2); // the header and A
        expect(await adviser.getByText(MEMBER_B.name).count()).toBe(0);
        expect(await adviser.getByText('Museum curation').count()).toBe(0);
        axeFound.push(...(await axeCheck(adviser, 'cohort @1280')));

        await adviser.getByRole('link', { name: 'Data journalism' }).click();
        await adviser.getByRole('heading', { level: 1, name: 'Data journalism' }).waitFor();
        await adviser.getByRole('rowheader', { name: 'Ana Ruiz' }).waitFor();
        expect(await adviser.getByText('Amara private research').count()).toBe(0);
        await adviser.getByRole('textbox', { name: 'Comment (required)' }).fill(COMMENT);
        await adviser.getByRole('button', { name: 'Add comment' }).click();
        await adviser.getByText(COMMENT).waitFor();
        axeFound.push(...(await axeCheck(adviser, 'shared campaign @1280')));
      },
      TIMEOUT,
    );

    it(
      "shows the adviser nothing of B's data or of A's unshared campaign, on the pages or by address",
      async () => {
        await refused(async () => {
          for (const id of [b.campaign, a.private]) {
            await visit(adviser, `/adviser/campaigns/${id}`);
            await adviser.getByText('This campaign is not shared with you, or no longer is').waitFor();
          }
          // The member's own pages hold only the adviser's own (empty) data.
          await visit(adviser, `/campaigns/${b.campaign}`);
          await adviser.getByText('This does not exist any more').waitFor();
          await visit(adviser, `/contacts/${b.contact}`);
          await adviser.getByText('This does not exist any more').waitFor();
          await visit(adviser, '/contacts?q=Birgit');
          await adviser.getByRole('heading', { name: 'No one matches' }).waitFor();
        });
        for (const url of [
          `/adviser/campaigns/${b.campaign}`,
          `/adviser/campaigns/${a.private}`,
          `/campaigns/${b.campaign}`,
          `/campaigns/${a.shared}`,
          `/contacts/${b.contact}`,
          `/contacts/${a.contact}`,
          `/interviews/${b.interview}`,
          `/campaigns/${b.campaign}/comments`,
        ]) {
          const res = await adviser.request.get(`${app.base}/api/v1${url}`);
          expect(res.status(), url).toBe(404);
        }
        const found = await callAs<{ contacts: unknown[]; notes: unknown[] }>(app, adviserCtx, 'GET', '/search?q=Birgit');
        expect(found).toEqual({ contacts: [], notes: [] });
        const cohort = await callAs<{ members: { email: string | null }[] }>(app, adviserCtx, 'GET', '/adviser/cohort');
        expect(cohort.members.map((m) => m.email)).toEqual([MEMBER_A.email]);
      },
      TIMEOUT,
    );

    it(
      "never shows B anything of A's: not the campaign, the contact, the comment or the cohort",
      async () => {
        await refused(async () => {
          await visit(memberB, `/campaigns/${a.shared}`);
          await memberB.getByText('This does not exist any more').waitFor();
          await visit(memberB, `/contacts/${a.contact}`);
          await memberB.getByText('This does not exist any more').waitFor();
          await visit(memberB, '/contacts?q=Ana');
          await memberB.getByRole('heading', { name: 'No one matches' }).waitFor();
        });
        for (const [url, status] of [
          [`/campaigns/${a.shared}`, 404],
          [`/campaigns/${a.shared}/comments`, 404],
          [`/contacts/${a.contact}`, 404],
          [`/interviews/${a.interview}`, 404],
          [`/adviser/campaigns/${a.shared}`, 403],
          ['/adviser/cohort', 403],
        ] as const) {
          const res = await memberB.request.get(`${app.base}/api/v1${url}`);
          expect(res.status(), url).toBe(status);
        }
        const mine = await callAs<{ items: { field: string }[] }>(app, bCtx, 'GET', '/campaigns');
        expect(mine.items.map((c) => c.field)).toEqual(['Renewable energy policy']);
        const contacts = await callAs<{ items: { name: string }[] }>(app, bCtx, 'GET', '/contacts');
        expect(contacts.items.map((c) => c.name)).toEqual(['Birgit Lund']);
        const found = await callAs<{ contacts: unknown[]; notes: unknown[] }>(app, bCtx, 'GET', '/search?q=Ana');
        expect(found).toEqual({ contacts: [], notes: [] });
      },
      TIMEOUT,
    );

    it(
      "lets A read the adviser's comment and revoke; the adviser loses the campaign at once",
      async () => {
        // The adviser has the campaign open while A revokes.
        await visit(adviser, `/adviser/campaigns/${a.shared}`);
        await adviser.getByText(COMMENT).waitFor();
        await visit(memberA, `/campaigns/${a.shared}`);
        const panel = memberA.getByRole('region', { name: 'Sharing' });
        await panel.getByText(COMMENT).waitFor();
        await panel.getByRole('button', { name: `Revoke access for ${ADVISER.name}` }).click();
        await panel.getByText('Only you can see this campaign.').waitFor();

        await refused(async () => {
          await adviser.reload();
          await adviser.getByText('This campaign is not shared with you, or no longer is').waitFor();
        });
        expect((await adviser.request.get(`${app.base}/api/v1/adviser/campaigns/${a.shared}`)).status()).toBe(404);
        await visit(adviser, '/cohort');
        await adviser.getByText('Nobody has shared a campaign with you yet').waitFor();
        await Promise.all([adviserCtx.close(), aCtx.close(), bCtx.close()]);
        expect(problems).toEqual([]);
        expect(axeFound).toEqual([]);
      },
      TIMEOUT,
    );
  },
  { database: 'postgres', serverArgs: ['--accounts'] },
);

interface NoteRow {
  questionId: string | null;
  text: string;
  kinds: string[];
}

const lan = lanAddress();
browserSuite(
  'live mode from a phone on the network (serve --host 0.0.0.0, PostgreSQL)',
  (app) => {
    const { open, visit, axeCheck, problems } = app;

    it(
      'turns accounts on by itself; the owner signs in on a touch phone and takes notes in live mode',
      async () => {
        // The phone reaches the laptop by its network address; a machine without one falls back to loopback.
        if (!lan) console.warn('[e2e] No non-loopback IPv4 address here: the phone reaches the server through 127.0.0.1.');
        expect(new URL(app.base).hostname).toBe(lan ?? '127.0.0.1');
        expect(app.serverOutput()).toContain('with accounts');
        expect((await fetch(`${app.base}/api/v1/contacts`)).status).toBe(401);
        // Cross-Origin-Opener-Policy only where a browser applies it (loopback or https): over plain
        // http to a network address Chromium ignores it with a console error.
        const port = new URL(app.base).port;
        expect((await fetch(`http://127.0.0.1:${port}/`)).headers.get('cross-origin-opener-policy')).toBe('same-origin');
        if (lan) expect((await fetch(`${app.base}/`)).headers.get('cross-origin-opener-policy')).toBeNull();

        // On the laptop: the owner sets up their account and plans a meeting.
        const token = await setupToken(app);
        const { ctx: laptop } = await open({ width: 1280 });
        await callAs(app, laptop, 'POST', '/auth/setup', { token, email: ADMIN.email, name: ADMIN.name, password: PASSWORD });
        await callAs(app, laptop, 'PATCH', '/settings', { timezone: 'UTC' });
        const campaign = await callAs<{ id: string }>(app, laptop, 'POST', '/campaigns', {
          field: 'Health UX research',
          situation: 'career-change',
        });
        const grace = await callAs<{ id: string }>(app, laptop, 'POST', '/contacts', { name: 'Grace Mensah' });
        const { id } = await callAs<{ id: string }>(app, laptop, 'POST', '/interviews', { campaignId: campaign.id, contactId: grace.id });
        await callAs(app, laptop, 'POST', `/interviews/${id}/schedule`, { at: '2026-03-05T09:30:00Z', minutes: 20 });
        const plan = await callAs<{ questions: { id: string; text: string }[] }>(app, laptop, 'GET', `/interviews/${id}/plan`);
        const q1 = plan.questions[0]!;

        // On the phone: a new browser with a touch screen, sent to sign in first.
        const { ctx: phoneCtx, page: phone } = await open({ width: 390, height: 844, mobile: true });
        await visit(phone, `/interviews/${id}/live`);
        expect(new URL(phone.url()).pathname).toBe('/login');
        await signIn(phone, ADMIN, true);
        await phone.getByRole('heading', { level: 1, name: 'Grace Mensah' }).waitFor();
        expect(new URL(phone.url()).pathname).toBe(`/interviews/${id}/live`);
        await phone.getByText(q1.text, { exact: true }).first().waitFor();
        const scrollWidth = await phone.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        );
        expect(scrollWidth).toBeLessThanOrEqual(390);

        const notes = phone.getByRole('textbox', { name: 'Your notes' });
        await notes.tap();
        await notes.fill('Clinics hire researchers through agencies first');
        await phone.getByRole('button', { name: 'Industry', exact: true }).tap();
        await phone.locator('.live-save', { hasText: /^Saved$/ }).waitFor();
        // The laptop sees what the phone wrote.
        await expect
          .poll(async () => (await callAs<{ items: NoteRow[] }>(app, laptop, 'GET', `/notes?interviewId=${id}`)).items)
          .toEqual([
            expect.objectContaining({ questionId: q1.id, text: 'Clinics hire researchers through agencies first', kinds: ['industry'] }),
          ]);

        expect(await axeCheck(phone, 'live on a phone @390')).toEqual([]);
        await Promise.all([phoneCtx.close(), laptop.close()]);
        expect(problems).toEqual([]);
      },
      TIMEOUT * 2,
    );
  },
  { database: 'postgres', host: '0.0.0.0' },
);
