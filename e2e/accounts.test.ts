// Server mode in Chromium: the real server started with --accounts on SQLite. The first visitor
// is sent to setup, which needs the one-time token the server printed on its console; the admin
// then invites an adviser and a member, who each register in their own browser (separate cookie
// jars); the member cannot open the admin page (the page says so, the API answers 403); signing
// out ends the session (the API answers 401 after it); a wrong password gets the one generic
// message; deleting the account takes the password and the account cannot sign in afterwards; an
// admin's reset link lets the adviser choose a new password; and a session that disappears under
// an open page sends its user back to sign in.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

const PASSWORD = 'correct horse battery staple';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.org' };
const ADVISER = { name: 'Ravi Adviser', email: 'ravi@example.org' };
const MEMBER = { name: 'Mina Member', email: 'mina@example.org' };

browserSuite(
  'accounts in Chromium',
  (app) => {
    const { open, visit, axeCheck, problems, serverOutput } = app;
    const axeFound: string[] = [];
    let adminCtx: BrowserContext;
    let admin: Page;
    let memberCtx: BrowserContext;
    let member: Page;
    const links: Record<string, string> = {};

    /** Console errors a step causes on purpose, such as the 401 of a wrong password, are not problems. */
    async function expecting(status: 400 | 401, step: () => Promise<void>): Promise<void> {
      const before = problems.length;
      await step();
      const during = problems.splice(before);
      problems.push(...during.filter((p) => !p.includes(`status of ${status}`)));
    }

    const nav = (page: Page) => page.getByRole('navigation', { name: 'Primary' });
    const path = (page: Page) => new URL(page.url()).pathname;
    /** The invitation link as a path of the server under test, whatever base URL it names. */
    const local = (url: string) => {
      const u = new URL(url, app.base);
      return u.pathname + u.search;
    };

    it(
      'sends the first visitor to setup, which takes the token printed on the console',
      async () => {
        // The server prints the token as it starts listening; the pipe may lag its first answer.
        const printed = () => /setup token\W*([A-Za-z0-9_-]{16,})/i.exec(serverOutput())?.[1];
        await expect.poll(printed, { timeout: 5000, message: `no setup token in the server's output:\n${serverOutput()}` }).toBeTruthy();
        const token = printed();

        ({ ctx: adminCtx, page: admin } = await open({ width: 1280 }));
        await visit(admin, '/contacts');
        expect(path(admin)).toBe('/setup');
        await admin.getByRole('heading', { level: 1, name: 'Set up coffeechat' }).waitFor();
        expect(await nav(admin).count()).toBe(0);
        axeFound.push(...(await axeCheck(admin, 'setup @1280')));

        await admin.getByLabel('Setup token').fill(token!);
        await admin.getByLabel('Your name').fill(ADMIN.name);
        await admin.getByLabel('E-mail').fill(ADMIN.email);
        await admin.getByLabel('Password').fill(PASSWORD);
        await expect(admin.getByLabel('Password').getAttribute('autocomplete')).resolves.toBe('new-password');
        await admin.getByRole('button', { name: 'Make the admin account' }).click();

        await admin.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
        expect(path(admin)).toBe('/admin');
        await nav(admin).getByRole('link', { name: 'Admin', exact: true }).waitFor();
        await nav(admin)
          .getByRole('link', { name: `Your account: ${ADMIN.name}` })
          .waitFor();
        await nav(admin).getByRole('button', { name: 'Sign out' }).waitFor();
      },
      TIMEOUT,
    );

    it(
      'lets the admin invite an adviser and a member, each with a link to copy',
      async () => {
        for (const [who, role] of [
          [ADVISER, 'adviser'],
          [MEMBER, 'member'],
        ] as const) {
          await admin.getByLabel('E-mail').fill(who.email);
          await admin.getByLabel('Role', { exact: true }).selectOption(role);
          await admin.getByRole('button', { name: 'Make an invitation' }).click();
          const link = admin.getByLabel(`Invitation link for ${who.email}`);
          await link.waitFor();
          links[role] = await link.inputValue();
          expect(links[role]).toContain('/register?invitation=');
        }
        const open = admin.getByRole('table', { name: 'Open invitations' });
        await open.getByRole('rowheader', { name: ADVISER.email }).waitFor();
        await open.getByRole('rowheader', { name: MEMBER.email }).waitFor();
        axeFound.push(...(await axeCheck(admin, 'admin @1280')));
      },
      TIMEOUT,
    );

    it(
      'lets the invited adviser register in their own browser, and starts them on the cohort page',
      async () => {
        const { ctx: adviserCtx, page: adviser } = await open({ width: 1280 });
        await visit(adviser, local(links.adviser!));
        await adviser.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
        axeFound.push(...(await axeCheck(adviser, 'register @1280')));
        await adviser.getByLabel('E-mail').fill(ADVISER.email);
        await adviser.getByLabel('Your name').fill(ADVISER.name);
        await adviser.getByLabel('Password').fill(PASSWORD);
        await adviser.getByRole('button', { name: 'Create the account' }).click();
        await adviser.waitForURL((u) => u.pathname === '/cohort');
        await nav(adviser).getByRole('link', { name: 'Cohort' }).waitFor();
        expect(await nav(adviser).getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
        await adviserCtx.close();
      },
      TIMEOUT,
    );

    it(
      'lets the invited member register, after which the admin sees both new accounts and no open invitation',
      async () => {
        ({ ctx: memberCtx, page: member } = await open({ width: 390 }));
        await visit(member, local(links.member!));
        await member.getByLabel('E-mail').fill(MEMBER.email);
        await member.getByLabel('Your name').fill(MEMBER.name);
        await member.getByLabel('Password').fill(PASSWORD);
        await member.getByRole('button', { name: 'Create the account' }).click();
        await member.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        expect(path(member)).toBe('/');

        // Both invitations are used up; the admin's list of accounts shows the two new people.
        await visit(admin, '/admin');
        await admin.getByText('No invitation is waiting to be used.').waitFor();
        const users = admin.getByRole('table', { name: 'Users' });
        await users.getByRole('rowheader', { name: ADVISER.name }).waitFor();
        await expect(users.getByLabel(`Role of ${MEMBER.name}`).inputValue()).resolves.toBe('member');
        await expect(users.getByLabel(`Role of ${ADVISER.name}`).inputValue()).resolves.toBe('adviser');
      },
      TIMEOUT,
    );

    it(
      'shows a member who opens the admin page that it is for admins only, and the API refuses too',
      async () => {
        await member.getByRole('button', { name: 'Menu' }).click();
        expect(await nav(member).getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
        await visit(member, '/admin');
        await member.getByRole('heading', { level: 1, name: 'Admins only' }).waitFor();
        axeFound.push(...(await axeCheck(member, 'admins only @390')));
        const res = await member.request.get(`${app.base}/api/v1/admin/users`);
        expect(res.status()).toBe(403);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe('forbidden');
      },
      TIMEOUT,
    );

    it(
      'signs out, after which the session no longer works, and a wrong password gets the generic answer',
      async () => {
        await visit(member, '/account');
        await member.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
        await member.getByText(MEMBER.email).waitFor();
        axeFound.push(...(await axeCheck(member, 'account @390')));
        await member.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
        await member.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await member.getByText('You are signed out.').waitFor();
        expect((await member.request.get(`${app.base}/api/v1/contacts`)).status()).toBe(401);

        // Pages need a session again: the way back leads to sign in, then to where the user was going.
        await visit(member, '/contacts');
        expect(path(member)).toBe('/login');
        axeFound.push(...(await axeCheck(member, 'login @390')));
        await expecting(401, async () => {
          await member.getByLabel('E-mail').fill(MEMBER.email);
          await member.getByLabel('Password').fill('not the password');
          await member.getByRole('button', { name: 'Sign in' }).click();
          await member.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
        });
        await expect(member.getByLabel('Password').getAttribute('autocomplete')).resolves.toBe('current-password');
        await member.getByLabel('Password').fill(PASSWORD);
        await member.getByRole('button', { name: 'Sign in' }).click();
        await member.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
        expect(path(member)).toBe('/contacts');
      },
      TIMEOUT,
    );

    it(
      'deletes the account only with its password, after which it cannot sign in',
      async () => {
        await visit(member, '/account');
        await member.getByRole('button', { name: 'Delete my account…' }).click();
        await expecting(400, async () => {
          await member.getByLabel('Your password').fill('not the password');
          await member.getByRole('button', { name: 'Delete my account and all its data' }).click();
          await member.getByText('The password is not right.').waitFor();
        });
        await expect(member.getByLabel('Your password').getAttribute('aria-invalid')).resolves.toBe('true');
        expect(path(member)).toBe('/account');

        await member.getByLabel('Your password').fill(PASSWORD);
        await member.getByRole('button', { name: 'Delete my account and all its data' }).click();
        await member.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await member.getByText('Your account and everything in it are deleted.').waitFor();
        await expecting(401, async () => {
          await member.getByLabel('E-mail').fill(MEMBER.email);
          await member.getByLabel('Password').fill(PASSWORD);
          await member.getByRole('button', { name: 'Sign in' }).click();
          await member.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
        });
      },
      TIMEOUT,
    );

    it(
      'lets the admin make a password reset link, with which the adviser chooses a new password',
      async () => {
        await visit(admin, '/admin');
        await admin.getByRole('button', { name: `Password reset link for ${ADVISER.name}` }).click();
        const link = admin.getByLabel(`Reset link for ${ADVISER.name}`);
        await link.waitFor();
        const url = await link.inputValue();
        expect(url).toContain('/reset?token=');

        const { ctx, page } = await open({ width: 1280 });
        await visit(page, local(url));
        await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
        axeFound.push(...(await axeCheck(page, 'reset @1280')));
        const field = page.locator('input').and(page.getByLabel('New password'));
        await expect(field.getAttribute('autocomplete')).resolves.toBe('new-password');
        await field.fill('a brand new passphrase');
        await page.getByRole('button', { name: 'Save the new password' }).click();
        await page.getByText('Your password is changed. Sign in with the new one.').waitFor();
        await page.getByLabel('E-mail').fill(ADVISER.email);
        await page.getByLabel('Password').fill('a brand new passphrase');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((u) => u.pathname === '/cohort');
        await ctx.close();
      },
      TIMEOUT,
    );

    it(
      'sends a user whose session ended elsewhere back to sign in',
      async () => {
        await expecting(401, async () => {
          await adminCtx.clearCookies();
          await nav(admin).getByRole('link', { name: 'Contacts' }).click();
          await admin.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        });
        expect(path(admin)).toBe('/login');
        expect(await nav(admin).count()).toBe(0);
        await memberCtx.close();
        await adminCtx.close();
        expect(problems).toEqual([]);
        expect(axeFound).toEqual([]);
      },
      TIMEOUT,
    );
  },
  { serverArgs: ['--accounts'] },
);
