// The placeholder language of message templates: `{a.b}` for a value, and sections
// `{#a.b}…{/a.b}` (kept only when a.b can be filled) / `{^a.b}…{/a.b}` (kept only when it cannot).
// Sections are how one template carries both the version that names an introducer and the one
// that does not, so an introducer without permission is never named and never left as a blank.

export const TEMPLATE_PURPOSES = ['request', 'intro-request', 'follow-up', 'thank-you', 'update', 'thank-introducer'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export const TEMPLATE_CHANNELS = ['email', 'phone', 'linkedin'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** Every placeholder a template may use, with what fills it (shown by `templates list` and the docs). */
export const PLACEHOLDERS = {
  'contact.firstName': "the contact's given name (or the first word of their name)",
  'contact.lastName': "the contact's family name",
  'contact.name': "the contact's full name",
  'contact.organisation': "the contact's organisation",
  'contact.title': "the contact's job title",
  'recipient.firstName':
    'the given name of whoever the message goes to: the contact, or the introducer for intro-request and thank-introducer',
  'recipient.name': 'the full name of whoever the message goes to',
  'introducer.name': 'the mutual contact who introduced you, only when they allowed you to use their name (permission granted)',
  'introducer.firstName': "that introducer's given name, under the same condition",
  'campaign.field': "the campaign's field, e.g. UX research in healthcare",
  'campaign.objective': "the campaign's objective",
  'user.name': 'your name (settings set name "…")',
  'user.firstName': 'the first word of your name',
  minutes: 'the length of the conversation you ask for (the interview’s minutes, 20 by default)',
  advice:
    'a short quote of the advice noted in the interview: the latest search tip or résumé note first, then industry or job-market notes (for thank-you, thank-introducer and update messages)',
  progress: 'what you did since you were last in touch with the contact: people met and outcomes, as whole sentences (for updates)',
  'progress.met': 'the people you met since, naming those the contact suggested (for updates)',
  'progress.outcomes': 'the outcomes recorded since (job interviews, offers, …), saying which the contact helped with (for updates)',
  'conversation.referrals': 'how many more people the contact suggested you talk to, e.g. "suggested two more people I could talk to"',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** Any brace-delimited token on one line; validation decides which of them are well formed. */
const TOKEN = /\{([^{}\n]{0,80})\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;

export interface TemplateProblem {
  /** `subject` or `body` */
  field: string;
  line: number;
  column: number;
  token: string;
  message: string;
}

/** The 1-based line and column of a string index. */
function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Checks a template text: every `{…}` must be a known placeholder or a section tag on one, and
 * sections must open and close in order. Returns every problem, with where it is.
 */
export function checkTemplateText(text: string, field: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const open: { name: string; index: number; token: string }[] = [];
  const problem = (index: number, token: string, message: string) => problems.push({ field, ...position(text, index), token, message });
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const inner = m[1]!.trim();
    const sigil = /^[#^/]/.test(inner) ? inner[0]! : '';
    const name = sigil ? inner.slice(1).trim() : inner;
    if (!NAME.test(name) || !isPlaceholder(name)) {
      problem(m.index, token, `${token} is not a placeholder; use one of: ${PLACEHOLDER_NAMES.map((p) => `{${p}}`).join(', ')}`);
      continue;
    }
    if (sigil === '#' || sigil === '^') open.push({ name, index: m.index, token });
    else if (sigil === '/') {
      const top = open.pop();
      if (!top) problem(m.index, token, `${token} closes a section that was never opened`);
      else if (top.name !== name) problem(m.index, token, `${token} closes ${top.token}, which needs {/${top.name}} first`);
    }
  }
  for (const o of open) problem(o.index, o.token, `${o.token} is never closed; end the section with {/${o.name}}`);
  return problems;
}

/** The placeholders a text uses (values and sections), in order of first use. */
export function placeholdersIn(text: string): Placeholder[] {
  const seen = new Set<Placeholder>();
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1]!.trim().replace(/^[#^/]\s*/, '');
    if (isPlaceholder(name)) seen.add(name);
  }
  return [...seen];
}
