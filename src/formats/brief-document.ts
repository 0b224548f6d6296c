// The field brief (issue 6): one campaign told as a document — what the user set out to learn,
// whom they met, what they heard by kind of insight and by question, pay, strengths, opportunities
// and threats, the campaign's own figures, and what is left to do and to find out. Pure: app/brief.ts
// gathers the view, this decides what the brief says; doc-markdown.ts / doc-pdf.ts draw it.
import { SMALL_SAMPLE, THIN_NOTES, type CampaignInsights, type RateEntry, type TermCount } from '../domain/insights/types.js';
import { INSIGHT_KINDS, type InsightKind, type OutcomeKind, type Situation } from '../domain/types.js';
import { localParts } from '../domain/zoned.js';
import { heading, keyValue, list, paragraph, table, type Block, type DocumentModel } from './document.js';

export interface BriefView {
  campaign: {
    id: string;
    field: string;
    situation: Situation;
    objective: string | null;
    status: string;
    createdAt: string;
    endedAt: string | null;
  };
  insights: CampaignInsights;
  /** The user's zone, for the dates the brief prints. */
  timezone: string;
  people: { interviewId: string; name: string; organisation: string | null; title: string | null; at: string | null }[];
  notes: { interviewId: string; contactName: string; questionId: string | null; text: string; kinds: InsightKind[] }[];
  debriefs: { interviewId: string; contactName: string; learned: string | null; fit: string | null; open: string | null }[];
  actions: { reason: string; dueAt: string; contactName: string | null }[];
  prospects: { name: string; organisation: string | null; referredBy: string | null }[];
  /** Template names by id, for the reply rates by template. */
  templateNames: Record<string, string>;
}

export const KIND_LABEL: Record<InsightKind, string> = {
  industry: 'The industry',
  'job-market': 'The job market',
  'search-tips': 'Job-search tips',
  resume: 'My résumé',
  contacts: 'Further contacts',
};

const SITUATION_WORDS: Record<Situation, string> = {
  'career-change': 'Changing careers',
  'new-graduate': 'New graduate',
  're-entering': 'Coming back to work',
  'next-job': 'Looking for the next job',
};

const OUTCOME_WORDS: Record<OutcomeKind, string> = {
  'job-interview': 'Job interview',
  'job-offer': 'Job offer',
  'referral-to-role': 'Referral to a role',
  'new-contact': 'New contact',
};

/** A long campaign would bury the brief; past this the rest of a kind's notes are counted, not listed. */
export const NOTES_PER_KIND = 40;

const pad = (n: number) => String(n).padStart(2, '0');
function localDate(iso: string, tz: string): string {
  const p = localParts(new Date(iso), tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const money = (amount: number, currency: string) => `${currency} ${whole.format(amount)}`;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const said = (text: string, who: string) => `“${text.trim()}” — ${who}`;

function duration(minutes: number): string {
  if (minutes < 60) return plural(minutes, 'minute');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const nothing = (text: string) => paragraph(text, true);

function subtitle(v: BriefView): string {
  const c = v.campaign;
  const start = localDate(c.createdAt, v.timezone);
  const span = c.endedAt ? `${start} to ${localDate(c.endedAt, v.timezone)}` : `since ${start}`;
  return [SITUATION_WORDS[c.situation], span, `as of ${localDate(v.insights.asOf, v.timezone)}`].join(' · ');
}

function objective(v: BriefView): Block[] {
  const b = [heading(1, 'Objective')];
  b.push(v.campaign.objective ? paragraph(v.campaign.objective) : nothing('No objective written for this campaign yet.'));
  return b;
}

function people(v: BriefView): Block[] {
  const b = [heading(1, 'Who I talked to')];
  if (!v.people.length) return [...b, nothing('No conversations held yet.')];
  b.push(paragraph(`${plural(v.people.length, 'conversation')}, ${duration(v.insights.meetingMinutes)} in all.`));
  b.push(
    table(
      ['Name', 'Organisation', 'Title', 'Met on'],
      v.people.map((p) => [p.name, p.organisation ?? '', p.title ?? '', p.at ? localDate(p.at, v.timezone) : '']),
    ),
  );
  return b;
}

function learned(v: BriefView): Block[] {
  const b = [heading(1, 'What I learned')];
  const thin = v.insights.coverage.thin;
  b.push(
    thin.length
      ? paragraph(`Thin so far (fewer than ${THIN_NOTES} notes): ${listWords(thin.map((k) => KIND_LABEL[k].toLowerCase()))}.`, true)
      : paragraph('Every kind of insight has at least a few notes.', true),
  );
  for (const kind of INSIGHT_KINDS) {
    const notes = v.notes.filter((n) => n.kinds.includes(kind));
    b.push(heading(2, `${KIND_LABEL[kind]} (${plural(notes.length, 'note')})`));
    if (!notes.length) {
      b.push(nothing('Nothing noted of this kind yet.'));
      continue;
    }
    b.push(list(notes.slice(0, NOTES_PER_KIND).map((n) => said(n.text, n.contactName))));
    if (notes.length > NOTES_PER_KIND) b.push(nothing(`… and ${plural(notes.length - NOTES_PER_KIND, 'more note')} of this kind.`));
  }
  const untagged = v.notes.filter((n) => n.kinds.length === 0 && !n.questionId);
  if (untagged.length) {
    b.push(heading(2, `Other notes (${untagged.length})`));
    b.push(list(untagged.slice(0, NOTES_PER_KIND).map((n) => said(n.text, n.contactName))));
    if (untagged.length > NOTES_PER_KIND) b.push(nothing(`… and ${plural(untagged.length - NOTES_PER_KIND, 'more note')}.`));
  }
  const written = v.debriefs.filter((d) => d.learned || d.fit);
  if (written.length) {
    b.push(heading(2, 'From my debriefs'));
    b.push(
      table(
        ['With', 'What I learned', 'How it fits me'],
        written.map((d) => [d.contactName, d.learned ?? '', d.fit ?? '']),
      ),
    );
  }
  return b;
}

function answers(v: BriefView): Block[] {
  const b = [heading(1, 'Answers by question')];
  const asked = v.insights.answers.filter((q) => q.answers.length);
  if (!asked.length) return [...b, nothing('No notes tied to a question yet.')];
  for (const q of asked) {
    b.push(heading(2, q.question ?? q.topic));
    b.push(list(q.answers.map((a) => said(a.text, a.contactName))));
  }
  return b;
}

function pay(v: BriefView): Block[] {
  const b = [heading(1, 'Pay')];
  const p = v.insights.pay;
  if (!p) return [...b, nothing('No pay figures noted yet.')];
  const range =
    p.count === 1
      ? `one figure: ${money(p.median, p.currency)} a year`
      : `${p.count} figures, from ${money(p.min, p.currency)} to ${money(p.max, p.currency)} a year, median ${money(p.median, p.currency)}`;
  b.push(paragraph(`In ${p.currency}, ${range}. Monthly figures count × 12, hourly × 2080; a range counts as its midpoint.`));
  if (p.figures.length) {
    b.push(
      table(
        ['Who', 'As said', `Yearly (${p.currency})`],
        p.figures.map((f) => [f.contactName, f.text, whole.format(f.yearly)]),
        ['left', 'left', 'right'],
      ),
    );
  }
  if (p.other.length) {
    b.push(heading(2, 'In other currencies'));
    b.push(
      table(
        ['Who', 'As said', 'Yearly'],
        p.other.map((f) => [f.contactName, f.text, money(f.yearly, f.currency)]),
        ['left', 'left', 'right'],
      ),
    );
  }
  return b;
}

function terms(v: BriefView): Block[] {
  const b = [heading(1, 'Strengths, opportunities and threats')];
  b.push(
    paragraph(
      'Simple term counting: how many notes on each question name a word or short phrase, common words left out. It shows what came up often, not what matters most.',
      true,
    ),
  );
  const part = (title: string, counts: TermCount[]) => {
    b.push(heading(2, title));
    // A line of terms reads better than a tall, mostly empty table of ones and twos.
    b.push(
      counts.length ? paragraph(counts.map((t) => `${t.term} (${t.count})`).join(' · ')) : nothing('Nothing noted on this question yet.'),
    );
  };
  part('Strengths that matter', v.insights.strengths);
  part('Opportunities', v.insights.opportunities);
  part('Threats', v.insights.threats);
  return b;
}

function rateRows(by: string, entries: Record<string, RateEntry>, name: (key: string) => string): string[][] {
  return Object.entries(entries)
    .sort(([a, x], [b, y]) => y.sent - x.sent || a.localeCompare(b))
    .map(([key, r]) => [by, name(key), String(r.replied), String(r.sent), `${percent(r.rate)}${r.smallSample ? ' (small sample)' : ''}`]);
}

function numbers(v: BriefView): Block[] {
  const i = v.insights;
  const f = i.funnel;
  const b = [heading(1, 'The campaign in numbers')];

  b.push(heading(2, 'Funnel'));
  const step = (n: number, of: number) => (of ? percent(n / of) : '—');
  const perHeld = (n: number) => (f.held ? `${(n / f.held).toFixed(1)} per conversation` : '—');
  b.push(
    table(
      ['Stage', 'Count', 'From the stage before'],
      [
        ['Identified', String(f.identified), ''],
        ['Requested', String(f.requested), step(f.requested, f.identified)],
        ['Replied', String(f.replied), step(f.replied, f.requested)],
        ['Scheduled', String(f.scheduled), step(f.scheduled, f.replied)],
        ['Held', String(f.held), step(f.held, f.scheduled)],
        ['Referrals', String(f.referrals), perHeld(f.referrals)],
        ['Outcomes', String(f.outcomes), perHeld(f.outcomes)],
      ],
      ['left', 'right', 'right'],
    ),
  );

  b.push(heading(2, 'Reply rates'));
  const rows = [
    ...rateRows('Channel', i.replyRate.byChannel, (k) => k),
    ...rateRows('Template', i.replyRate.byTemplate, (k) => (k === 'none' ? 'No template' : (v.templateNames[k] ?? k))),
    ...rateRows('Tie', i.replyRate.byTie, (k) => k),
  ];
  if (rows.length) {
    b.push(table(['By', 'Which', 'Replied', 'Sent', 'Rate'], rows, ['left', 'left', 'right', 'right', 'right']));
    b.push(nothing(`A reply is any answer other than an out-of-office; fewer than ${SMALL_SAMPLE} requests make a small sample.`));
  } else b.push(nothing('No requests sent yet.'));

  b.push(heading(2, 'Time invested'));
  b.push(
    keyValue([
      { key: 'Conversations', value: duration(i.meetingMinutes) },
      { key: 'Preparation', value: duration(i.prepMinutes) },
      { key: 'In all', value: duration(i.minutesInvested) },
    ]),
  );

  b.push(heading(2, 'Referrals'));
  const t = i.referralTree;
  b.push(
    t.nodes
      ? paragraph(
          `The referral tree holds ${plural(t.nodes, 'person', 'people')} (everyone asked and whom they led to); ${t.depth === 0 ? 'no referral has been followed up yet' : `its longest chain is ${plural(t.depth, 'introduction')}`}.`,
        )
      : nothing('No referrals yet.'),
  );

  b.push(heading(2, 'Outcomes'));
  if (!i.outcomes.length) b.push(nothing('No outcomes recorded yet.'));
  else {
    b.push(
      list(
        i.outcomes.map((o) => {
          const credits = o.credits
            .map((c) => (c.depth === 0 ? c.contactName : `${c.contactName} (${plural(c.depth, 'introduction')} before)`))
            .join(', ');
          const what = [OUTCOME_WORDS[o.kind], o.note].filter(Boolean).join(': ');
          return `${what} (${localDate(o.at, v.timezone)})${credits ? ` — credited to ${credits}` : ''}`;
        }),
      ),
    );
  }
  return b;
}

function nextSteps(v: BriefView): Block[] {
  const b = [heading(1, 'Next steps')];
  const referrals = v.prospects.filter((p) => p.referredBy);
  const prospects = v.prospects.filter((p) => !p.referredBy);
  if (!v.actions.length && !referrals.length && !prospects.length) {
    return [...b, nothing('Nothing waiting: no open actions, and everyone on the list has been asked.')];
  }
  if (v.actions.length) {
    b.push(heading(2, 'To do'));
    b.push(list(v.actions.map((a) => `${localDate(a.dueAt, v.timezone)}: ${a.reason}`)));
  }
  if (referrals.length) {
    b.push(heading(2, 'Referrals not contacted yet'));
    b.push(list(referrals.map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}, referred by ${p.referredBy}`)));
  }
  if (prospects.length) {
    b.push(heading(2, 'Prospects not asked yet'));
    b.push(list(prospects.map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}`)));
  }
  return b;
}

function openQuestions(v: BriefView): Block[] {
  const b = [heading(1, 'Open questions')];
  const open = v.debriefs.filter((d) => d.open);
  const thin = v.insights.coverage.thin;
  if (!open.length && !thin.length) return [...b, nothing('No open questions noted.')];
  if (open.length) b.push(list(open.map((d) => `${d.open!.trim()} (after talking with ${d.contactName})`)));
  if (thin.length) {
    b.push(
      paragraph(
        `Little heard yet about ${listWords(thin.map((k) => KIND_LABEL[k].toLowerCase()))}: ask about it in the next conversations.`,
      ),
    );
  }
  return b;
}

/** The brief as blocks, in the order a reader wants it: purpose, sources, findings, figures, what next. */
export function briefDocument(v: BriefView, createdAt?: Date): DocumentModel {
  const blocks = [
    ...objective(v),
    ...people(v),
    ...learned(v),
    ...answers(v),
    ...pay(v),
    ...terms(v),
    ...numbers(v),
    ...nextSteps(v),
    ...openQuestions(v),
  ];
  return { title: `Field brief: ${v.campaign.field}`, subtitle: subtitle(v), blocks, ...(createdAt ? { createdAt } : {}) };
}
