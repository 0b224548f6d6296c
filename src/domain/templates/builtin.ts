// The built-in templates, in coffeechat's own words. Ids are stable: touches record the template
// they came from, and insights compare reply rates per template.
import type { Placeholder, TemplateChannel, TemplatePurpose } from './placeholders.js';

export interface Template {
  id: string;
  name: string;
  purpose: TemplatePurpose;
  channel: TemplateChannel;
  /** E-mail only. */
  subject: string | null;
  body: string;
  builtIn: boolean;
  createdAt: string | null;
}

/** A template with the placeholders it uses, for pickers and `templates show`. */
export type TemplateView = Template & { placeholders: Placeholder[] };

const REQUEST_EMAIL = `Dear {contact.firstName},

{#introducer.name}{introducer.name} suggested I contact you, as your experience in {campaign.field} is exactly what I hope to learn from.{/introducer.name}{^introducer.name}Your work{#contact.organisation} at {contact.organisation}{/contact.organisation} is exactly the kind of experience I hope to learn from as I explore {campaign.field}.{/introducer.name}

Would you have {minutes} minutes in the next two weeks to tell me how you got into the field and what the work is really like? A call, a video chat or a coffee near your office would all suit me, at a time that works for you.

Thank you for considering it,
{user.name}`;

const REQUEST_CALL = `Hello {contact.firstName}, this is {user.name}. {#introducer.name}{introducer.name} suggested I give you a call. {/introducer.name}{^introducer.name}I'm calling because of your work{#contact.organisation} at {contact.organisation}{/contact.organisation}. {/introducer.name}I'm exploring {campaign.field}, and your view of the field would help me a great deal. Could we find {minutes} minutes for a conversation in the next week or two, in person or by phone?

---
If you hear an objection

"I'm too busy" / "I'm booked solid right now."
→ I understand completely. Would a quick breakfast, or a 15-minute call later in the month, be easier? I'm glad to work around your diary.

"We're not hiring."
→ That's fine; I'm not calling about openings. I'm trying to understand how the field works and what matters in it, and your experience tells me more than anything I can read.

"Just send me your CV."
→ I'm happy to send it afterwards if it would help. What I'd value most now is your advice: what you look for, and how people with a background like mine usually find their way in.

"I don't think I know anything useful."
→ Your day-to-day experience is exactly what I can't find online. Even a few minutes on how you got where you are would help me.

If a meeting isn't possible, ask these two now
1. What do you know now about {campaign.field} that you wish you had known when you started?
2. Who else would you suggest I talk to, and may I mention that you suggested them?

Before you hang up: thank them, repeat the day, time and place, and how long you asked for.`;

const REQUEST_LINKEDIN = `Hi {contact.firstName}, {#introducer.name}{introducer.name} suggested I reach out. {/introducer.name}I'm exploring {campaign.field} and would value your view of the work. Could you spare {minutes} minutes for a short call in the coming weeks? Thank you, {user.firstName}`;

const INTRO_REQUEST_EMAIL = `Hi {recipient.firstName},

I hope you are well. I'm exploring {campaign.field}, and I believe you know {contact.name}{#contact.organisation} at {contact.organisation}{/contact.organisation}. Would you be willing to introduce us, or to let me mention your name when I write to {contact.firstName}?

I would ask {contact.firstName} for {minutes} minutes of advice about the field, nothing more. If an introduction isn't convenient, no problem at all.

Thank you,
{user.name}`;

const FOLLOW_UP_EMAIL = `Dear {contact.firstName},

I wrote recently to ask whether you might have {minutes} minutes to share your experience of {campaign.field}. I know your time is much in demand, so I wanted to follow up just once.

Would a short call or a coffee in the coming weeks be possible? If now is a busy time, could you suggest someone else I might speak to?

Best wishes,
{user.name}`;

const FOLLOW_UP_LINKEDIN = `Hi {contact.firstName}, following up on my note: would you have {minutes} minutes in the coming weeks to tell me how you see {campaign.field}? If now is busy, I understand. Thanks, {user.firstName}`;

const THANK_YOU_EMAIL = `Dear {contact.firstName},

Thank you for taking the time to talk with me about {campaign.field}. {#advice}I wrote down your advice — “{advice}” — and I'm acting on it.{/advice}{^advice}Your advice gave me a much clearer idea of where to start.{/advice}

I'll let you know how things go in a few weeks.

With thanks,
{user.name}`;

const THANK_YOU_LINKEDIN = `Hi {contact.firstName}, thank you again for your time and advice on {campaign.field}. It gave me a clear place to start, and I'll let you know how it goes. {user.firstName}`;

// The progress report fills itself from what was logged since the last touch; with nothing
// logged yet, the bracketed blank stays so the linter asks the user for their own words.
const UPDATE_EMAIL = `Dear {contact.firstName},

A quick update since our conversation about {campaign.field}.{#advice} Your advice has stayed with me: “{advice}”{/advice}

{#progress}{progress}{/progress}{^progress}Since then, [what you did with the advice, and what came of it].{/progress}

Thank you again for your help; I'll keep you posted.

Best wishes,
{user.name}`;

const THANK_INTRODUCER_EMAIL = `Dear {recipient.firstName},

Thank you for putting me in touch with {contact.name}. We talked about {campaign.field}, and it was a really useful conversation: {contact.firstName} was generous with advice{#conversation.referrals} and {conversation.referrals}{/conversation.referrals}.{#advice} One thing I am acting on straight away: “{advice}”{/advice}

I really appreciate the introduction, and I'll keep you posted on how things develop.

Best wishes,
{user.name}`;

const t = (
  id: string,
  name: string,
  purpose: TemplatePurpose,
  channel: TemplateChannel,
  subject: string | null,
  body: string,
): Template => ({
  id,
  name,
  purpose,
  channel,
  subject,
  body,
  builtIn: true,
  createdAt: null,
});

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  t(
    'request-email',
    'First request by e-mail',
    'request',
    'email',
    '{#introducer.name}{introducer.firstName} suggested I get in touch{/introducer.name}{^introducer.name}{minutes} minutes of advice on {campaign.field}?{/introducer.name}',
    REQUEST_EMAIL,
  ),
  t('request-call', 'Call script, with objections and two questions for the spot', 'request', 'phone', null, REQUEST_CALL),
  t('request-linkedin', 'LinkedIn connection note (300 characters at most)', 'request', 'linkedin', null, REQUEST_LINKEDIN),
  t(
    'intro-request-email',
    'Ask a mutual contact for an introduction',
    'intro-request',
    'email',
    'Would you introduce me to {contact.firstName}?',
    INTRO_REQUEST_EMAIL,
  ),
  t(
    'follow-up-email',
    'One polite follow-up by e-mail',
    'follow-up',
    'email',
    'Following up: {minutes} minutes on {campaign.field}',
    FOLLOW_UP_EMAIL,
  ),
  t('follow-up-linkedin', 'One polite follow-up on LinkedIn', 'follow-up', 'linkedin', null, FOLLOW_UP_LINKEDIN),
  t('thank-you-email', 'Thank-you after the conversation', 'thank-you', 'email', 'Thank you, {contact.firstName}', THANK_YOU_EMAIL),
  t('thank-you-linkedin', 'Short thank-you on LinkedIn', 'thank-you', 'linkedin', null, THANK_YOU_LINKEDIN),
  t('update-email', 'Update on what you did with the advice', 'update', 'email', 'An update, and thanks again', UPDATE_EMAIL),
  t(
    'thank-introducer-email',
    'Thank the person who introduced you',
    'thank-introducer',
    'email',
    'Thank you for introducing me to {contact.firstName}',
    THANK_INTRODUCER_EMAIL,
  ),
];

export function builtInTemplate(id: string): Template | undefined {
  return BUILT_IN_TEMPLATES.find((x) => x.id === id);
}

/** The built-in template for a purpose and channel, if there is one. */
export function defaultTemplate(purpose: TemplatePurpose, channel: TemplateChannel): Template | undefined {
  return BUILT_IN_TEMPLATES.find((x) => x.purpose === purpose && x.channel === channel);
}
