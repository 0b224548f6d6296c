// A realistic sample campaign for a fresh database (`coffeechat demo`, "Load sample data"): a
// teacher exploring UX research in healthcare, part-way through the loop. Written through the
// same operations as real use, in one transaction, so it obeys every rule a user's data does.
import { AppError } from '../domain/errors.js';
import type { InsightKind } from '../domain/types.js';
import { acceptSuggestion, syncActions } from './actions.js';
import { addInterview, moveInterview } from './interviews.js';
import { createCampaign } from './campaigns.js';
import { createContact } from './contacts.js';
import type { Ctx } from './context.js';
import { addIntroduction } from './introductions.js';
import { addNote } from './notes.js';
import { logTouch } from './touches.js';

const DAY = 24 * 3600 * 1000;

const PEOPLE = [
  {
    key: 'maya',
    name: 'Maya Okafor',
    organisation: 'Northbridge Health',
    title: 'Senior UX Researcher',
    tie: 'acquaintance',
    emails: ['maya.okafor@example.org'],
    tags: ['ux', 'healthcare'],
    research: 'Ran the patient-portal redesign studies; spoke at a regional UX meetup about recruiting clinicians for research.',
  },
  {
    key: 'tom',
    name: 'Tom Lindqvist',
    organisation: 'Lakeside School District',
    title: 'Head of Science',
    tie: 'close',
    emails: ['tom.lindqvist@example.org'],
    tags: ['former colleague'],
    research: 'Former colleague; his sister works in digital health.',
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    organisation: 'CareLoop',
    title: 'Product Designer',
    tie: 'friend-of-contact',
    emails: ['priya@example.com'],
    tags: ['ux', 'startup'],
    research: "Designer at a telehealth start-up; Tom's sister worked with her.",
  },
  {
    key: 'daniel',
    name: 'Daniel Ferreira',
    organisation: 'Northbridge Health',
    title: 'Research Operations Lead',
    tie: 'friend-of-contact',
    emails: ['d.ferreira@example.org'],
    tags: ['research-ops'],
    research: 'Manages participant recruitment and consent for the design team.',
  },
  {
    key: 'aisha',
    name: 'Aisha Bello',
    organisation: 'Health UX Guild',
    title: 'Chapter Organiser',
    tie: 'cold',
    emails: ['aisha@example.net'],
    tags: ['association'],
    research: 'Organises the monthly Health UX Guild meetups.',
  },
  {
    key: 'liam',
    name: 'Liam Chen',
    organisation: 'MedSight Analytics',
    title: 'Director of User Research',
    tie: 'acquaintance',
    emails: ['liam.chen@example.com'],
    tags: ['ux', 'senior'],
    research: 'Leads a research team of six; hires mid-career switchers.',
  },
  {
    key: 'sofia',
    name: 'Sofía Martínez',
    organisation: 'CareLoop',
    title: 'UX Research Intern Mentor',
    tie: 'acquaintance',
    emails: ['sofia.martinez@example.com'],
    tags: ['ux'],
    research: 'Mentors interns; moved into research from nursing.',
  },
  {
    key: 'grace',
    name: 'Grace Kim',
    organisation: 'City General Hospital',
    title: 'Clinical Informatics Nurse',
    tie: 'close',
    emails: ['grace.kim@example.org'],
    tags: ['clinical'],
    research: 'Friend from university; sits on the EHR usability committee.',
  },
  {
    key: 'omar',
    name: 'Omar Haddad',
    organisation: 'Brightpath Digital',
    title: 'Service Designer',
    tie: 'acquaintance',
    emails: ['omar@example.net'],
    tags: ['service design'],
    research: 'Consultancy with NHS and insurer clients.',
  },
  {
    key: 'hannah',
    name: 'Hannah Weiss',
    organisation: 'MedSight Analytics',
    title: 'Recruiter',
    tie: 'cold',
    emails: ['hannah.weiss@example.com'],
    tags: [],
    research: null,
  },
  {
    key: 'kenji',
    name: 'Kenji Watanabe',
    organisation: 'Northbridge Health',
    title: 'Design Manager',
    tie: 'friend-of-contact',
    emails: [],
    tags: ['ux', 'senior'],
    research: 'Maya mentioned him as the person who shapes the hiring bar.',
  },
  {
    key: 'elena',
    name: 'Elena Rossi',
    organisation: 'Independent',
    title: 'Accessibility Consultant',
    tie: 'acquaintance',
    emails: ['elena.rossi@example.org'],
    tags: ['accessibility'],
    research: 'Audits patient apps for accessibility; former teacher too.',
  },
] as const;

/** Fills an empty database with the sample campaign; refuses a database that has data. */
export async function loadDemo(ctx: Ctx): Promise<{ campaignId: string; contacts: number }> {
  return ctx.store.transaction(async (tx) => {
    const c: Ctx = { ...ctx, store: tx };
    if ((await tx.contacts.count(ctx.userId)) > 0 || (await tx.campaigns.count(ctx.userId)) > 0) {
      throw new AppError('conflict', 'Sample data goes only into an empty database, and this one already has contacts or campaigns.');
    }
    const now = ctx.clock.now().getTime();
    const ago = (days: number, hour = 10) => {
      const d = new Date(now - days * DAY);
      d.setUTCHours(hour, 0, 0, 0);
      return d.toISOString();
    };

    const campaign = await createCampaign(c, {
      field: 'UX research in healthcare',
      situation: 'career-change',
      objective:
        'Find out whether eight years of teaching science translate into a junior UX research role at a health organisation, and what to learn first.',
    });
    const id: Record<string, string> = {};
    for (const { key, ...p } of PEOPLE) {
      const made = await createContact(c, { ...p, emails: [...p.emails], tags: [...p.tags], source: 'demo' });
      id[key] = made.id;
    }
    await addIntroduction(c, { introducerId: id.tom!, contactId: id.priya!, permission: 'granted' });
    await addIntroduction(c, { introducerId: id.maya!, contactId: id.daniel!, permission: 'granted' });

    const iv: Record<string, string> = {};
    for (const key of ['maya', 'priya', 'liam', 'daniel', 'sofia', 'omar', 'hannah', 'aisha', 'elena']) {
      iv[key] = (await addInterview(c, { campaignId: campaign.id, contactId: id[key] })).id;
    }
    const touch = (key: string, t: Record<string, unknown>) => logTouch(c, { contactId: id[key], interviewId: iv[key], ...t });
    const note = (key: string, text: string, kinds: InsightKind[], at: string, questionId?: string) =>
      addNote(c, { contactId: id[key], interviewId: iv[key], text, kinds, at, questionId });

    // Maya: held, thanked and kept posted — the loop done right.
    await touch('maya', {
      channel: 'email',
      purpose: 'request',
      at: ago(40),
      text: 'Hi Maya, we met at the Health UX meetup last spring. I am a science teacher exploring UX research in healthcare and would value 20 minutes of your perspective. Would a short call next week work?',
    });
    await touch('maya', { channel: 'email', direction: 'in', purpose: 'reply', response: 'positive', at: ago(39) });
    await moveInterview(c, iv.maya!, { status: 'scheduled' });
    await note(
      'maya',
      'Most junior researchers she hired came in through research operations or usability testing contracts, not straight into a researcher title.',
      ['job-market', 'search-tips'],
      ago(33),
      'how-in',
    );
    await note('maya', 'Suggested Daniel Ferreira in research ops; said I may use her name.', ['contacts'], ago(33), 'who-else');
    await note('maya', 'Typical pay for a junior researcher at a hospital group: about $70-80k.', ['job-market'], ago(33), 'pay');
    await tx.introductions
      .find(ctx.userId, id.maya!, id.daniel!)
      .then((intro) => (intro ? tx.introductions.setInterview(ctx.userId, intro.id, iv.maya!) : undefined));
    await moveInterview(c, iv.maya!, { status: 'held' });
    await touch('maya', {
      channel: 'email',
      purpose: 'thank-you',
      at: ago(33, 18),
      text: 'Thank you for the advice about research operations.',
    });
    await touch('maya', {
      channel: 'email',
      purpose: 'update',
      at: ago(5),
      text: 'I signed up for a usability-testing course as you suggested.',
    });

    // Priya: held yesterday, thank-you still to send.
    await touch('priya', { channel: 'linkedin', purpose: 'request', at: ago(12), text: 'Tom Lindqvist suggested I reach out.' });
    await touch('priya', { channel: 'linkedin', direction: 'in', purpose: 'reply', response: 'positive', at: ago(11) });
    await moveInterview(c, iv.priya!, { status: 'scheduled' });
    const priya = (await tx.interviews.get(ctx.userId, iv.priya!))!;
    await tx.interviews.update(ctx.userId, { ...priya, scheduledAt: ago(1, 15), minutes: 30, mode: 'video' });
    await note(
      'priya',
      'Start-ups value someone who can plan and run studies end to end; a portfolio with two small case studies beats a certificate.',
      ['resume', 'search-tips'],
      ago(1, 16),
      'skills-fit',
    );
    await note(
      'priya',
      'Telehealth is growing but regulation slows releases; research on consent flows is in demand.',
      ['industry'],
      ago(1, 16),
      'trends',
    );
    await moveInterview(c, iv.priya!, { status: 'held', noReferrals: true });

    // Liam: requested four days ago, no answer yet.
    await touch('liam', {
      channel: 'email',
      purpose: 'request',
      at: ago(4, 9),
      text: 'Would you have 20 minutes for a few questions about how your team hires career changers?',
    });
    // Daniel: scheduled for later today.
    await touch('daniel', { channel: 'email', purpose: 'request', at: ago(6), text: 'Maya Okafor suggested I contact you.' });
    await touch('daniel', { channel: 'email', direction: 'in', purpose: 'reply', response: 'positive', at: ago(5) });
    await moveInterview(c, iv.daniel!, { status: 'scheduled' });
    const meeting = new Date(now + 3 * 3600 * 1000);
    meeting.setUTCMinutes(0, 0, 0);
    const daniel = (await tx.interviews.get(ctx.userId, iv.daniel!))!;
    await tx.interviews.update(ctx.userId, {
      ...daniel,
      scheduledAt: meeting.toISOString(),
      minutes: 20,
      mode: 'coffee',
      place: 'Corner café by the hospital',
    });
    // The meeting time was written directly, so its actions (prepare, thank) are planned here.
    await syncActions(c, tx, iv.daniel!);
    // Sofía: declined but pointed to someone else.
    await touch('sofia', { channel: 'email', purpose: 'request', at: ago(20) });
    await touch('sofia', {
      channel: 'email',
      direction: 'in',
      purpose: 'reply',
      response: 'referral-only',
      at: ago(18),
      text: 'I am swamped this month, but Elena Rossi would be a great person to ask.',
    });
    // Hannah: the user dropped it (a recruiter is not the right first conversation).
    await moveInterview(c, iv.hannah!, { status: 'dropped' });

    // Kenji: the way in runs through Maya, so the suggestion is accepted with her as the introducer.
    await acceptSuggestion(c, { campaignId: campaign.id, contactId: id.kenji!, viaContactId: id.maya! });
    return { campaignId: campaign.id, contacts: PEOPLE.length };
  });
}
