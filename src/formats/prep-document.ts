// The prep sheet as the API returns it (PrepView), and the same sheet as a document for Markdown,
// HTML and PDF. Pure: app/prep.ts gathers the view, this decides what the printed sheet says.
import type { PlanView } from '../domain/question-plan.js';
import type { InterviewStatus, MeetingMode, Permission, Tie } from '../domain/types.js';
import { checklist, heading, keyValue, list, paragraph, table, type Block, type DocumentModel } from './document.js';

export const PREP_CHECKLIST_IDS = ['role', 'news', 'public'] as const;
export type PrepChecklistId = (typeof PREP_CHECKLIST_IDS)[number];

/** The preparation prompts of the question bank, answered by the user as talking points. */
export const PREP_PROMPT_IDS = ['prep-about-me', 'prep-why-field', 'prep-why-role', 'prep-why-org'] as const;
export type PrepPromptId = (typeof PREP_PROMPT_IDS)[number];

export interface AgendaItem {
  title: string;
  minutes: number;
}

export interface PrepView {
  interviewId: string;
  campaignId: string;
  campaignField: string;
  status: InterviewStatus;
  meeting: {
    scheduledAt: string | null;
    /** "2026-03-10 14:00 Europe/Berlin" in the meeting's zone, or null before it is scheduled. */
    localTime: string | null;
    minutes: number;
    mode: MeetingMode | null;
    place: string | null;
    link: string | null;
  };
  person: {
    contactId: string;
    name: string;
    organisation: string | null;
    title: string | null;
    location: string | null;
    linkedinUrl: string | null;
    /** The contact's own research field (kept on the contact, shown here). */
    research: string | null;
    roles: { organisation: string | null; title: string | null; from: string | null; to: string | null; current: boolean }[];
  };
  connection: {
    tie: Tie;
    /** From someone the user knows down to the person (domain/chain.ts). */
    chain: { id: string; name: string; tie: string }[];
    introducedBy: { id: string; name: string; permission: Permission }[];
    summary: string;
  };
  checklist: { id: PrepChecklistId; label: string; hint: string; checked: boolean }[];
  researchNotes: string | null;
  objectives: string[];
  agenda: { items: AgendaItem[]; custom: boolean };
  plan: PlanView;
  talkingPoints: { promptId: PrepPromptId; label: string; prompt: string; text: string | null }[];
  prepMinutes: number;
  etiquette: string[];
  /** All three research items checked and at least one objective. */
  complete: boolean;
  /** What is still missing for `complete`, in words. */
  missing: string[];
  updatedAt: string | null;
}

const MODE_WORDS: Record<MeetingMode, string> = {
  'in-person': 'in person',
  coffee: 'over coffee',
  breakfast: 'over breakfast',
  video: 'video call',
  phone: 'phone call',
};

function subtitle(v: PrepView): string {
  const m = v.meeting;
  const when = m.localTime ?? 'Not scheduled yet';
  const how = [m.mode ? MODE_WORDS[m.mode] : null, m.place, m.link].filter(Boolean).join(', ');
  return [when, `${m.minutes} minutes`, how, v.campaignField].filter(Boolean).join(' · ');
}

function period(r: { from: string | null; to: string | null; current: boolean }): string {
  const to = r.current ? 'now' : r.to;
  if (!r.from) return r.current ? 'current' : to ? `until ${to}` : '';
  return `${r.from} – ${to ?? '?'}`;
}

/** The sheet as blocks: the order follows how the user reads it on the way to the meeting. */
export function prepDocument(v: PrepView, createdAt?: Date): DocumentModel {
  const p = v.person;
  const b: Block[] = [];

  b.push(heading(1, 'Who they are'));
  b.push(
    keyValue([
      { key: 'Name', value: p.name },
      { key: 'Role', value: [p.title, p.organisation].filter(Boolean).join(' at ') || 'Not recorded' },
      ...(p.location ? [{ key: 'Location', value: p.location }] : []),
      ...(p.linkedinUrl ? [{ key: 'LinkedIn', value: p.linkedinUrl }] : []),
    ]),
  );
  if (p.roles.length) {
    b.push(heading(2, 'Work history'));
    b.push(
      table(
        ['Organisation', 'Title', 'When'],
        p.roles.map((r) => [r.organisation ?? '', r.title ?? '', period(r)]),
      ),
    );
  }
  if (p.research) {
    b.push(heading(2, 'What you noted about them'));
    b.push(paragraph(p.research));
  }

  b.push(heading(1, 'How you are connected'));
  b.push(paragraph(v.connection.summary));
  if (v.connection.chain.length > 1) b.push(paragraph(['You', ...v.connection.chain.map((c) => c.name)].join(' → '), true));

  b.push(heading(1, 'Research'));
  b.push(checklist(v.checklist.map((c) => ({ text: c.label, checked: c.checked }))));
  if (v.researchNotes) b.push(paragraph(v.researchNotes));

  b.push(heading(1, 'Objectives for this meeting'));
  b.push(v.objectives.length ? list(v.objectives, true) : paragraph('No objectives written yet.', true));

  b.push(heading(1, 'Agenda'));
  const total = v.agenda.items.reduce((a, i) => a + i.minutes, 0);
  b.push(
    table(['Part', 'Minutes'], [...v.agenda.items.map((i) => [i.title, String(i.minutes)]), ['Total', String(total)]], ['left', 'right']),
  );

  b.push(heading(1, 'Questions'));
  if (v.plan.questions.length) {
    b.push(
      table(
        ['#', 'Question', 'Min'],
        v.plan.questions.map((q, i) => [String(i + 1), q.text, String(q.minutes)]),
        ['right', 'left', 'right'],
      ),
    );
  } else b.push(paragraph('No questions planned yet.', true));
  b.push(
    paragraph(
      `${v.plan.usedMinutes} of ${v.plan.budgetMinutes} minutes for questions${v.plan.saved ? '' : ' (suggested plan, not saved yet)'}.`,
      true,
    ),
  );
  if (v.plan.findings.length) b.push(list(v.plan.findings.map((f) => f.message)));

  b.push(heading(1, 'Your talking points'));
  for (const t of v.talkingPoints) {
    b.push(heading(2, t.label));
    b.push(paragraph(t.prompt, true));
    b.push(t.text ? paragraph(t.text) : paragraph('Not written yet.', true));
  }

  b.push(heading(1, 'Etiquette'));
  b.push(list(v.etiquette));

  b.push(heading(1, 'Preparation'));
  b.push(
    keyValue([
      { key: 'Time spent', value: `${v.prepMinutes} minutes` },
      { key: 'Checklist', value: v.complete ? 'Complete' : `Still to do: ${v.missing.join('; ')}` },
    ]),
  );

  return { title: `Prep sheet: ${p.name}`, subtitle: subtitle(v), blocks: b, ...(createdAt ? { createdAt } : {}) };
}
