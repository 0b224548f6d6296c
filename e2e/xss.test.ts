// The XSS corpus in Chromium (issue 7, part 6): every payload of test/fixtures/xss-payloads.txt is
// put through the API into names, organisations, titles, locations, research, tags, notes, touches,
// campaign fields, a template, a prep sheet and a crafted vCard import, then the pages that show
// them are opened with a trap: any payload that runs calls `__xss(n)`, opens a dialog, throws, or
// trips the Content-Security-Policy (which would hide a hole rather than prove there is none).
// Each page must show the payloads as literal text and hold no element a payload could have made.
// The field brief's HTML download is opened in the browser the same way, and the Markdown
// downloads are checked to escape every tag and link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, root, TIMEOUT } from './harness.js';

const PAYLOADS = readFileSync(join(root, 'test', 'fixtures', 'xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('# '));

/** As many payloads as a campaign's objective holds (2,000 characters). */
const objective = PAYLOADS.filter((_p, i) => PAYLOADS.slice(0, i + 1).join('\n').length <= 2000);

/** How a page shows a text: trimmed, runs of white space as one space. */
const shown = (s: string) => s.replace(/\s+/g, ' ').trim();

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

interface Trapped {
  ran: number[];
  violations: string[];
}

/** Installed before any page script: the function payloads call, and a CSP violation log. */
function trap(): void {
  const w = globalThis as unknown as {
    __xss: (n: number) => void;
    __trapped: Trapped;
    addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  w.__trapped = { ran: [], violations: [] };
  w.__xss = (n) => w.__trapped.ran.push(n);
  w.addEventListener('securitypolicyviolation', (e) => w.__trapped.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** Elements and attributes that only injected markup could have put into the page. */
function injected(): string[] {
  const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<DomEl> } }).document;
  interface DomEl {
    tagName: string;
    attributes: ArrayLike<{ name: string; value: string }>;
  }
  const found: string[] = [];
  for (const el of Array.from(d.querySelectorAll('body *'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'template', 'marquee', 'foreignobject'].includes(tag))
      found.push(`<${tag}>`);
    for (const a of Array.from(el.attributes)) {
      // As a browser reads a URL: control characters and spaces do not count.
      const value = Array.from(a.value)
        .filter((ch) => ch.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (a.name.startsWith('on') || a.name === 'srcdoc' || a.name === 'formaction') found.push(`<${tag} ${a.name}>`);
      if (['href', 'src', 'xlink:href', 'action', 'data'].includes(a.name) && /^(javascript|vbscript|data):/.test(value))
        found.push(`<${tag} ${a.name}="${a.value}">`);
    }
  }
  return found;
}

browserSuite('XSS corpus in Chromium', (app) => {
  const { open, visit, problems } = app;
  /** app.api, but a refusal names what the server said. */
  async function api<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await fetch(app.base + path, init);
    const text = await res.text();
    expect(res.ok, `${init?.method ?? 'GET'} ${path} answered ${res.status}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  }
  const ids = { contacts: [] as string[], campaign: '', interview: '', template: '', linked: '' };

  /**
   * `read: 'content'` for a page whose items off screen are skipped by `content-visibility: auto`
   * (Today): innerText leaves them out although they are in the page, readable and findable.
   */
  async function check(page: Page, where: string, expected: string[], read: 'inner' | 'content' = 'inner'): Promise<void> {
    const body = page.locator('body');
    const text = shown(read === 'inner' ? await body.innerText() : ((await body.textContent()) ?? ''));
    const missing = expected.map(shown).filter((p) => !text.includes(p));
    expect(missing, `${where}: payloads not shown as text`).toEqual([]);
    expect(await page.evaluate(injected), `${where}: injected markup`).toEqual([]);
    const t = await page.evaluate(() => (globalThis as unknown as { __trapped: Trapped }).__trapped);
    expect(t.ran, `${where}: payloads that ran`).toEqual([]);
    expect(t.violations, `${where}: CSP violations`).toEqual([]);
  }

  it('the corpus is varied and large enough', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
  });

  it(
    'the trap catches a payload that does run (so a pass means something)',
    async () => {
      const { ctx, page } = await open({ width: 800 });
      await page.goto('about:blank');
      await page.evaluate(trap);
      await page.setContent(`<p>${PAYLOADS[2]}</p>`); // as if a page had put it in as markup
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __trapped: Trapped }).__trapped.ran)).toEqual([3]);
      expect(await page.evaluate(injected)).toEqual(['<img onerror>']);
      await ctx.close();
    },
    TIMEOUT,
  );

  it(
    'stores every payload through the API',
    async () => {
      const P = PAYLOADS;
      const n = P.length;
      const all = P.join('\n');
      const short = P.filter((p) => p.trim().length <= 60);
      for (let i = 0; i < n; i++) {
        const c = await api<{ id: string }>(
          '/api/v1/contacts',
          json('POST', {
            name: P[i],
            organisation: P[(i + 1) % n],
            title: P[(i + 2) % n],
            location: P[(i + 3) % n],
            research: i === 0 ? all : P[(i + 4) % n],
            emails: i === 0 ? ['first@example.org'] : [],
            tags: [short[i % short.length], short[(i + 1) % short.length]],
          }),
        );
        ids.contacts.push(c.id);
      }
      ids.campaign = (
        await api<{ id: string }>(
          '/api/v1/campaigns',
          json('POST', { field: P[0], situation: 'career-change', objective: objective.join('\n') }),
        )
      ).id;

      // Ten people in the campaign: the first met (notes, prep, a meeting), the others asked two
      // weeks ago, so Today lists their follow-ups.
      for (let i = 0; i < 10; i++) {
        const iv = await api<{ id: string }>('/api/v1/interviews', json('POST', { campaignId: ids.campaign, contactId: ids.contacts[i] }));
        if (i === 0) ids.interview = iv.id;
        else
          await api(
            '/api/v1/touches',
            json('POST', {
              contactId: ids.contacts[i],
              interviewId: iv.id,
              channel: 'email',
              purpose: 'request',
              at: '2026-02-16T10:00:00Z',
              text: P[i],
            }),
          );
      }
      const iv = ids.interview;
      await api(
        `/api/v1/interviews/${iv}/schedule`,
        json('POST', { at: '2026-03-06T15:00:00Z', minutes: 30, mode: 'video', place: P[5], link: 'https://meet.example.org/x' }),
      );
      for (let i = 0; i < n; i++) {
        await api('/api/v1/notes', json('POST', { interviewId: iv, questionId: 'how-in', text: P[i], kinds: ['search-tips'] }));
      }
      await api('/api/v1/notes', json('POST', { contactId: ids.contacts[0], text: all }));
      await api(
        `/api/v1/interviews/${iv}/prep`,
        json('PATCH', {
          researchNotes: all,
          objectives: P.slice(0, 10).filter((p) => p.length <= 300),
          talkingPoints: { 'prep-about-me': P[20] },
        }),
      );
      // Everyone introduced in a chain, so the network picture draws them all.
      for (let i = 1; i < n; i++) {
        await api(
          '/api/v1/introductions',
          json('POST', { introducerId: ids.contacts[i - 1], contactId: ids.contacts[i], permission: 'granted' }),
        );
      }
      // A template may not hold unknown placeholders, so the template-injection payloads go in its name.
      const body = P.filter((p) => !/[{}]/.test(p));
      ids.template = (
        await api<{ id: string }>(
          '/api/v1/templates',
          json('POST', {
            name: P.filter((p) => /[{}]/.test(p))
              .slice(0, 3)
              .join(' '),
            purpose: 'request',
            channel: 'email',
            subject: 'Hello {contact.firstName}',
            body: `Dear {contact.firstName},\n${body.join('\n')}`,
          }),
        )
      ).id;
      // A crafted vCard may name a javascript: URL as the LinkedIn profile: it must not become a link.
      const card = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Linda Link',
        'X-SOCIALPROFILE;TYPE=linkedin:javascript:__xss(101)',
        'URL;TYPE=linkedin:javascript:__xss(102)',
        'END:VCARD',
        '',
      ].join('\r\n');
      const res = await fetch(`${app.base}/api/v1/import?format=vcard`, {
        method: 'POST',
        headers: { 'content-type': 'text/vcard' },
        body: card,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const found = await api<{ items: { id: string; name: string; linkedinUrl: string | null }[] }>('/api/v1/contacts?q=Linda');
      ids.linked = found.items[0]!.id;
      expect(found.items[0]!.linkedinUrl).toBeNull();
      // A database filled before imports checked this may hold such an address: the page shows it as text.
      const db = new Database(app.db);
      db.prepare('UPDATE contacts SET linkedin_url = ? WHERE id = ?').run(' javascript:__xss(103)', ids.contacts[1]);
      db.close();
    },
    TIMEOUT * 3,
  );

  it(
    'shows every payload as text on the pages, and none runs',
    async () => {
      const { ctx, page } = await open({ width: 1280 });
      await ctx.addInitScript(trap);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const P = PAYLOADS;

      const firstPage = await api<{ items: { name: string }[] }>('/api/v1/contacts');
      await visit(page, '/contacts');
      await check(
        page,
        '/contacts',
        firstPage.items.map((c) => c.name),
      );

      await visit(page, `/contacts/${ids.contacts[0]}`);
      await check(page, 'contact page', P); // name, organisation, title, location, research, notes

      await visit(page, `/contacts/${ids.contacts[1]}`);
      await check(page, 'contact with an old javascript: address', ['javascript:__xss(103)']);

      await visit(page, `/contacts/${ids.linked}`);
      await check(page, 'imported contact', ['javascript:__xss(101)']);

      await visit(page, `/campaigns/${ids.campaign}`);
      await page.locator('[data-status], .pipeline, main').first().waitFor();
      await check(page, 'campaign page', [...P.slice(0, 10), ...objective]); // field, objective, the people in it

      await visit(page, `/interviews/${ids.interview}`);
      await check(page, 'interview page', P); // the person, the place, every note

      const today = await api<{ actions: { contactName: string }[]; upcoming: { contactName: string }[] }>('/api/v1/today');
      expect(today.actions.length + today.upcoming.length).toBeGreaterThan(0);
      await visit(page, '/');
      // Today builds the first few actions of each list first and the rest just after.
      await page
        .locator('li.action')
        .nth(today.actions.length + today.upcoming.length - 1)
        .waitFor({ state: 'attached' });
      await check(
        page,
        'Today',
        [...today.actions, ...today.upcoming].map((a) => a.contactName),
        'content',
      );

      await visit(page, `/insights?campaign=${ids.campaign}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await check(page, 'insights', P.slice(0, 10)); // the campaign and the people met or asked

      await visit(page, '/network');
      await page.locator('[data-node-id]').first().waitFor();
      const labels = await page.locator('[data-node-id]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(labels.length).toBe(P.length + 1); // and "you"
      for (const p of P.slice(0, 10))
        expect(
          labels.some((l) => shown(l).includes(shown(p))),
          `network label for ${p}`,
        ).toBe(true);
      await check(page, 'network', []);

      await visit(page, `/interviews/${ids.interview}/draft?template=${ids.template}`);
      const message = page.getByLabel('Message', { exact: true });
      await expect.poll(() => message.inputValue()).toContain('<script>__xss(1)</script>');
      const href = (await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href')) ?? '';
      expect(href).toMatch(/^mailto:[^<>"`\s]*$/); // markup characters and spaces percent-encoded
      expect(decodeURIComponent(href.slice(href.indexOf('body=') + 5))).toContain('<img src=x onerror=__xss(3)>');
      await check(page, 'draft', P); // the template's name and body, the person's name filled in

      await visit(page, `/interviews/${ids.interview}/prep`);
      await check(page, 'prep', P); // the person, objectives, research notes

      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await ctx.close();
    },
    TIMEOUT * 3,
  );

  it(
    'escapes every payload in the field brief (HTML opened in Chromium) and the Markdown downloads',
    async () => {
      const html = await (await fetch(`${app.base}/api/v1/campaigns/${ids.campaign}/brief.html`)).text();
      const { ctx, page } = await open({ width: 1280 });
      await ctx.addInitScript(trap);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // As the downloaded file opens on its own: no server policy, only the file's own markup.
      await page.goto('about:blank');
      await page.evaluate(trap);
      await page.setContent(html);
      await check(page, 'brief.html', PAYLOADS.slice(0, 10)); // the field and the people
      // and the notes, as many as the brief lists (it may cap a long list)
      const text = shown(await page.locator('body').innerText());
      expect(PAYLOADS.filter((p) => text.includes(shown(p))).length).toBeGreaterThanOrEqual(40);
      expect(dialogs).toEqual([]);
      await ctx.close();

      for (const path of [`/api/v1/campaigns/${ids.campaign}/brief.md`, `/api/v1/interviews/${ids.interview}/prep.md`]) {
        const md = await (await fetch(app.base + path)).text();
        // Outside the <br> the writer adds in table cells, every < and [ is escaped, so no
        // Markdown renderer makes a tag or a link out of user text.
        const userText = md.replace(/<br>/g, '').replace(/^(\s*)- \[[ x]\] /gm, '$1');
        expect(userText.match(/(?<!\\)[<[]/g), path).toBeNull();
        expect(md).toContain('\\<script\\>\\_\\_xss(1)\\</script\\>');
      }
    },
    TIMEOUT,
  );
});
