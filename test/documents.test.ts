// The document renderers: Markdown keeps user text plain, HTML escapes it, and the PDF — read back
// with pdf.js, a parser we did not write — holds the names (accents and all), the questions, and
// as many numbered pages as its content needs.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/formats/doc-html.js';
import { renderMarkdown } from '../src/formats/doc-markdown.js';
import { renderPdf } from '../src/formats/doc-pdf.js';
import { checklist, heading, keyValue, list, paragraph, table, type DocumentModel } from '../src/formats/document.js';
import { prepDocument, type PrepView } from '../src/formats/prep-document.js';

/** The text of each page, lines joined with spaces. */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

const NAME = 'Zoë Łukasiewicz-Ørsted';
const sample = (questions: string[]): DocumentModel => ({
  title: `Prep sheet: ${NAME}`,
  subtitle: '2026-03-10 14:00 Europe/Warsaw · 20 minutes',
  createdAt: new Date('2026-03-02T09:00:00Z'),
  blocks: [
    heading(1, 'Who they are'),
    keyValue([
      { key: 'Name', value: NAME },
      { key: 'Organisation', value: 'Ольга & Søn <GmbH>' },
    ]),
    heading(1, 'Research'),
    checklist([
      { text: 'Their role and background', checked: true },
      { text: "The organisation's recent news", checked: false },
    ]),
    heading(1, 'Questions'),
    table(
      ['#', 'Question', 'Min'],
      questions.map((q, i) => [String(i + 1), q, '2']),
      ['right', 'left', 'right'],
    ),
    list(['Be on time', 'Never ask for a job'], true),
    paragraph('*Not* a heading:\n# really', true),
  ],
});

describe('Markdown', () => {
  it('writes headings, task lists, tables and key-values, with user text kept plain', () => {
    const md = renderMarkdown(sample(['What | drew you in?', 'Who else should I talk to?']));
    expect(md).toMatch(/^# Prep sheet: Zoë Łukasiewicz-Ørsted\n/);
    expect(md).toContain('## Who they are');
    expect(md).toContain('- **Name:** Zoë Łukasiewicz-Ørsted');
    expect(md).toContain('- [x] Their role and background');
    expect(md).toContain("- [ ] The organisation's recent news");
    expect(md).toContain('| # | Question | Min |\n| ---: | --- | ---: |');
    expect(md).toContain('| 1 | What \\| drew you in? | 2 |'); // a pipe in a cell does not split it
    expect(md).toContain('1. Be on time\n2. Never ask for a job');
    expect(md).toContain('\\*Not\\* a heading:'); // emphasis characters escaped
    expect(md).toContain('\n\\# really'); // a "#" at the start of a line is not a heading
    expect(md).toContain('Ольга & Søn \\<GmbH\\>');
  });
});

describe('HTML', () => {
  it('escapes every piece of user text and keeps the structure', () => {
    const doc = sample(['<script>alert("x")</script>']);
    doc.title = 'Prep <b>sheet</b> & "quotes"';
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>sheet</b>');
    expect(html).toContain('<title>Prep &lt;b&gt;sheet&lt;/b&gt; &amp; &quot;quotes&quot;</title>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Ольга &amp; Søn &lt;GmbH&gt;');
    expect(html).toContain('<li class="done">');
    expect(html).toContain('<th scope="col" class="num">#</th>');
    expect(html).toContain('*Not* a heading:<br># really');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    // Opened on its own, the file allows its inline styles and nothing else.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`);
  });
});

describe('PDF', () => {
  it('embeds the text so that another parser reads back names with accents and every question', async () => {
    const questions = ['What drew you to health research in the first place?', 'Who else should I talk to, and may I use your name?'];
    const bytes = await renderPdf(sample(questions));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await pdfText(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain(NAME);
    expect(text).toContain('Ольга & Søn <GmbH>');
    for (const q of questions) expect(text).toContain(q);
    expect(text).toContain('page 1 of 1');
  });

  it('breaks long content onto numbered pages, carrying the table header along', async () => {
    const questions = Array.from(
      { length: 60 },
      (_v, i) => `Question ${i + 1}: which part of your week would surprise someone who has only read about this work?`,
    );
    const pages = await pdfText(await renderPdf(sample(questions)));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => expect(p).toContain(`page ${i + 1} of ${pages.length}`));
    const all = pages.join(' ');
    for (const q of questions) expect(all).toContain(q);
    // The table's header is carried onto each page the table runs on.
    expect(pages.filter((p) => p.includes('# Question Min')).length).toBeGreaterThan(1);
  });

  it('makes the same bytes from the same document', async () => {
    const doc = sample(['One question?']);
    expect(Buffer.from(await renderPdf(doc)).equals(Buffer.from(await renderPdf(doc)))).toBe(true);
  });
});

describe('the prep sheet as a document', () => {
  const view: PrepView = {
    interviewId: 'i1',
    campaignId: 'c1',
    campaignField: 'Health research',
    status: 'scheduled',
    meeting: {
      scheduledAt: '2026-03-10T13:00:00.000Z',
      localTime: '2026-03-10 14:00 Europe/Berlin',
      minutes: 20,
      mode: 'coffee',
      place: 'Café Kranzler',
      link: null,
    },
    person: {
      contactId: 'p1',
      name: NAME,
      organisation: 'Nordlicht Health',
      title: 'Research lead',
      location: null,
      linkedinUrl: null,
      research: 'Wrote about patient safety.',
      roles: [{ organisation: 'Nordlicht Health', title: 'Research lead', from: '2021', to: null, current: true }],
    },
    connection: {
      tie: 'cold',
      chain: [
        { id: 'b', name: 'Ada Byron', tie: 'acquaintance' },
        { id: 'p1', name: NAME, tie: 'cold' },
      ],
      introducedBy: [{ id: 'b', name: 'Ada Byron', permission: 'granted' }],
      summary: 'Ada Byron introduced you.',
    },
    checklist: [
      { id: 'role', label: 'Their role and background', hint: '', checked: true },
      { id: 'news', label: "The organisation's recent news", hint: '', checked: false },
      { id: 'public', label: 'What not to ask because it is public', hint: '', checked: false },
    ],
    researchNotes: 'Three new clinics this year.',
    objectives: ['Learn how they hire'],
    agenda: {
      custom: false,
      items: [
        { title: 'Opening', minutes: 2 },
        { title: 'Your questions', minutes: 16 },
        { title: 'Close', minutes: 2 },
      ],
    },
    plan: {
      interviewId: 'i1',
      saved: true,
      minutes: 20,
      budgetMinutes: 16,
      usedMinutes: 4,
      questions: [
        { id: 'why-field', topic: 'why-field', text: 'What drew you to health research?', minutes: 2 },
        { id: 'who-else', topic: 'who-else', text: 'Who else should I talk to?', minutes: 2 },
      ],
      findings: [],
      field: 'Health research',
      situation: 'career-change',
    },
    talkingPoints: [{ promptId: 'prep-why-field', label: 'Why this field', prompt: 'Why health research?', text: 'A year volunteering.' }],
    prepMinutes: 40,
    etiquette: ['Be on time.'],
    complete: false,
    missing: ["the organisation's recent news"],
    updatedAt: null,
  };

  it('says who, how connected, what is checked, the agenda total, the questions and the talking points', () => {
    const md = renderMarkdown(prepDocument(view));
    expect(md).toContain('_2026-03-10 14:00 Europe/Berlin · 20 minutes · over coffee, Café Kranzler · Health research_');
    expect(md).toContain('| Nordlicht Health | Research lead | 2021 – now |');
    expect(md).toContain('You → Ada Byron → Zoë Łukasiewicz-Ørsted');
    expect(md).toContain("- [x] Their role and background\n- [ ] The organisation's recent news");
    expect(md).toContain('| Total | 20 |');
    expect(md).toContain('| 2 | Who else should I talk to? | 2 |');
    expect(md).toContain('A year volunteering.');
    expect(md).toContain("Still to do: the organisation's recent news");
  });
});
