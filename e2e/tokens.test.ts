// API tokens in Chromium, on the real server with --accounts: the signed-in user makes a token on
// the Account page and sees it once, a script (no cookies, just the header) can read with it but
// not write, the page never shows the token again, and revoking it there stops it at once.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

const PASSWORD = 'correct horse battery staple';

browserSuite(
  'API tokens in Chromium',
  (app) => {
    const { open, visit, axeCheck, problems, serverOutput } = app;
    const axeFound: string[] = [];
    let page: Page;
    let token = '';

    /** A script's request: the token in the Authorization header, no cookie. */
    const script = (method: string, path: string, body?: unknown) =>
      fetch(`${app.base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    it(
      'makes a token on the Account page and shows it once',
      async () => {
        const printed = () => /setup token\W*([A-Za-z0-9_-]{16,})/i.exec(serverOutput())?.[1];
        await expect.poll(printed, { timeout: 5000 }).toBeTruthy();
        ({ page } = await open({ width: 1280 }));
        await visit(page, '/setup');
        await page.getByLabel('Setup token').fill(printed()!);
        await page.getByLabel('Your name').fill('Tomas Token');
        await page.getByLabel('E-mail').fill('tomas@example.org');
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Make the admin account' }).click();
        // Hashing the password and loading the admin page can be slow on a busy CI machine.
        await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor({ timeout: 60_000 });

        await visit(page, '/account');
        const section = page.getByRole('region', { name: 'API tokens' });
        await section.getByText('You have no API tokens.').waitFor();
        await section.getByLabel('Token name').fill('Nightly report');
        await section.getByLabel('Access').selectOption('read');
        await section.getByLabel('Expires after').selectOption('30');
        await section.getByRole('button', { name: 'Make a token' }).click();
        const shown = section.getByLabel('Your new token');
        await shown.waitFor();
        token = await shown.inputValue();
        expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
        await section.getByText('Copy it now: it is not shown again.', { exact: false }).waitFor();
        const row = section.getByRole('table', { name: 'Your API tokens' }).getByRole('row', { name: /Nightly report/ });
        await row.getByText('Read only').waitFor();
        await row.getByText(`${token.slice(0, 9)}…`).waitFor();
        axeFound.push(...(await axeCheck(page, 'account with a new token @1280')));
      },
      TIMEOUT,
    );

    it(
      'lets a script read with the read-only token, but not write, and the page keeps the token hidden after',
      async () => {
        const read = await script('GET', '/contacts');
        expect(read.status).toBe(200);
        const write = await script('POST', '/contacts', { name: 'Nobody Written' });
        expect(write.status).toBe(403);
        expect(((await write.json()) as { error: { message: string } }).error.message).toBe('This token may only read.');

        const section = page.getByRole('region', { name: 'API tokens' });
        await section.getByRole('button', { name: 'I have copied it' }).click();
        expect(await section.getByLabel('Your new token').count()).toBe(0);
        await visit(page, '/account');
        const row = page.getByRole('row', { name: /Nightly report/ });
        await row.waitFor();
        expect(await row.textContent()).not.toContain('Never used'); // the script's request counts as a use
        expect(await page.content()).not.toContain(token.slice(9));
      },
      TIMEOUT,
    );

    it(
      'revokes the token after asking, and the script is refused at once',
      async () => {
        const section = page.getByRole('region', { name: 'API tokens' });
        await section.getByRole('button', { name: 'Revoke… the token Nightly report' }).click();
        await section.getByText('Scripts using “Nightly report” stop working at once.').waitFor();
        axeFound.push(...(await axeCheck(page, 'revoking a token @1280')));
        await section.getByRole('button', { name: 'Yes, revoke “Nightly report”' }).click();
        await section.getByText('You have no API tokens.').waitFor();
        const after = await script('GET', '/contacts');
        expect(after.status).toBe(401);
        expect(problems).toEqual([]);
        expect(axeFound).toEqual([]);
      },
      TIMEOUT,
    );
  },
  { serverArgs: ['--accounts'] },
);
