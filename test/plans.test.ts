// Question plans through the operations, the HTTP API and the real CLI, on both databases: the
// suggestion shown until a plan is saved, saving the whole list (who-else kept last), adding and
// removing, coverage from earlier interviews of the campaign, the linter's findings, bad input.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNote } from '../src/app/notes.js';
import { addToPlan, autoPlan, getPlan, removeFromPlan, setPlan, setPlanMinutes } from '../src/app/plans.js';
import { addQuestion } from '../src/app/questions.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { BIN, cli } from './cli.js';
import { buildCampaign, buildInterview } from './factories.js';
import { apiOf } from './http.js';
import { codeOf, eachDialect } from './harness.js';

const ids = (p: { questions: { id: string }[] }) => p.questions.map((q) => q.id);

eachDialect('question plans', (t) => {
  it('shows the unsaved suggestion until a plan is saved, then the saved plan', async () => {
    const i = await buildInterview(t()); // career-change, UX research in healthcare, 20 minutes
    const shown = await getPlan(t(), i.id);
    expect(shown).toMatchObject({ interviewId: i.id, saved: false, minutes: 20, budgetMinutes: 16, findings: [] });
    expect(shown.questions.at(-1)!.id).toBe('who-else');
    expect(ids(shown)).toEqual(expect.arrayContaining(['education', 'second-choice']));
    expect(shown.questions.find((q) => q.id === 'why-field')!.text).toContain('UX research in healthcare');
    expect(shown.usedMinutes).toBeLessThanOrEqual(16);
    expect(await t().store.plans.forInterview(t().userId, i.id)).toBeUndefined(); // showing saves nothing

    const saved = await autoPlan(t(), i.id);
    expect(saved.saved).toBe(true);
    expect(ids(saved)).toEqual(ids(shown));
    expect(await getPlan(t(), i.id)).toEqual(saved);
  });

  it('saves the whole ordered list, keeps who-else last, fills text and minutes from the bank', async () => {
    const i = await buildInterview(t());
    const own = await addQuestion(t(), { topic: 'hiring', text: 'How do clinics in {field} hire?', minutes: 3 });
    const plan = await setPlan(t(), i.id, {
      questions: [
        { id: 'who-else' },
        { id: 'pay' },
        { id: own.id },
        { id: 'custom', text: 'What surprised you\n most in your first year?' },
        { id: 'best', text: 'What do you love about it?', minutes: 1 },
      ],
    });
    expect(plan.questions).toEqual([
      { id: 'pay', topic: 'pay', text: expect.stringContaining('starting in UX research in healthcare'), minutes: 2 },
      { id: own.id, topic: 'hiring', text: 'How do clinics in UX research in healthcare hire?', minutes: 3 },
      { id: 'custom', topic: 'custom', text: 'What surprised you most in your first year?', minutes: 2 },
      { id: 'best', topic: 'best', text: 'What do you love about it?', minutes: 1 },
      { id: 'who-else', topic: 'who-else', text: expect.stringMatching(/anyone else/), minutes: 2 },
    ]);
    expect(plan.usedMinutes).toBe(10);
    expect(await getPlan(t(), i.id)).toEqual(plan);

    // Adding goes before who-else; removing by id or by position (free text has no id of its own).
    const added = await addToPlan(t(), i.id, { question: 'Which tools do you use every day?' });
    expect(ids(added)).toEqual(['pay', own.id, 'custom', 'best', 'custom', 'who-else']);
    expect(ids(await addToPlan(t(), i.id, { question: 'trends' })).slice(-2)).toEqual(['trends', 'who-else']);
    expect(ids(await removeFromPlan(t(), i.id, 'pay'))[0]).toBe(own.id);
    const removed = await removeFromPlan(t(), i.id, '2');
    expect(ids(removed)).toEqual([own.id, 'best', 'custom', 'trends', 'who-else']);
    expect(removed.questions[2]!.text).toBe('Which tools do you use every day?');
  });

  it('lints the plan: a missing referral question, and questions past the budget', async () => {
    const i = await buildInterview(t());
    const noReferral = await setPlan(t(), i.id, { questions: [{ id: 'why-field' }, { id: 'how-in' }] });
    expect(noReferral.findings.map((f) => f.rule)).toEqual(['missing-referral-question']);
    const long = ['why-field', 'how-in', 'highlights', 'path', 'education', 'differently', 'who-else'].map((id) => ({ id }));
    const over = await setPlan(t(), i.id, { questions: long, minutes: 15 }); // 11 minutes for 16 of questions
    expect([over.minutes, over.budgetMinutes, over.usedMinutes]).toEqual([15, 11, 16]);
    const finding = over.findings.find((f) => f.rule === 'over-time')!;
    expect(finding.questionIndex).toBe(4); // why-field 2 + how-in 2 + highlights 3 + path 3 = 10; education does not fit
    expect(finding.message).toContain('16 minutes');
    // The plan keeps its own length until told otherwise; null goes back to the interview's.
    expect((await addToPlan(t(), i.id, { question: 'pay' })).minutes).toBe(15);
    expect((await setPlanMinutes(t(), i.id, { minutes: null })).minutes).toBe(20);
  });

  it('follows a rescheduled meeting unless the plan has a length of its own', async () => {
    const i = await buildInterview(t());
    await autoPlan(t(), i.id);
    await scheduleInterview(t(), i.id, { at: '2026-03-10T14:00:00Z', minutes: 30 });
    const longer = await getPlan(t(), i.id);
    expect([longer.minutes, longer.budgetMinutes]).toEqual([30, 26]);
    expect((await autoPlan(t(), i.id)).usedMinutes).toBeGreaterThan(20);
  });

  it('suggests from what earlier interviews of the campaign covered', async () => {
    const campaign = await buildCampaign(t());
    const earlier = [];
    for (let n = 0; n < 3; n++) earlier.push(await buildInterview(t(), { campaignId: campaign.id }));
    const other = await buildInterview(t()); // another campaign: its notes do not count
    const now = await buildInterview(t(), { campaignId: campaign.id });
    const before = await getPlan(t(), now.id);
    expect(ids(before)).toEqual(expect.arrayContaining(['why-field', 'how-in']));
    for (const e of earlier) {
      await addNote(t(), { interviewId: e.id, questionId: 'why-field', kinds: ['industry'], text: 'Loves the patients' });
      await addNote(t(), { interviewId: e.id, questionId: 'how-in', kinds: ['search-tips'], text: 'Came through a bootcamp' });
    }
    for (let n = 0; n < 3; n++) await addNote(t(), { interviewId: other.id, questionId: 'education', text: 'A master’s helps' });
    // Two interviews answering a question is not enough to drop it.
    await addNote(t(), { interviewId: earlier[0]!.id, questionId: 'second-choice', text: 'Teaching' });
    await addNote(t(), { interviewId: earlier[1]!.id, questionId: 'second-choice', text: 'Nursing' });
    const after = await getPlan(t(), now.id);
    expect(ids(after)).not.toContain('why-field');
    expect(ids(after)).not.toContain('how-in');
    expect(ids(after)).toEqual(expect.arrayContaining(['education', 'second-choice']));
    expect(after.questions.at(-1)!.id).toBe('who-else');
    // An interview's own notes and other campaigns' notes are not its coverage.
    const seen = await t().store.plans.coverageNotes(t().userId, campaign.id, earlier[0]!.id);
    expect(new Set(seen.map((n) => n.interviewId))).toEqual(new Set([earlier[1]!.id, earlier[2]!.id]));
    expect(seen).toHaveLength(5);
    expect(seen.find((n) => n.questionId === 'why-field')!.kinds).toEqual(['industry']);
  });

  it('refuses zero minutes, unknown ids, preparation prompts and repeats', async () => {
    const i = await buildInterview(t());
    expect(await codeOf(setPlan(t(), i.id, { questions: [{ id: 'who-else' }], minutes: 0 }))).toBe('invalid_input');
    expect(await codeOf(autoPlan(t(), i.id, { minutes: 0 }))).toBe('invalid_input');
    expect(await codeOf(setPlan(t(), i.id, { questions: [{ id: 'no-such-question' }] }))).toBe('not_found');
    expect(await codeOf(addToPlan(t(), i.id, { question: 'no-such-question' }))).toBe('not_found');
    expect(await codeOf(removeFromPlan(t(), i.id, 'pay'))).toBe('not_found');
    expect(await codeOf(setPlan(t(), i.id, { questions: [{ id: 'prep-about-me' }] }))).toBe('invalid_input');
    expect(await codeOf(setPlan(t(), i.id, { questions: [{ id: 'pay' }, { id: 'pay' }] }))).toBe('invalid_input');
    expect(await codeOf(setPlan(t(), i.id, { questions: [{ id: 'custom' }] }))).toBe('invalid_input');
    expect(await codeOf(getPlan(t(), 'nope'))).toBe('not_found');
    expect(await t().store.plans.forInterview(t().userId, i.id)).toBeUndefined();
  });

  it('serves the plan routes with the right statuses', async () => {
    const call = apiOf(t());
    const i = await buildInterview(t());
    const shown = await call('GET', `/interviews/${i.id}/plan`);
    expect([shown.status, shown.body.saved, shown.body.questions.at(-1).id]).toEqual([200, false, 'who-else']);
    const put = await call('PUT', `/interviews/${i.id}/plan`, { questions: [{ id: 'who-else' }, { id: 'custom', text: 'What changed?' }] });
    expect([put.status, put.body.saved, put.body.questions.map((q: { id: string }) => q.id)]).toEqual([200, true, ['custom', 'who-else']]);
    const auto = await call('POST', `/interviews/${i.id}/plan/auto`);
    expect([auto.status, auto.body.questions.length > 2]).toEqual([200, true]);
    const zero = await call('PUT', `/interviews/${i.id}/plan`, { questions: [], minutes: 0 });
    expect([zero.status, zero.body.error.code]).toEqual([400, 'invalid_input']);
    const unknown = await call('PUT', `/interviews/${i.id}/plan`, { questions: [{ id: 'what-is-this' }] });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    expect((await call('GET', '/interviews/nope/plan')).status).toBe(404);
    const doc = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/interviews/{id}/plan']).sort()).toEqual(['get', 'put']);
  });
});

describe('coffeechat plan (real binary)', () => {
  it('shows, suggests, adds and removes in the JSON shape of the issue; bad input exits with its code', () => {
    if (!existsSync(join(BIN, '../../dist/cli.js'))) throw new Error('The CLI is not built: run npm run build.');
    const env = { COFFEECHAT_DB: join(mkdtempSync(join(tmpdir(), 'coffeechat-plan-')), 'cc.db') };
    const campaign = cli(['campaigns', 'add', '--field', 'data journalism', '--situation', 'new-graduate', '--json'], env).json();
    const contact = cli(['contacts', 'add', '--name', 'Bo Chen', '--json'], env).json();
    const interview = cli(['interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json'], env).json();

    const shown = cli(['plan', '--interview', interview.id, '--json'], env);
    expect(shown.code).toBe(0);
    const plan = shown.json();
    expect(plan).toMatchObject({ minutes: 20, budgetMinutes: 16, findings: [], saved: false });
    expect(Object.keys(plan.questions[0]).sort()).toEqual(['id', 'minutes', 'text', 'topic']);
    expect(plan.questions.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining(['how-in', 'path']));
    expect(plan.questions.at(-1).id).toBe('who-else');

    const auto = cli(['plan', '--interview', interview.id, '--auto', '--json'], env).json();
    expect(auto.saved).toBe(true);
    const added = cli(['plan', interview.id, '--add', 'pay', '--add', 'What do editors look for in a first clip?', '--json'], env).json();
    expect(added.questions.slice(-3).map((q: { id: string; text: string }) => q.id)).toEqual(['pay', 'custom', 'who-else']);
    const removed = cli(['plan', '--interview', interview.id, '--remove', 'who-else', '--json'], env).json();
    expect(removed.findings.map((f: { rule: string }) => f.rule)).toContain('missing-referral-question');

    const text = cli(['plan', '--interview', interview.id], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/of 16 minutes for questions/);
    expect(text.stdout).toMatch(/missing-referral-question/);

    const zero = cli(['plan', '--interview', interview.id, '--minutes', '0', '--json'], env);
    expect([zero.code, zero.error().code]).toEqual([2, 'invalid_input']);
    const unknown = cli(['plan', '--interview', interview.id, '--add', 'not-a-question', '--json'], env);
    expect([unknown.code, unknown.error().code]).toEqual([1, 'not_found']);
    const noInterview = cli(['plan', '--interview', 'nope', '--json'], env);
    expect([noInterview.code, noInterview.error().code]).toEqual([1, 'not_found']);
  });
});
