// Campaign insights end to end: a small campaign built through the real operations (requests,
// replies, a decline, an out-of-office, a meeting, a referral, notes, prep time, an outcome), and
// the figures read back through the operation, the API and the built CLI on both databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeInterview } from '../src/app/close.js';
import { campaignInsights, overallInsights } from '../src/app/insights.js';
import { addInterview } from '../src/app/interviews.js';
import { addNote } from '../src/app/notes.js';
import { addOutcome } from '../src/app/outcomes.js';
import { updatePrep } from '../src/app/prep.js';
import { addReferral } from '../src/app/referrals.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { addTemplate } from '../src/app/templates.js';
import { logTouch } from '../src/app/touches.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';

/**
 * Ana (close) is asked by e-mail with the template, says yes, meets for 30 minutes after 25 of
 * preparation, refers Eve and is thanked; Bo (cold) is asked on LinkedIn and declines; Cy
 * (acquaintance) is asked with the template and only an out-of-office comes back; Di is not asked
 * yet; Eve is asked without a template, says yes, meets for 20 minutes and leads to a job interview.
 */
async function campaign(ctx: TestCtx) {
  await updateSettings(ctx, { timezone: 'Europe/London', country: 'GB' });
  const c = await buildCampaign(ctx, { field: 'UX research' });
  const tpl = await addTemplate(ctx, {
    name: 'Warm ask',
    purpose: 'request',
    channel: 'email',
    body: 'Hello, could we talk for twenty minutes?',
  });
  const [ana, bo, cy, di] = await Promise.all(
    [
      ['Ana Ruiz', 'close'],
      ['Bo Chen', 'cold'],
      ['Cy Park', 'acquaintance'],
      ['Di Low', 'cold'],
    ].map(([name, tie]) => buildContact(ctx, { name, tie })),
  );
  const iAna = await addInterview(ctx, { campaignId: c.id, contactId: ana!.id });
  const iBo = await addInterview(ctx, { campaignId: c.id, contactId: bo!.id });
  const iCy = await addInterview(ctx, { campaignId: c.id, contactId: cy!.id });
  await addInterview(ctx, { campaignId: c.id, contactId: di!.id });

  const log = (contactId: string, over: Record<string, unknown>) => logTouch(ctx, { contactId, channel: 'email', ...over });
  await log(ana!.id, { purpose: 'request', templateId: tpl.id, at: '2026-03-02T10:00:00Z' });
  await log(bo!.id, { channel: 'linkedin', purpose: 'request', at: '2026-03-03T10:00:00Z' });
  await log(cy!.id, { purpose: 'request', templateId: tpl.id, at: '2026-03-04T10:00:00Z' });
  await log(ana!.id, { direction: 'in', purpose: 'reply', response: 'positive', at: '2026-03-03T12:00:00Z' });
  await log(bo!.id, { channel: 'linkedin', direction: 'in', purpose: 'reply', response: 'negative', at: '2026-03-05T09:00:00Z' });
  await log(cy!.id, { direction: 'in', purpose: 'reply', response: 'out-of-office', at: '2026-03-05T09:30:00Z' });

  await scheduleInterview(ctx, iAna.id, { at: '2026-03-10T14:00', minutes: 30 });
  await updatePrep(ctx, iAna.id, { prepMinutes: 25 });
  const note = (questionId: string | null, text: string, kinds: string[]) =>
    addNote(ctx, { interviewId: iAna.id, questionId, text, kinds });
  await note('pay', 'Juniors start at about £38,000 a year.', ['job-market']);
  await note('how-in', 'Through a volunteer project at a hospital.', ['search-tips', 'industry']);
  await note('strengths', 'Curiosity, and patience with people.', ['industry']);
  await note(null, 'Hospitals are hiring researchers again.', ['industry', 'job-market']);
  await note(null, 'Lead with the portfolio, not the CV.', ['resume']);

  ctx.clock.set('2026-03-10T14:40:00Z');
  const eve = (await addReferral(ctx, { interviewId: iAna.id, name: 'Eve Long', permission: 'granted' })).interview!;
  await closeInterview(ctx, iAna.id);
  await log(ana!.id, { purpose: 'thank-you', at: '2026-03-11T09:00:00Z' });

  ctx.clock.set('2026-03-12T09:00:00Z');
  await log(eve.contactId, { purpose: 'request', at: '2026-03-12T09:00:00Z' });
  await log(eve.contactId, { direction: 'in', purpose: 'reply', response: 'positive', at: '2026-03-13T09:00:00Z' });
  await scheduleInterview(ctx, eve.id, { at: '2026-03-20T15:00' });
  ctx.clock.set('2026-03-20T15:30:00Z');
  await closeInterview(ctx, eve.id, { noReferrals: true });
  const outcome = await addOutcome(ctx, {
    interviewId: eve.id,
    kind: 'job-interview',
    note: 'Researcher, CareLoop',
    at: '2026-03-25T10:00:00Z',
  });
  ctx.clock.set('2026-04-01T09:00:00Z');
  return { c, tpl, iAna, iBo, iCy, eve, outcome };
}

eachDialect('campaign insights', (t) => {
  it('gives the funnel, reply rates, coverage, answers, pay, tree, activity, time and outcomes of a real campaign', async () => {
    const ctx = t();
    const { c, tpl, iAna, eve, outcome } = await campaign(ctx);
    const x = await campaignInsights(ctx, c.id);
    // The shape scripts rely on (the Interface section).
    expect(x).toMatchObject({
      campaignId: c.id,
      field: 'UX research',
      asOf: '2026-04-01T09:00:00.000Z',
      funnel: { identified: 5, requested: 4, replied: 3, scheduled: 2, held: 2, referrals: 1, outcomes: 1 },
      minutesInvested: 75,
      meetingMinutes: 50,
      prepMinutes: 25,
      referralTree: { depth: 1, nodes: 5 },
    });
    expect(x.replyRate).toEqual({
      byChannel: {
        email: { sent: 3, replied: 2, rate: 2 / 3, smallSample: true },
        linkedin: { sent: 1, replied: 1, rate: 1, smallSample: true },
      },
      byTemplate: {
        [tpl.id]: { sent: 2, replied: 1, rate: 0.5, smallSample: true },
        none: { sent: 2, replied: 2, rate: 1, smallSample: true },
      },
      byTie: {
        acquaintance: { sent: 1, replied: 0, rate: 0, smallSample: true },
        close: { sent: 1, replied: 1, rate: 1, smallSample: true },
        cold: { sent: 1, replied: 1, rate: 1, smallSample: true },
        'friend-of-contact': { sent: 1, replied: 1, rate: 1, smallSample: true },
      },
    });
    expect(x.coverage).toEqual({
      industry: 3,
      'job-market': 2,
      'search-tips': 1,
      resume: 1,
      contacts: 0,
      thin: ['job-market', 'search-tips', 'resume', 'contacts'],
    });
    expect(x.answers.map((a) => [a.questionId, a.answers.length])).toEqual([
      ['how-in', 1],
      ['strengths', 1],
      ['pay', 1],
    ]);
    expect(x.answers[0]!.answers[0]).toEqual({
      interviewId: iAna.id,
      contactName: 'Ana Ruiz',
      text: 'Through a volunteer project at a hospital.',
    });
    expect(x.answers[0]!.question).toContain('UX research');
    expect(x.pay).toMatchObject({ count: 1, min: 38_000, median: 38_000, max: 38_000, currency: 'GBP', period: 'year', other: [] });
    expect(x.strengths.map((s) => s.term)).toContain('curiosity');
    const [ana] = x.referralTree.roots;
    expect(x.referralTree.roots.map((r) => r.name)).toEqual(['Ana Ruiz', 'Bo Chen', 'Cy Park', 'Di Low']);
    expect(ana).toMatchObject({ interviewId: iAna.id, status: 'thanked', ledToOutcome: true });
    expect(ana!.children.map((k) => [k.name, k.interviewId, k.status, k.outcomes])).toEqual([['Eve Long', eve.id, 'held', 1]]);
    expect(x.activity).toEqual([
      { week: '2026-03-02', requests: 3, meetings: 0, thankYous: 0, updates: 0 },
      { week: '2026-03-09', requests: 1, meetings: 1, thankYous: 1, updates: 0 },
      { week: '2026-03-16', requests: 0, meetings: 1, thankYous: 0, updates: 0 },
    ]);
    expect(x.outcomes).toEqual([
      {
        outcomeId: outcome.id,
        kind: 'job-interview',
        note: 'Researcher, CareLoop',
        at: '2026-03-25T10:00:00.000Z',
        credits: [
          { interviewId: eve.id, contactName: 'Eve Long', depth: 0 },
          { interviewId: iAna.id, contactName: 'Ana Ruiz', depth: 1 },
        ],
      },
    ]);
  });

  it('adds campaigns up in the overall view, refuses an unknown campaign, and answers on the API', async () => {
    const ctx = t();
    const { c } = await campaign(ctx);
    const empty = await buildCampaign(ctx, { field: 'Data journalism' });
    const all = await overallInsights(ctx);
    expect(all.campaigns.map((x) => [x.campaignId, x.funnel.identified, x.funnel.held, x.minutesInvested]).sort()).toEqual(
      [
        [c.id, 5, 2, 75],
        [empty.id, 0, 0, 0],
      ].sort(),
    );
    expect(all.totals).toMatchObject({ identified: 5, requested: 4, replied: 3, held: 2, referrals: 1, outcomes: 1, minutesInvested: 75 });
    expect(all.networkGrowth).toEqual([{ month: '2026-03', referred: 1, total: 1 }]);
    expect(await codeOf(campaignInsights(ctx, 'nope'))).toBe('not_found');

    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const get = async (path: string) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const one = await get(`/campaigns/${c.id}/insights`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ funnel: { identified: 5, held: 2 }, minutesInvested: 75, referralTree: { depth: 1, nodes: 5 } });
    expect((await get('/insights')).body).toMatchObject({ totals: { identified: 5 } });
    const missing = await get('/campaigns/nope/insights');
    expect([missing.status, (missing.body.error as { code: string }).code]).toEqual([404, 'not_found']);
  });

  it('lists the 20 most recent answers per question with the total, all on request, and counts pay from every note', async () => {
    const ctx = t();
    const { c, iAna, iBo } = await campaign(ctx);
    // 24 more answers on how one gets in (Bo's, a day apart) and 21 more pay figures (Ana's).
    for (let d = 1; d <= 24; d++) {
      await addNote(ctx, {
        interviewId: iBo.id,
        questionId: 'how-in',
        text: `Way in number ${d}.`,
        at: `2026-05-${String(d).padStart(2, '0')}T10:00:00Z`,
      });
    }
    for (let k = 1; k <= 21; k++) {
      await addNote(ctx, {
        interviewId: iAna.id,
        questionId: 'pay',
        text: `Seniors earn £${40 + k},000 a year.`,
        at: `2026-04-${String(k).padStart(2, '0')}T10:00:00Z`,
      });
    }
    const byQuestion = (x: Awaited<ReturnType<typeof campaignInsights>>) => Object.fromEntries(x.answers.map((q) => [q.questionId, q]));

    const shown = byQuestion(await campaignInsights(ctx, c.id));
    expect([shown['how-in']!.total, shown['how-in']!.answers.length]).toEqual([25, 20]);
    // The most recent 20 (the 5th to the 24th), oldest first; the first one (Ana's, in March) is left out.
    expect(shown['how-in']!.answers.map((a) => a.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Way in number ${i + 5}.`));
    expect(shown['how-in']!.answers[0]).toEqual({ interviewId: iBo.id, contactName: 'Bo Chen', text: 'Way in number 5.' });
    expect([shown.pay!.total, shown.pay!.answers.length, shown.strengths!.total]).toEqual([22, 20, 1]);
    const x = await campaignInsights(ctx, c.id);
    expect(x.pay).toMatchObject({ count: 22, min: 38_000, max: 61_000, median: 50_500, currency: 'GBP' });

    const all = await campaignInsights(ctx, c.id, { answersLimit: 'all' });
    expect(byQuestion(all)['how-in']!.answers.map((a) => a.text)).toEqual([
      'Through a volunteer project at a hospital.',
      ...Array.from({ length: 24 }, (_, i) => `Way in number ${i + 1}.`),
    ]);
    expect(byQuestion(all).pay!.answers).toHaveLength(22);
    expect({ ...all, answers: null, asOf: null }).toEqual({ ...x, answers: null, asOf: null });

    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const get = async (query: string) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1/campaigns/${c.id}/insights${query}`);
      return {
        status: res.status,
        body: (await res.json()) as {
          answers: { questionId: string; total: number; answers: unknown[] }[];
          error?: { code: string; message: string };
        },
      };
    };
    const two = await get('?answersLimit=2');
    expect(two.body.answers.map((q) => [q.questionId, q.answers.length, q.total])).toEqual([
      ['how-in', 2, 25],
      ['strengths', 1, 1],
      ['pay', 2, 22],
    ]);
    expect((await get('?answersLimit=all')).body.answers.map((q) => q.answers.length)).toEqual([25, 1, 22]);
    for (const bad of ['?answersLimit=0', '?answersLimit=lots', '?answers=5']) {
      const r = await get(bad);
      expect([r.status, r.body.error?.code], bad).toEqual([400, 'invalid_input']);
    }
    expect((await get('?answersLimit=0')).body.error?.message).toMatch(/answersLimit/);

    // One question's answers, as the page loads them for "show all answers".
    const answers = async (path: string) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { answers?: { text: string }[] } };
    };
    const howIn = await answers(`/campaigns/${c.id}/answers?question=how-in`);
    expect(howIn.status).toBe(200);
    expect(howIn.body).toMatchObject({ questionId: 'how-in', total: 25 });
    expect(howIn.body.answers!.map((a) => a.text)).toEqual(byQuestion(all)['how-in']!.answers.map((a) => a.text));
    const latest = await answers(`/campaigns/${c.id}/answers?question=how-in&answersLimit=3`);
    expect([latest.body.total, latest.body.answers!.map((a) => a.text)]).toEqual([
      25,
      ['Way in number 22.', 'Way in number 23.', 'Way in number 24.'],
    ]);
    const none = await answers(`/campaigns/${c.id}/answers?question=advice`);
    expect(none.body).toMatchObject({ questionId: 'advice', total: 0, answers: [] });
    expect(none.body.question).toEqual(expect.stringContaining('UX research'));
    expect((await answers(`/campaigns/${c.id}/answers`)).status).toBe(400);
    expect((await answers(`/campaigns/nope/answers?question=how-in`)).status).toBe(404);
  });
});

describe('insights CLI (built binary, SQLite file)', () => {
  it('prints the campaign as JSON or as a readable summary, and the overall view without --campaign', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-insights-'));
    try {
      const db = join(dir, 'c.db');
      const run = (...args: string[]) => cli([...args, '--db', db]);
      const campaign = run('campaigns', 'add', '--field', 'Data journalism', '--situation', 'new-graduate', '--json').json();
      const ana = run('contacts', 'add', '--name', 'Ana Ruiz', '--json').json();
      const interview = run('interviews', 'add', '--campaign', campaign.id, '--contact', ana.id, '--json').json();
      expect(run('log', '--contact', ana.id, '--channel', 'email', '--purpose', 'request').code).toBe(0);

      const json = run('insights', '--campaign', campaign.id, '--json');
      expect(json.code, json.stderr).toBe(0);
      expect(json.json()).toMatchObject({
        funnel: { identified: 1, requested: 1, replied: 0, scheduled: 0, held: 0, referrals: 0, outcomes: 0 },
        replyRate: { byChannel: { email: { sent: 1, replied: 0, rate: 0 } }, byTemplate: { none: { sent: 1 } }, byTie: {} },
        coverage: { industry: 0, thin: ['industry', 'job-market', 'search-tips', 'resume', 'contacts'] },
        answers: [],
        pay: null,
        referralTree: { depth: 0, nodes: 1 },
        minutesInvested: 0,
      });
      run('notes', 'add', '--interview', interview.id, '--question', 'how-in', '--text', 'Through a newsroom internship.', '--json');
      const limited = run('insights', '--campaign', campaign.id, '--json', '--answers-limit', 'all');
      expect(limited.json()).toMatchObject({ answers: [{ questionId: 'how-in', total: 1, answers: [{ contactName: 'Ana Ruiz' }] }] });
      const bad = run('insights', '--campaign', campaign.id, '--json', '--answers-limit', '0');
      expect([bad.code, bad.error().code]).toEqual([2, 'invalid_input']);
      const text = run('insights', '--campaign', campaign.id);
      expect(text.stdout).toMatch(/Insights for "Data journalism"/);
      expect(text.stdout).toMatch(/requested\s+1\s+100% of the step before/);
      expect(run('insights').stdout).toMatch(/All together: 1 person, 1 asked/);
      const missing = run('insights', '--campaign', 'nope', '--json');
      expect([missing.code, missing.error().code]).toEqual([1, 'not_found']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
