// The field brief: a small campaign built through the real operations (requests, a reply, a
// meeting with notes, a referral, a debrief, an outcome), then its brief as Markdown (sections and
// figures), as a PDF read back with pdf.js, over the API, and from the real binary.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { campaignBrief, getBrief } from '../src/app/brief.js';
import { closeInterview } from '../src/app/close.js';
import { addNote } from '../src/app/notes.js';
import { addOutcome } from '../src/app/outcomes.js';
import { updatePrep } from '../src/app/prep.js';
import { addReferral } from '../src/app/referrals.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { logTouch } from '../src/app/touches.js';
import { briefDocument } from '../src/formats/brief-document.js';
import type { DocumentModel } from '../src/formats/document.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';

const FIELD = 'UX research in healthcare';
const OBJECTIVE = 'Learn how people move into UX research from nursing';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

/** Every heading has something under it before the next heading of its level or above. */
function emptySections(doc: DocumentModel): string[] {
  const empty: string[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    const next = doc.blocks[i + 1];
    if (!next || (next.kind === 'heading' && next.level <= b.level)) empty.push(b.text);
  });
  return empty;
}

/**
 * Ana: asked by e-mail, replied, met (30 minutes, 45 of preparation), four notes, one referral,
 * a debrief and an outcome. Ben: asked on LinkedIn, no reply. Cleo: a prospect. Dara: Ana's referral.
 */
async function smallCampaign(t: TestCtx) {
  await updateSettings(t, { timezone: 'UTC' });
  const campaign = await buildCampaign(t, { field: FIELD, situation: 'career-change', objective: OBJECTIVE });
  const ana = await buildContact(t, { name: 'Ana Okafor', organisation: 'Nordlicht Health', title: 'Research lead', tie: 'acquaintance' });
  const ben = await buildContact(t, { name: 'Ben Adeyemi', tie: 'cold' });
  const cleo = await buildContact(t, { name: 'Cleo Marsh' });
  const a = await buildInterview(t, { campaignId: campaign.id, contactId: ana.id });
  const b = await buildInterview(t, { campaignId: campaign.id, contactId: ben.id });
  await buildInterview(t, { campaignId: campaign.id, contactId: cleo.id });

  await logTouch(t, { contactId: ana.id, interviewId: a.id, channel: 'email', purpose: 'request', at: '2026-03-02T09:00:00Z' });
  await logTouch(t, { contactId: ben.id, interviewId: b.id, channel: 'linkedin', purpose: 'request', at: '2026-03-02T09:10:00Z' });
  await logTouch(t, {
    contactId: ana.id,
    interviewId: a.id,
    channel: 'email',
    direction: 'in',
    purpose: 'reply',
    response: 'positive',
    at: '2026-03-02T15:00:00Z',
  });
  await scheduleInterview(t, a.id, { at: '2026-03-04T10:00:00Z', minutes: 30 });
  await updatePrep(t, a.id, { prepMinutes: 45 });
  t.clock.set('2026-03-04T10:35:00.000Z');
  const note = (text: string, kinds: string[], questionId?: string) => addNote(t, { interviewId: a.id, text, kinds, questionId });
  await note('Hospitals are hiring researchers for their patient portals', ['industry']);
  await note('Budget cuts in public hospitals', ['industry'], 'threats');
  await note('New rules on medical software slow every product change', ['industry'], 'threats');
  await note('About €55,000 a year for a junior researcher', ['job-market'], 'pay');
  await addReferral(t, { interviewId: a.id, name: 'Dara Quinn', email: 'dara@example.org', permission: 'granted' });
  await closeInterview(t, a.id, {
    debrief: {
      learned: 'Clinical experience is an asset, not a detour',
      fit: 'Close to what I enjoy',
      open: 'How do teams judge a portfolio without shipped products?',
    },
  });
  await addOutcome(t, { interviewId: a.id, kind: 'job-interview', note: 'Junior researcher role at Nordlicht' });
  return { campaign, a, b };
}

eachDialect('field brief', (t) => {
  it('tells the campaign: objective, people, notes by kind, answers, pay, figures, next steps and open questions', async () => {
    const { campaign } = await smallCampaign(t());
    const md = (await campaignBrief(t(), campaign.id, 'md')) as string;

    expect(md).toMatch(/^# Field brief: UX research in healthcare\n\n_Changing careers · since 2026-03-0\d · as of 2026-03-04_\n/);
    expect(md).toContain(`## Objective\n\n${OBJECTIVE}`);
    expect(md).toContain('## Who I talked to\n\n1 conversation, 30 minutes in all.');
    expect(md).toContain('| Ana Okafor | Nordlicht Health | Research lead | 2026-03-04 |');
    expect(md).not.toContain('| Ben Adeyemi |'); // asked, never met

    // What I learned: every kind, the notes with who said them, and the thin kinds named.
    expect(md).toContain('### The industry (3 notes)');
    expect(md).toContain('- “Hospitals are hiring researchers for their patient portals” — Ana Okafor');
    expect(md).toContain('### My résumé (0 notes)\n\n_Nothing noted of this kind yet._');
    expect(md).toContain('Thin so far (fewer than 3 notes): the job market, job-search tips, my résumé and further contacts.');
    expect(md).toContain('| Ana Okafor | Clinical experience is an asset, not a detour | Close to what I enjoy |');

    // Answers by question, with the question as asked.
    expect(md).toMatch(
      /### What worries people in UX research in healthcare right now\?[^\n]*\n\n- “Budget cuts in public hospitals” — Ana Okafor/,
    );

    // Pay: the one figure, as a sentence and a table.
    expect(md).toContain('In EUR, one figure: EUR 55,000 a year.');
    expect(md).toMatch(/\| Ana Okafor \| About €55,000 a year[^|]*\| 55,000 \|/);

    // Strengths, opportunities and threats: says what the counting is; nothing on strengths yet.
    expect(md).toContain('Simple term counting');
    expect(md).toContain('### Strengths that matter\n\n_Nothing noted on this question yet._');
    expect(md).toMatch(/### Threats\n\n(\S+ \(\d\) · )+\S+ \(\d\)\n/);
    expect(md).toContain('budget (1)');

    // The campaign in numbers.
    expect(md).toContain('| Requested | 2 | 50% |');
    expect(md).toContain('| Replied | 1 | 50% |');
    expect(md).toContain('| Held | 1 | 100% |');
    expect(md).toContain('| Referrals | 1 | 1.0 per conversation |');
    expect(md).toContain('| Channel | email | 1 | 1 | 100% (small sample) |');
    expect(md).toContain('| Channel | linkedin | 0 | 1 | 0% (small sample) |');
    expect(md).toContain('its longest chain is 1 introduction.');
    expect(md).toContain('- **Conversations:** 30 minutes\n- **Preparation:** 45 minutes\n- **In all:** 1 hour 15 minutes');
    expect(md).toContain('- Job interview: Junior researcher role at Nordlicht (2026-03-04) — credited to Ana Okafor');

    // Next steps and open questions.
    expect(md).toMatch(/### To do\n\n(- .*\n)*- 2026-03-04: Thank Ana Okafor the same day/);
    expect(md).toContain('### Referrals not contacted yet\n\n- Dara Quinn, referred by Ana Okafor');
    expect(md).toContain('### Prospects not asked yet\n\n- Cleo Marsh');
    expect(md).toContain('## Open questions\n\n- How do teams judge a portfolio without shipped products? (after talking with Ana Okafor)');
    expect(md).toContain('Little heard yet about the job market, job-search tips, my résumé and further contacts');

    expect(emptySections(briefDocument(await getBrief(t(), campaign.id)))).toEqual([]);
  });

  it('says briefly when there is nothing yet, and leaves no section empty', async () => {
    const campaign = await buildCampaign(t(), { field: 'Data journalism' });
    const doc = briefDocument(await getBrief(t(), campaign.id));
    expect(emptySections(doc)).toEqual([]);
    const md = (await campaignBrief(t(), campaign.id, 'md')) as string;
    for (const line of [
      'No objective written for this campaign yet.',
      'No conversations held yet.',
      'No notes tied to a question yet.',
      'No pay figures noted yet.',
      'No requests sent yet.',
      'No outcomes recorded yet.',
    ]) {
      expect(md).toContain(line);
    }
    expect(await codeOf(getBrief(t(), 'missing'))).toBe('not_found');
  });

  it('sets a PDF that holds the field, the people and what they said', async () => {
    const { campaign } = await smallCampaign(t());
    const bytes = (await campaignBrief(t(), campaign.id, 'pdf')) as Uint8Array;
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Field brief: UX research in healthcare');
    expect(text).toContain('Ana Okafor');
    expect(text.replace(/\s/g, '')).toContain('Hospitalsarehiringresearchersfortheirpatientportals');
  });

  it('serves the brief as Markdown, PDF and HTML files over the API', async () => {
    const { campaign } = await smallCampaign(t());
    const app = createServerApp({ deps: t(), userId: t().userId });
    const url = (id: string, ext: string) => `http://127.0.0.1:5454/api/v1/campaigns/${id}/brief.${ext}`;

    const md = await app.request(url(campaign.id, 'md'));
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="coffeechat-brief-${campaign.id}.md"`);
    expect(await md.text()).toContain('# Field brief: UX research in healthcare');

    const pdf = await app.request(url(campaign.id, 'pdf'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="coffeechat-brief-${campaign.id}.pdf"`);
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Ana Okafor');

    const html = await app.request(url(campaign.id, 'html'));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h1>Field brief: UX research in healthcare</h1>');

    const missing = await app.request(url('missing', 'pdf'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('brief in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-brief-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args]);

  it('prints Markdown and writes a PDF with --out', async () => {
    const contact = run(['contacts', 'add', '--name', 'Grace Hopper', '--organisation', 'Navy Labs', '--json']).json();
    const campaign = run(['campaigns', 'add', '--field', 'Compilers', '--situation', 'next-job', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json']).json();
    expect(
      run(['notes', 'add', '--interview', interview.id, '--kind', 'industry', 'Every team wants people who can read a profiler']).code,
    ).toBe(0);

    const md = run(['brief', '--campaign', campaign.id]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Field brief: Compilers\n/);
    expect(md.stdout).toContain('Every team wants people who can read a profiler');

    const out = join(dir, 'brief.pdf');
    const pdf = run(['brief', '--campaign', campaign.id, '--format', 'pdf', '--out', out]);
    expect([pdf.code, pdf.stderr]).toEqual([0, `Wrote ${out}.\n`]);
    const text = await pdfText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('Field brief: Compilers');
    expect(text.replace(/\s/g, '')).toContain('Everyteamwantspeoplewhocanreadaprofiler');

    const badFormat = run(['brief', '--campaign', campaign.id, '--format', 'docx', '--json']);
    expect([badFormat.code, badFormat.error().code]).toEqual([2, 'invalid_input']);
    const missing = run(['brief', '--campaign', 'nope', '--json']);
    expect([missing.code, missing.error().code]).toEqual([1, 'not_found']);
  });
});
