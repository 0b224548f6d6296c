// Every route of /api/v1: thin adapters that hand the request to one operation each.
import * as z from 'zod';
import * as campaigns from '../app/campaigns.js';
import * as contacts from '../app/contacts.js';
import { loadDemo } from '../app/demo.js';
import { exportContacts, exportOptions } from '../app/export.js';
import { importContacts, importOptions } from '../app/import.js';
import { markNotDuplicate, mergeContacts, mergeInput, reviewDuplicates, unmarkNotDuplicate, unmergeContact } from '../app/merge.js';
import * as interviews from '../app/interviews.js';
import * as introductions from '../app/introductions.js';
import * as notes from '../app/notes.js';
import * as organisations from '../app/organisations.js';
import * as roles from '../app/roles.js';
import { overview } from '../app/overview.js';
import { search, searchQuery } from '../app/search.js';
import * as settings from '../app/settings.js';
import { today, todayQuery } from '../app/today.js';
import { networkGraph, networkGraphQuery } from '../app/network-graph.js';
import { suggestContacts } from '../app/suggest.js';
import * as targets from '../app/targets.js';
import * as touches from '../app/touches.js';
import * as templates from '../app/templates.js';
import * as questions from '../app/questions.js';
import * as plans from '../app/plans.js';
import { checkDraft, checkInput, draft, draftInput } from '../app/drafts.js';
import { lintInput, lintText } from '../app/lint.js';
import { sendInput, sendMessage } from '../app/send.js';
import * as actions from '../app/actions.js';
import * as schedule from '../app/schedule.js';
import * as outcomes from '../app/outcomes.js';
import { keepInTouchInput, setKeepInTouch } from '../app/keep-in-touch.js';
import * as prep from '../app/prep.js';
import * as referrals from '../app/referrals.js';
import * as closing from '../app/close.js';
import * as brief from '../app/brief.js';
import { campaignInsights, overallInsights } from '../app/insights.js';
import * as calendarFeed from '../app/calendar-feed.js';
import { items, route, type RouteDef } from './route.js';

const p = (r: { params: Record<string, string> }) => r.params.id!;

const EXPORT_FILES = {
  csv: { type: 'text/csv; charset=utf-8', filename: 'coffeechat-contacts.csv' },
  vcard: { type: 'text/vcard; charset=utf-8', filename: 'coffeechat-contacts.vcf' },
  json: { type: 'application/json; charset=utf-8', filename: 'coffeechat-backup.json' },
};

const ICS_TYPE = 'text/calendar; charset=utf-8';
/** The feed's address starts where the client reached the server (or its public base URL). */
const feedBase = (r: { origin?: string }) => r.origin ?? 'http://127.0.0.1:5454';
/** A download route's body is a stream of text chunks; a calendar file is written whole. */
async function* oneChunk(text: string): AsyncGenerator<string> {
  yield text;
}

/** A file made whole in memory (a prep sheet's Markdown or PDF), as the one chunk of a download. */
async function* oneFile(body: string | Uint8Array): AsyncGenerator<string | Uint8Array> {
  yield body;
}

export const ROUTES: RouteDef[] = [
  route({ method: 'get', path: '/health', tag: 'meta', summary: 'Whether the server is up', run: async () => ({ ok: true }) }),
  route({
    method: 'get',
    path: '/overview',
    tag: 'meta',
    summary: 'How many contacts, campaigns and interviews there are',
    run: (ctx) => overview(ctx),
  }),
  route({
    method: 'get',
    path: '/today',
    tag: 'today',
    summary: "Actions due today, the next 7 days, and today's meetings (each list at most `limit`, counted in full)",
    query: todayQuery,
    run: (ctx, r) => today(ctx, r.query),
  }),
  route({
    method: 'get',
    path: '/actions',
    tag: 'actions',
    summary: 'Actions, earliest due first, by status, contact or interview',
    query: actions.actionQuery,
    run: (ctx, r) => items(actions.listActions(ctx, r.query)),
  }),
  route({
    method: 'get',
    path: '/actions/:id',
    tag: 'actions',
    summary: 'One action',
    run: (ctx, r) => actions.getAction(ctx, p(r)),
  }),
  route({
    method: 'post',
    path: '/actions/:id/done',
    tag: 'actions',
    summary: 'Mark an action done (confirming a move-on closes the request as no response)',
    run: (ctx, r) => actions.markDone(ctx, p(r)),
  }),
  route({
    method: 'post',
    path: '/actions/:id/snooze',
    tag: 'actions',
    summary: 'Put an action aside until a later time',
    body: actions.snoozeInput,
    run: (ctx, r) => actions.snoozeAction(ctx, p(r), r.body),
  }),
  route({
    method: 'post',
    path: '/actions/:id/dismiss',
    tag: 'actions',
    summary: 'Dismiss an action',
    run: (ctx, r) => actions.dismissAction(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/search',
    tag: 'search',
    summary: 'Search contacts and notes',
    query: searchQuery,
    run: (ctx, r) => search(ctx, r.query),
  }),
  route({
    method: 'post',
    path: '/demo',
    tag: 'meta',
    summary: 'Fill an empty database with a sample campaign',
    status: 201,
    run: (ctx) => loadDemo(ctx),
  }),

  route({
    method: 'get',
    path: '/contacts',
    tag: 'contacts',
    summary: 'A page of contacts, searchable and sorted',
    query: contacts.contactQuery,
    run: (ctx, r) => contacts.listContacts(ctx, r.query),
  }),
  route({
    method: 'post',
    path: '/contacts',
    tag: 'contacts',
    summary: 'Add a contact',
    body: contacts.contactInput,
    status: 201,
    run: (ctx, r) => contacts.createContact(ctx, r.body),
  }),
  route({
    method: 'post',
    path: '/import',
    tag: 'contacts',
    summary: 'Import a contacts file (the request body, as it is); ?dryRun=true previews',
    query: importOptions,
    upload: true,
    run: (ctx, r) =>
      importContacts(ctx, r.body as AsyncIterable<Uint8Array>, {
        ...r.query,
        dryRun: r.query.dryRun === 'true',
        strict: r.query.strict === 'true',
      }),
  }),
  route({
    method: 'get',
    path: '/export',
    tag: 'contacts',
    summary: 'Download every contact as vCard 4.0, spreadsheet-safe CSV, or a JSON backup of the network (?format=vcard|csv|json)',
    query: exportOptions,
    download: (r) => EXPORT_FILES[(r.query as { format: keyof typeof EXPORT_FILES }).format],
    run: async (ctx, r) => exportContacts(ctx, r.query),
  }),
  route({
    method: 'get',
    path: '/duplicates',
    tag: 'contacts',
    summary: 'Pairs of contacts that may be the same person, with the evidence, both people and where they differ',
    run: (ctx) => items(reviewDuplicates(ctx)),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/not-duplicate',
    tag: 'contacts',
    summary: 'Say that this contact and another ({ otherId }) are different people, so the pair is not offered again',
    body: z.object({ otherId: z.string() }),
    status: 201,
    run: (ctx, r) => markNotDuplicate(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/contacts/:id/not-duplicate/:otherId',
    tag: 'contacts',
    summary: 'Take back "different people": the pair may be offered for review again',
    status: 204,
    run: (ctx, r) => unmarkNotDuplicate(ctx, p(r), r.params.otherId!),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/merge',
    tag: 'contacts',
    summary: "Merge another contact into this one ({ otherId, choose?: { field: 'keep' | 'other' } })",
    body: mergeInput,
    run: (ctx, r) => mergeContacts(ctx, p(r), r.body),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/unmerge',
    tag: 'contacts',
    summary: 'Undo the latest merge into this contact',
    run: (ctx, r) => unmergeContact(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'One contact, with their work history',
    run: (ctx, r) => contacts.showContact(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/contacts/:id/roles',
    tag: 'contacts',
    summary: 'Work history: current role first, then the most recent',
    run: (ctx, r) => items(roles.listRoles(ctx, p(r))),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/roles',
    tag: 'contacts',
    summary: 'Add a role to the work history (the current job follows the open role that started last)',
    body: roles.roleInput,
    status: 201,
    run: (ctx, r) => roles.addRole(ctx, p(r), r.body),
  }),
  route({
    method: 'patch',
    path: '/roles/:id',
    tag: 'contacts',
    summary: 'Change a role',
    body: roles.rolePatch,
    run: (ctx, r) => roles.updateRole(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/roles/:id',
    tag: 'contacts',
    summary: 'Remove a role from the work history',
    status: 204,
    run: (ctx, r) => roles.deleteRole(ctx, p(r)),
  }),
  route({
    method: 'patch',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Change some fields of a contact',
    body: contacts.contactPatch,
    run: (ctx, r) => contacts.updateContact(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Delete a contact and everything about them',
    status: 204,
    run: (ctx, r) => contacts.deleteContact(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/contacts/:id/timeline',
    tag: 'contacts',
    summary: 'Touches and notes with a contact, newest first',
    run: (ctx, r) => items(contacts.contactTimeline(ctx, p(r))),
  }),
  route({
    method: 'get',
    path: '/contacts/:id/introductions',
    tag: 'introductions',
    summary: 'Introductions in which the contact is either side',
    run: (ctx, r) => items(introductions.listIntroductions(ctx, p(r))),
  }),

  route({
    method: 'get',
    path: '/contacts/:id/chain',
    tag: 'introductions',
    summary: 'The chain of introductions from someone you know down to this contact',
    run: (ctx, r) => items(introductions.contactChain(ctx, p(r))),
  }),
  route({
    method: 'post',
    path: '/introductions',
    tag: 'introductions',
    summary: 'Record who introduced whom',
    body: introductions.introductionInput,
    status: 201,
    run: (ctx, r) => introductions.addIntroduction(ctx, r.body),
  }),
  route({
    method: 'patch',
    path: '/introductions/:id',
    tag: 'introductions',
    summary: "Record the permission to use the introducer's name",
    body: z.object({ permission: z.string() }),
    run: (ctx, r) => introductions.setIntroductionPermission(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/introductions/:id',
    tag: 'introductions',
    summary: 'Remove an introduction',
    status: 204,
    run: (ctx, r) => introductions.deleteIntroduction(ctx, p(r)),
  }),

  route({
    method: 'get',
    path: '/organisations',
    tag: 'organisations',
    summary: 'Organisations with their number of contacts',
    run: (ctx, r) => items(organisations.listOrganisations(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/organisations',
    tag: 'organisations',
    summary: 'Add an organisation',
    body: organisations.organisationInput,
    status: 201,
    run: (ctx, r) => organisations.createOrganisation(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/organisations/:id',
    tag: 'organisations',
    summary: 'One organisation',
    run: (ctx, r) => organisations.getOrganisation(ctx, p(r)),
  }),
  route({
    method: 'patch',
    path: '/organisations/:id',
    tag: 'organisations',
    summary: 'Change an organisation',
    body: organisations.organisationInput.partial(),
    run: (ctx, r) => organisations.updateOrganisation(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/organisations/:id',
    tag: 'organisations',
    summary: 'Delete an organisation (its contacts stay)',
    status: 204,
    run: (ctx, r) => organisations.deleteOrganisation(ctx, p(r)),
  }),

  route({
    method: 'get',
    path: '/campaigns',
    tag: 'campaigns',
    summary: 'Campaigns, newest first',
    query: campaigns.campaignQuery,
    run: (ctx, r) => items(campaigns.listCampaigns(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/campaigns',
    tag: 'campaigns',
    summary: 'Start a campaign',
    body: campaigns.campaignInput,
    status: 201,
    run: (ctx, r) => campaigns.createCampaign(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/campaigns/:id',
    tag: 'campaigns',
    summary: 'One campaign',
    run: (ctx, r) => campaigns.getCampaign(ctx, p(r)),
  }),
  route({
    method: 'patch',
    path: '/campaigns/:id',
    tag: 'campaigns',
    summary: 'Change a campaign',
    body: campaigns.campaignPatch,
    run: (ctx, r) => campaigns.updateCampaign(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/campaigns/:id',
    tag: 'campaigns',
    summary: 'Delete a campaign and its interviews',
    status: 204,
    run: (ctx, r) => campaigns.deleteCampaign(ctx, p(r)),
  }),
  route({
    method: 'post',
    path: '/campaigns/:id/end',
    tag: 'campaigns',
    summary: 'End a campaign',
    run: (ctx, r) => campaigns.endCampaign(ctx, p(r)),
  }),
  route({
    method: 'post',
    path: '/campaigns/:id/reopen',
    tag: 'campaigns',
    summary: 'Reopen an ended campaign',
    run: (ctx, r) => campaigns.reopenCampaign(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/campaigns/:id/insights',
    tag: 'insights',
    summary: 'What a campaign has taught: funnel, reply rates, coverage, answers, pay, referral tree, activity, time, outcomes',
    run: (ctx, r) => campaignInsights(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/insights',
    tag: 'insights',
    summary: 'All campaigns together: funnels, totals, and the people reached through referrals per month',
    run: (ctx) => overallInsights(ctx),
  }),
  ...brief.BRIEF_FORMATS.map((format) =>
    route({
      method: 'get',
      path: `/campaigns/:id/brief.${format}`,
      tag: 'insights',
      summary: `The campaign's field brief as a ${{ md: 'Markdown', html: 'standalone HTML', pdf: 'PDF' }[format]} file`,
      download: (r) => ({ type: brief.BRIEF_CONTENT_TYPES[format], filename: `coffeechat-brief-${p(r)}.${format}` }),
      run: async (ctx, r) => oneFile(await brief.campaignBrief(ctx, p(r), format)),
    }),
  ),

  route({
    method: 'get',
    path: '/campaigns/:id/targets',
    tag: 'targets',
    summary: 'Target organisations of a campaign, ranked',
    run: (ctx, r) => items(targets.listTargets(ctx, p(r))),
  }),
  route({
    method: 'get',
    path: '/campaigns/:id/suggestions',
    tag: 'suggest',
    summary: 'Whom to ask first, ranked, with reasons',
    run: (ctx, r) => items(suggestContacts(ctx, { ...r.query, campaignId: p(r) })),
  }),
  route({
    method: 'post',
    path: '/campaigns/:id/suggestions/accept',
    tag: 'suggest',
    summary: 'Add a suggested person as a prospect; through a mutual contact, also the action to ask for an introduction',
    body: actions.acceptInput.omit({ campaignId: true }),
    status: 201,
    run: (ctx, r) => actions.acceptSuggestion(ctx, { ...(r.body as object), campaignId: p(r) }),
  }),
  route({
    method: 'get',
    path: '/network/graph',
    tag: 'introductions',
    summary: "Who led to whom: introductions and referrals from you, and the paths into a campaign's targets",
    query: networkGraphQuery,
    run: (ctx, r) => networkGraph(ctx, r.query),
  }),
  route({
    method: 'post',
    path: '/targets',
    tag: 'targets',
    summary: 'Add a target organisation to a campaign',
    body: targets.targetInput,
    status: 201,
    run: (ctx, r) => targets.addTarget(ctx, r.body),
  }),
  route({
    method: 'patch',
    path: '/targets/:id',
    tag: 'targets',
    summary: "Change a target's priority or status",
    body: targets.targetPatch,
    run: (ctx, r) => targets.updateTarget(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/targets/:id',
    tag: 'targets',
    summary: 'Remove a target',
    status: 204,
    run: (ctx, r) => targets.deleteTarget(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/interviews',
    tag: 'interviews',
    summary: 'Interviews, by campaign, contact or status',
    query: interviews.interviewQuery,
    run: (ctx, r) => items(interviews.listInterviews(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/interviews',
    tag: 'interviews',
    summary: 'Add a person to a campaign as a prospect',
    body: interviews.interviewInput,
    status: 201,
    run: (ctx, r) => interviews.addInterview(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/interviews/:id',
    tag: 'interviews',
    summary: 'One interview, with the moves it allows',
    run: (ctx, r) => interviews.getInterview(ctx, p(r)),
  }),
  route({
    method: 'delete',
    path: '/interviews/:id',
    tag: 'interviews',
    summary: 'Delete an interview',
    status: 204,
    run: (ctx, r) => interviews.deleteInterview(ctx, p(r)),
  }),
  route({
    method: 'post',
    path: '/interviews/:id/move',
    tag: 'interviews',
    summary: "Change an interview's status (life-cycle rules apply)",
    body: interviews.moveInput,
    run: (ctx, r) => interviews.moveInterview(ctx, p(r), r.body),
  }),
  route({
    method: 'post',
    path: '/interviews/:id/close',
    tag: 'interviews',
    summary: 'Close a held meeting: the referral question answered (a referral or noReferrals), an optional debrief',
    body: closing.closeInput,
    run: (ctx, r) => closing.closeInterview(ctx, p(r), r.body ?? {}),
  }),
  route({
    method: 'get',
    path: '/interviews/:id/debrief',
    tag: 'interviews',
    summary: 'What I learned, how it fits me, what I still need to know',
    run: (ctx, r) => closing.getDebrief(ctx, p(r)),
  }),
  route({
    method: 'patch',
    path: '/interviews/:id/debrief',
    tag: 'interviews',
    summary: "Change parts of an interview's debrief",
    body: closing.debriefInput,
    run: (ctx, r) => closing.updateDebrief(ctx, p(r), r.body),
  }),
  route({
    method: 'get',
    path: '/interviews/:id/referrals',
    tag: 'interviews',
    summary: 'The referrals given in an interview, each with its contact, introduction and prospect interview',
    run: (ctx, r) => items(referrals.listReferrals(ctx, p(r))),
  }),
  route({
    method: 'post',
    path: '/interviews/:id/referrals',
    tag: 'interviews',
    summary: 'Record a referral: matched to a known contact or created, introduced by the interviewee, added to the campaign',
    body: referrals.referralBody,
    status: 201,
    run: (ctx, r) => referrals.addReferral(ctx, { ...(r.body as object), interviewId: p(r) }),
  }),
  route({
    method: 'post',
    path: '/interviews/:id/schedule',
    tag: 'interviews',
    summary: 'Set the time, length, mode and place of a meeting; the interview becomes scheduled',
    body: schedule.scheduleInput,
    run: (ctx, r) => schedule.scheduleInterview(ctx, p(r), r.body),
  }),
  route({
    method: 'get',
    path: '/interviews/:id/calendar.ics',
    tag: 'interviews',
    summary: "One interview's meeting as an iCalendar file",
    download: (r) => ({ type: ICS_TYPE, filename: `coffeechat-${p(r)}.ics` }),
    run: async (ctx, r) => oneChunk(await schedule.calendarIcs(ctx, { interviewId: p(r) })),
  }),
  route({
    method: 'get',
    path: '/interviews/:id/prep',
    tag: 'interviews',
    summary: 'The prep sheet: the person, the connection, research checklist, objectives, agenda, questions, talking points',
    run: (ctx, r) => prep.getPrep(ctx, p(r)),
  }),
  route({
    method: 'patch',
    path: '/interviews/:id/prep',
    tag: 'interviews',
    summary: 'Change the prep sheet (each field given replaces the stored one); completing the checklist closes the prepare action',
    body: prep.prepPatch,
    run: (ctx, r) => prep.updatePrep(ctx, p(r), r.body),
  }),
  ...(['md', 'pdf'] as const).map((format) =>
    route({
      method: 'get',
      path: `/interviews/:id/prep.${format}`,
      tag: 'interviews',
      summary: `The prep sheet as a ${format === 'md' ? 'Markdown' : 'PDF'} file`,
      download: (r) => ({ type: prep.PREP_CONTENT_TYPES[format], filename: `coffeechat-prep-${p(r)}.${format}` }),
      run: async (ctx, r) => oneFile(await prep.exportPrep(ctx, p(r), format)),
    }),
  ),
  route({
    method: 'get',
    path: '/calendar.ics',
    tag: 'interviews',
    summary: 'Every scheduled (and held) meeting as an iCalendar file',
    download: () => ({ type: ICS_TYPE, filename: 'coffeechat.ics' }),
    run: async (ctx) => oneChunk(await schedule.calendarIcs(ctx, {})),
  }),
  route({
    method: 'get',
    path: '/calendar/feed',
    tag: 'interviews',
    summary: 'The private calendar feed address (url null when there is none)',
    run: (ctx, r) => calendarFeed.getFeed(ctx, feedBase(r)),
  }),
  route({
    method: 'post',
    path: '/calendar/feed/rotate',
    tag: 'interviews',
    summary: 'Make a new calendar feed address (creates one, or replaces the old, which stops working)',
    run: (ctx, r) => calendarFeed.rotateFeed(ctx, feedBase(r)),
  }),
  route({
    method: 'delete',
    path: '/calendar/feed',
    tag: 'interviews',
    summary: 'Revoke the calendar feed address: it answers 404 from now on',
    status: 204,
    run: (ctx) => calendarFeed.revokeFeed(ctx),
  }),

  route({
    method: 'post',
    path: '/interviews/:id/keep-in-touch',
    tag: 'interviews',
    summary: 'Keep in touch with the person ({ on: true }) or be done with it ({ on: false }: update reminders stop)',
    body: keepInTouchInput,
    run: (ctx, r) => setKeepInTouch(ctx, p(r), r.body),
  }),
  route({
    method: 'get',
    path: '/outcomes',
    tag: 'outcomes',
    summary: 'Outcomes, newest first: of a campaign, or those an interview is credited with',
    query: outcomes.outcomeQuery,
    run: (ctx, r) => items(outcomes.listOutcomes(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/outcomes',
    tag: 'outcomes',
    summary: 'Record an outcome on an interview; the interviews whose referrals led there are credited too',
    body: outcomes.outcomeInput,
    status: 201,
    run: (ctx, r) => outcomes.addOutcome(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/outcomes/:id',
    tag: 'outcomes',
    summary: 'One outcome, with its credits',
    run: (ctx, r) => outcomes.getOutcome(ctx, p(r)),
  }),
  route({
    method: 'delete',
    path: '/outcomes/:id',
    tag: 'outcomes',
    summary: 'Delete an outcome',
    status: 204,
    run: (ctx, r) => outcomes.deleteOutcome(ctx, p(r)),
  }),

  route({
    method: 'get',
    path: '/touches',
    tag: 'touches',
    summary: 'Touches, newest first',
    query: touches.touchQuery,
    run: (ctx, r) => items(touches.listTouches(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/touches',
    tag: 'touches',
    summary: 'Log a touch (may move the interview along)',
    body: touches.touchInput,
    status: 201,
    run: (ctx, r) => touches.logTouch(ctx, r.body),
  }),
  route({
    method: 'delete',
    path: '/touches/:id',
    tag: 'touches',
    summary: 'Delete a touch',
    status: 204,
    run: (ctx, r) => touches.deleteTouch(ctx, p(r)),
  }),

  route({
    method: 'get',
    path: '/notes',
    tag: 'notes',
    summary: 'Notes, newest first, searchable',
    query: notes.noteQuery,
    run: (ctx, r) => items(notes.listNotes(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/notes',
    tag: 'notes',
    summary: 'Add a note',
    body: notes.noteInput,
    status: 201,
    run: (ctx, r) => notes.addNote(ctx, r.body),
  }),
  route({
    method: 'patch',
    path: '/notes/:id',
    tag: 'notes',
    summary: 'Change a note',
    body: notes.notePatch,
    run: (ctx, r) => notes.updateNote(ctx, p(r), r.body),
  }),
  route({
    method: 'delete',
    path: '/notes/:id',
    tag: 'notes',
    summary: 'Delete a note',
    status: 204,
    run: (ctx, r) => notes.deleteNote(ctx, p(r)),
  }),

  route({
    method: 'get',
    path: '/templates',
    tag: 'drafts',
    summary: 'Message templates, built-in first, then your own',
    query: templates.templateQuery,
    run: (ctx, r) => items(templates.listTemplates(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/templates',
    tag: 'drafts',
    summary: 'Add a template of your own (unknown placeholders are refused)',
    body: templates.templateInput,
    status: 201,
    run: (ctx, r) => templates.addTemplate(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/templates/:id',
    tag: 'drafts',
    summary: 'One template, built-in or your own',
    run: (ctx, r) => templates.getTemplate(ctx, p(r)),
  }),
  route({
    method: 'delete',
    path: '/templates/:id',
    tag: 'drafts',
    summary: 'Delete a template of your own (built-in ones cannot be deleted)',
    status: 204,
    run: (ctx, r) => templates.deleteTemplate(ctx, p(r)),
  }),
  route({
    method: 'get',
    path: '/questions',
    tag: 'questions',
    summary: 'The question bank: built-in questions (topics, TIARA, preparation prompts) and your own',
    query: questions.questionQuery,
    run: (ctx, r) => items(questions.listQuestions(ctx, r.query)),
  }),
  route({
    method: 'post',
    path: '/questions',
    tag: 'questions',
    summary: 'Add a question of your own to the bank',
    body: questions.questionInput,
    status: 201,
    run: (ctx, r) => questions.addQuestion(ctx, r.body),
  }),
  route({
    method: 'get',
    path: '/interviews/:id/plan',
    tag: 'questions',
    summary: "An interview's question plan, or the automatic suggestion (saved: false) until one is saved",
    run: (ctx, r) => plans.getPlan(ctx, p(r)),
  }),
  route({
    method: 'put',
    path: '/interviews/:id/plan',
    tag: 'questions',
    summary: 'Save the whole ordered question plan (the referral question is kept last)',
    body: plans.planInput,
    run: (ctx, r) => plans.setPlan(ctx, p(r), r.body),
  }),
  route({
    method: 'post',
    path: '/interviews/:id/plan/auto',
    tag: 'questions',
    summary: 'Replace the question plan with a fresh suggestion and save it',
    body: plans.autoPlanInput,
    run: (ctx, r) => plans.autoPlan(ctx, p(r), r.body ?? {}),
  }),
  route({
    method: 'post',
    path: '/drafts',
    tag: 'drafts',
    summary: 'Fill a template for an interview and lint it (nothing is sent)',
    body: draftInput,
    run: (ctx, r) => draft(ctx, r.body),
  }),
  route({
    method: 'post',
    path: '/drafts/check',
    tag: 'drafts',
    summary: "Lint an edited draft with its interview's context (introducer permissions, minutes)",
    body: checkInput,
    run: (ctx, r) => checkDraft(ctx, r.body),
  }),
  route({
    method: 'post',
    path: '/lint',
    tag: 'drafts',
    summary: "Check a message or a question plan against the do's and don'ts (introducers and minutes from a contact or interview)",
    body: lintInput,
    run: (ctx, r) => lintText(ctx, r.body),
  }),
  route({
    method: 'post',
    path: '/send',
    tag: 'drafts',
    summary: 'Send an e-mail through your SMTP server and log the touch',
    body: sendInput,
    run: (ctx, r) => sendMessage(ctx, r.body),
  }),

  route({ method: 'get', path: '/settings', tag: 'settings', summary: "The user's settings", run: (ctx) => settings.getSettings(ctx) }),
  route({
    method: 'patch',
    path: '/settings',
    tag: 'settings',
    summary: 'Change some settings',
    body: z.record(z.string(), z.unknown()),
    run: (ctx, r) => settings.updateSettings(ctx, r.body),
  }),
];
