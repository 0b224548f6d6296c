// Templates: the placeholder language, the built-in templates, and user templates saved beside
// them (unknown placeholders refused at save with where they are), through the operations and
// the HTTP API on both databases.
import { describe, expect, it } from 'vitest';
import { addTemplate, getTemplate, listTemplates } from '../src/app/templates.js';
import { AppError } from '../src/domain/errors.js';
import {
  BUILT_IN_TEMPLATES,
  checkTemplateText,
  lintablePart,
  mailtoUrl,
  renderTemplate,
  TEMPLATE_PURPOSES,
  type FillValues,
} from '../src/domain/templates/index.js';
import { apiOf } from './http.js';
import { codeOf, eachDialect } from './harness.js';

/** Typical values, a little longer than average, for length checks. */
const TYPICAL: FillValues = {
  'contact.firstName': 'Alexandra',
  'contact.lastName': 'Okafor-Lindqvist',
  'contact.name': 'Alexandra Okafor-Lindqvist',
  'contact.organisation': 'Northbridge Health Partners',
  'contact.title': 'Senior UX Researcher',
  'recipient.firstName': 'Alexandra',
  'recipient.name': 'Alexandra Okafor-Lindqvist',
  'introducer.name': 'Christopher Ferreira',
  'introducer.firstName': 'Christopher',
  'campaign.field': 'UX research in healthcare',
  'campaign.objective': 'Find out how teachers move into research',
  'user.name': 'Jordan Whitfield',
  'user.firstName': 'Jordan',
  minutes: 20,
  advice: 'Start with usability-testing contracts.',
};

describe('template language', () => {
  it('fills values, keeps or drops sections, and leaves what it cannot fill in place', () => {
    const text =
      'Hi {contact.firstName}! {#introducer.name}{introducer.name} sent me.{/introducer.name}{^introducer.name}We have not met.{/introducer.name} {user.name}';
    const granted = renderTemplate(text, { 'contact.firstName': 'Maya', 'introducer.name': 'Tom Lind', 'user.name': 'Alex' });
    expect(granted).toEqual({ text: 'Hi Maya! Tom Lind sent me. Alex', unfilled: [] });
    const without = renderTemplate(text, { 'contact.firstName': 'Maya', 'introducer.name': null });
    expect(without.text).toBe('Hi Maya! We have not met. {user.name}');
    expect(without.unfilled).toEqual(['user.name']);
    // Nested sections, and unknown names left exactly as written.
    const nested = renderTemplate(
      '{^introducer.name}Your work{#contact.organisation} at {contact.organisation}{/contact.organisation}.{/introducer.name} {nickname}',
      {
        'contact.organisation': 'CareLoop',
      },
    );
    expect(nested).toEqual({ text: 'Your work at CareLoop. {nickname}', unfilled: ['nickname'] });
    expect(
      renderTemplate(
        '{^introducer.name}Your work{#contact.organisation} at {contact.organisation}{/contact.organisation}.{/introducer.name}',
        {},
      ).text,
    ).toBe('Your work.');
  });

  it('reports unknown placeholders and unbalanced sections with line and column', () => {
    const problems = checkTemplateText('Hi {contact.firstName},\nsee {contact.nickname} and {#user.name}x', 'body');
    expect(problems.map((p) => [p.token, p.line, p.column])).toEqual([
      ['{contact.nickname}', 2, 5],
      ['{#user.name}', 2, 28],
    ]);
    expect(problems[0]!.message).toMatch(/not a placeholder/);
    expect(problems[1]!.message).toMatch(/never closed/);
    expect(checkTemplateText('{#minutes}a{/user.name}', 'body')[0]!.message).toMatch(/closes \{#minutes\}/);
    expect(checkTemplateText('{ contact.firstName } and {minutes}', 'body')).toEqual([]);
  });

  it('encodes a mailto: link so that line breaks and accents survive', () => {
    const url = mailtoUrl('sofía@example.org', 'Café & 20 minutes?', 'Line one\nLine two: a=b');
    expect(url).toBe('mailto:sof%C3%ADa@example.org?subject=Caf%C3%A9%20%26%2020%20minutes%3F&body=Line%20one%0D%0ALine%20two%3A%20a%3Db');
    expect(decodeURIComponent(/subject=([^&]*)/.exec(url)![1]!)).toBe('Café & 20 minutes?');
    expect(mailtoUrl(null, '', 'Hi')).toBe('mailto:?body=Hi');
  });
});

describe('built-in templates', () => {
  it('have stable ids, valid placeholders, and one for every purpose', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'request-email',
        'request-call',
        'request-linkedin',
        'intro-request-email',
        'follow-up-email',
        'thank-you-email',
        'update-email',
        'thank-introducer-email',
      ]),
    );
    for (const t of BUILT_IN_TEMPLATES) {
      expect(checkTemplateText(t.body, 'body'), t.id).toEqual([]);
      expect(checkTemplateText(t.subject ?? '', 'subject'), t.id).toEqual([]);
      expect(t.subject === null, t.id).toBe(t.channel !== 'email');
    }
    for (const p of TEMPLATE_PURPOSES)
      expect(
        BUILT_IN_TEMPLATES.some((t) => t.purpose === p && t.channel === 'email'),
        p,
      ).toBe(true);
  });

  it('keep LinkedIn notes within 300 characters when filled with typical names', () => {
    for (const t of BUILT_IN_TEMPLATES.filter((x) => x.channel === 'linkedin')) {
      const r = renderTemplate(t.body, TYPICAL);
      expect(r.unfilled, t.id).toEqual([]);
      expect(r.text.length, `${t.id}: ${r.text}`).toBeLessThanOrEqual(300);
    }
  });

  it('give the call script objections with answers and the two questions to ask on the spot', () => {
    const script = BUILT_IN_TEMPLATES.find((t) => t.id === 'request-call')!;
    const filled = renderTemplate(script.body, TYPICAL).text;
    for (const objection of [/too busy|booked solid/i, /not hiring/i, /send me your CV/i]) expect(filled).toMatch(objection);
    expect(filled).toMatch(/Who else would you suggest I talk to/);
    // Only the spoken part, before the `---` line, is a message to lint.
    const spoken = lintablePart(filled, 'phone');
    expect(spoken).toMatch(/Could we find 20 minutes/);
    expect(spoken).not.toMatch(/not hiring/);
  });

  it('name the introducer only when filled, and never leave a blank when not', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const r = renderTemplate(`${t.subject ?? ''}\n${t.body}`, { ...TYPICAL, 'introducer.name': null, 'introducer.firstName': null });
      expect(r.unfilled, t.id).toEqual([]);
      expect(r.text, t.id).not.toMatch(/Christopher/);
    }
    const r = renderTemplate(BUILT_IN_TEMPLATES.find((t) => t.id === 'request-email')!.body, TYPICAL).text;
    expect(r).toMatch(/^Dear Alexandra,\n\nChristopher Ferreira suggested I contact you/);
  });
});

eachDialect('user templates', (t) => {
  it('are listed after the built-in ones, shown by id, and filtered by purpose and channel', async () => {
    const mine = await addTemplate(t(), {
      name: 'Short ask',
      purpose: 'request',
      channel: 'linkedin',
      body: 'Hi {contact.firstName}, could you spare {minutes} minutes on {campaign.field}? {user.firstName}',
    });
    expect(mine).toMatchObject({ builtIn: false, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(mine.placeholders).toEqual(['contact.firstName', 'minutes', 'campaign.field', 'user.firstName']);
    const all = await listTemplates(t());
    expect(all.slice(0, BUILT_IN_TEMPLATES.length).every((x) => x.builtIn)).toBe(true);
    expect(all.at(-1)!.id).toBe(mine.id);
    expect((await listTemplates(t(), { purpose: 'request', channel: 'linkedin' })).map((x) => x.id)).toEqual(['request-linkedin', mine.id]);
    expect((await getTemplate(t(), mine.id)).body).toBe(mine.body);
    expect((await getTemplate(t(), 'request-email')).builtIn).toBe(true);
    expect(await codeOf(getTemplate(t(), 'nope'))).toBe('not_found');
  });

  it('refuse unknown placeholders at save, naming each and where it is', async () => {
    const e = await addTemplate(t(), {
      name: 'Bad',
      purpose: 'follow-up',
      channel: 'email',
      subject: 'About {company}',
      body: 'Dear {contact.firstName},\nI met {contact.nickname} last week.',
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('{company}');
    expect(err.message).toContain('{contact.nickname}');
    expect((err.details as { fields: { field: string; message: string }[] }).fields).toEqual([
      { field: 'subject', message: expect.stringMatching(/^line 1, column 7: \{company\} is not a placeholder/) },
      { field: 'body', message: expect.stringMatching(/^line 2, column 7: \{contact\.nickname\}/) },
    ]);
    expect(await listTemplates(t(), { purpose: 'follow-up', channel: 'email' })).toHaveLength(1);
  });

  it('validate purpose, channel, subject and body', async () => {
    const base = { name: 'X', purpose: 'request', channel: 'email', body: 'Hello {contact.firstName}' };
    const fields = async (over: Record<string, unknown>) => {
      const e = (await addTemplate(t(), { ...base, ...over }).catch((x: unknown) => x)) as AppError;
      expect(e.code).toBe('invalid_input');
      return (e.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    };
    expect(await fields({ purpose: 'reply' })).toEqual(['purpose']);
    expect(await fields({ channel: 'fax' })).toEqual(['channel']);
    expect(await fields({ channel: 'linkedin', subject: 'Hi' })).toEqual(['subject']);
    expect(await fields({ subject: 'Hi\r\nBcc: x@example.org' })).toEqual(['subject']);
    expect(await fields({ body: '   ' })).toEqual(['body']);
  });

  it('are served by the API', async () => {
    const call = apiOf(t());
    const created = await call('POST', '/templates', {
      name: 'Mine',
      purpose: 'thank-you',
      channel: 'email',
      subject: 'Thanks',
      body: 'Thank you {contact.firstName}!',
    });
    expect(created.status).toBe(201);
    expect((await call('GET', `/templates/${String(created.body.id)}`)).body.name).toBe('Mine');
    expect((await call('GET', '/templates?purpose=thank-you')).body.items!.map((x: { id: string }) => x.id)).toEqual([
      'thank-you-email',
      'thank-you-linkedin',
      created.body.id,
    ]);
    const bad = await call('POST', '/templates', { name: 'Bad', purpose: 'thank-you', channel: 'email', body: '{oops}' });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/templates/request-call')).body.channel).toBe('phone');
    expect((await call('GET', '/templates/unknown')).status).toBe(404);
  });
});
