// The TOTP second factor in Chromium, on the real server with --accounts: the admin sets one up from
// the Account page (a QR code drawn as SVG squares, the key to type in, a first code, ten recovery
// codes shown once), then requires one of advisers and admins; a newly registered adviser sees only
// the set-up screen (the API answers 403 elsewhere) until they set theirs up; signing in again asks
// for the code after the password, refuses a wrong one and takes a right one; a recovery code signs
// the admin in. Codes are computed here from the key, at the server's own clock (COFFEECHAT_NOW).
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { totpAt } from '../src/server/auth/totp.js';
import { browserSuite, TIMEOUT } from './harness.js';

const PASSWORD = 'correct horse battery staple';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.org' };
const ADVISER = { name: 'Ravi Adviser', email: 'ravi@example.org' };

browserSuite(
  'the second factor in Chromium',
  (app) => {
    const { open, visit, axeCheck, problems, serverOutput } = app;
    const axeFound: string[] = [];
    let adminCtx: BrowserContext;
    let admin: Page;
    let adviserCtx: BrowserContext;
    let adviser: Page;
    let adminSecret = '';
    let adviserSecret = '';
    let recovery: string[] = [];
    /** The server's clock minus this process's (the server runs from COFFEECHAT_NOW). */
    let offset = 0;
    const serverNow = (ahead = 0) => new Date(Date.now() + offset + ahead);
    const path = (page: Page) => new URL(page.url()).pathname;

    /** Console errors a step causes on purpose (the 401 of a wrong code, the 403 before set-up) are not problems. */
    async function expecting(status: 401 | 403, step: () => Promise<void>): Promise<void> {
      const before = problems.length;
      await step();
      const during = problems.splice(before);
      problems.push(...during.filter((p) => !p.includes(`status of ${status}`)));
    }

    /** Sets up the second factor on a page showing the set-up button; returns the key. */
    async function enrol(page: Page, label: string): Promise<{ secret: string; codes: string[] }> {
      await page.getByRole('button', { name: 'Set up a second factor' }).click();
      const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
      await qr.waitFor();
      expect(await qr.locator('rect').count()).toBeGreaterThan(100);
      axeFound.push(...(await axeCheck(page, `two-factor set-up (${label})`)));
      const secret = ((await page.getByLabel('Secret key').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await page.getByLabel('Code from the app').fill(totpAt(secret, serverNow()));
      await page.getByRole('button', { name: 'Turn on the second factor' }).click();
      const list = page.getByRole('list', { name: 'Recovery codes' });
      await list.waitFor();
      const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
      expect(codes).toHaveLength(10);
      await page.getByRole('button', { name: 'I have saved them' }).click();
      return { secret, codes };
    }

    const apiStatus = (page: Page, p: string) => page.evaluate(async (url) => (await fetch(url)).status, `/api/v1${p}`);

    it(
      'lets the admin set up a second factor with a QR code, a first code and recovery codes',
      async () => {
        const printed = () => /setup token\W*([A-Za-z0-9_-]{16,})/i.exec(serverOutput())?.[1];
        await expect.poll(printed, { timeout: 5000, message: `no setup token in the server's output:\n${serverOutput()}` }).toBeTruthy();
        ({ ctx: adminCtx, page: admin } = await open({ width: 1280 }));
        await visit(admin, '/setup');
        await admin.getByLabel('Setup token').fill(printed()!);
        await admin.getByLabel('Your name').fill(ADMIN.name);
        await admin.getByLabel('E-mail').fill(ADMIN.email);
        await admin.getByLabel('Password').fill(PASSWORD);
        await admin.getByRole('button', { name: 'Make the admin account' }).click();
        await admin.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
        const now = await admin.evaluate(async () => ((await (await fetch('/api/v1/today')).json()) as { now: string }).now);
        offset = new Date(now).getTime() - Date.now();

        await visit(admin, '/account');
        const panel = admin.getByRole('region', { name: 'Second factor' });
        await panel.waitFor();
        ({ secret: adminSecret, codes: recovery } = await enrol(admin, 'admin'));
        await admin.getByText('Your second factor is on.').waitFor();
        await admin.getByText('Recovery codes left: 10.').waitFor();
      },
      TIMEOUT,
    );

    it(
      'lets the admin require a second factor of advisers and admins',
      async () => {
        await visit(admin, '/admin');
        const rule = admin.getByLabel('Advisers and admins must use a second factor');
        await rule.check();
        await admin.getByText('Advisers and admins must now use a second factor.').waitFor();
        await admin.getByText(`Second factor on: ${ADMIN.name}.`).waitFor();
        axeFound.push(...(await axeCheck(admin, 'admin with the second factor rule')));
      },
      TIMEOUT,
    );

    it(
      'shows a new adviser only the set-up screen until their second factor is on',
      async () => {
        await admin.getByLabel('E-mail').fill(ADVISER.email);
        await admin.getByLabel('Role', { exact: true }).selectOption('adviser');
        await admin.getByRole('button', { name: 'Make an invitation' }).click();
        const link = await admin.getByLabel(`Invitation link for ${ADVISER.email}`).inputValue();
        const u = new URL(link, app.base);

        ({ ctx: adviserCtx, page: adviser } = await open({ width: 1280 }));
        await visit(adviser, u.pathname + u.search);
        await adviser.getByLabel('E-mail').fill(ADVISER.email);
        await adviser.getByLabel('Your name').fill(ADVISER.name);
        await adviser.getByLabel('Password').fill(PASSWORD);
        await adviser.getByRole('button', { name: 'Create the account' }).click();
        await adviser.getByRole('heading', { level: 1, name: 'Set up a second factor' }).waitFor();
        await expecting(403, async () => {
          expect(await apiStatus(adviser, '/adviser/cohort')).toBe(403);
        });
        // Another page of the app shows the same screen.
        await visit(adviser, '/contacts');
        await adviser.getByRole('heading', { level: 1, name: 'Set up a second factor' }).waitFor();

        ({ secret: adviserSecret } = await enrol(adviser, 'adviser'));
        await adviser.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
        expect(await apiStatus(adviser, '/adviser/cohort')).toBe(200);
      },
      TIMEOUT,
    );

    it(
      'asks for the code after the password, refuses a wrong one and takes the right one',
      async () => {
        await adviser.getByRole('navigation', { name: 'Primary' }).getByRole('button', { name: 'Sign out' }).click();
        await adviser.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await adviser.getByLabel('E-mail').fill(ADVISER.email);
        await adviser.getByLabel('Password').fill(PASSWORD);
        await adviser.getByRole('button', { name: 'Sign in' }).click();
        await adviser.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
        expect(await adviser.getByLabel('Code').getAttribute('autocomplete')).toBe('one-time-code');
        axeFound.push(...(await axeCheck(adviser, 'sign-in code step')));
        // The password alone started no session.
        const session = await adviser.evaluate(async () => (await (await fetch('/api/v1/session')).json()) as { user: unknown });
        expect(session.user).toBeNull();

        const right = totpAt(adviserSecret, serverNow(30_000)); // the next step's: the set-up code's step is used
        await expecting(401, async () => {
          await adviser.getByLabel('Code').fill(right === '000000' ? '111111' : '000000');
          await adviser.getByRole('button', { name: 'Sign in' }).click();
          await adviser.getByRole('alert').getByText('Wrong code.').waitFor();
        });
        await adviser.getByLabel('Code').fill(right);
        await adviser.getByRole('button', { name: 'Sign in' }).click();
        await adviser.waitForURL((url) => url.pathname === '/cohort');
        await adviserCtx.close();
      },
      TIMEOUT,
    );

    it(
      'signs the admin in with a recovery code, once',
      async () => {
        expect(adminSecret).not.toBe('');
        await admin.getByRole('navigation', { name: 'Primary' }).getByRole('button', { name: 'Sign out' }).click();
        await admin.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await admin.getByLabel('E-mail').fill(ADMIN.email);
        await admin.getByLabel('Password').fill(PASSWORD);
        await admin.getByRole('button', { name: 'Sign in' }).click();
        await admin.getByLabel('Code').fill(recovery[0]!);
        await admin.getByRole('button', { name: 'Sign in' }).click();
        await admin.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
        expect(path(admin)).toBe('/admin');
        await visit(admin, '/account');
        await admin.getByText('Recovery codes left: 9.').waitFor();
        await adminCtx.close();
        expect(axeFound).toEqual([]);
        expect(problems).toEqual([]);
      },
      TIMEOUT,
    );
  },
  { serverArgs: ['--accounts'] },
);
