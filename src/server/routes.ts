// Every route of /api/v1: thin adapters that hand the request to one operation each.
import * as z from 'zod';
import * as campaigns from '../app/campaigns.js';
import * as contacts from '../app/contacts.js';
import { loadDemo } from '../app/demo.js';
import { exportContacts, exportOptions } from '../app/export.js';
import { importContacts, importOptions } from '../app/import.js';
import { findContactDuplicates, mergeContacts, unmergeContact } from '../app/merge.js';
import * as interviews from '../app/interviews.js';
import * as introductions from '../app/introductions.js';
import * as notes from '../app/notes.js';
import * as organisations from '../app/organisations.js';
import { overview } from '../app/overview.js';
import { search, searchQuery } from '../app/search.js';
import * as settings from '../app/settings.js';
import { today } from '../app/today.js';
import { suggestContacts } from '../app/suggest.js';
import * as targets from '../app/targets.js';
import * as touches from '../app/touches.js';
import { items, route, type RouteDef } from './route.js';

const p = (r: { params: Record<string, string> }) => r.params.id!;

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
    summary: "Actions due today, the next 7 days, and today's meetings",
    run: (ctx) => today(ctx),
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
    summary: 'Download every contact as vCard 4.0 or spreadsheet-safe CSV (?format=vcard|csv)',
    query: exportOptions,
    download: (r) =>
      r.query.format === 'csv'
        ? { type: 'text/csv; charset=utf-8', filename: 'coffeechat-contacts.csv' }
        : { type: 'text/vcard; charset=utf-8', filename: 'coffeechat-contacts.vcf' },
    run: async (ctx, r) => exportContacts(ctx, r.query),
  }),
  route({
    method: 'get',
    path: '/duplicates',
    tag: 'contacts',
    summary: 'Pairs of contacts that may be the same person, with the evidence',
    run: (ctx) => items(findContactDuplicates(ctx)),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/merge',
    tag: 'contacts',
    summary: 'Merge another contact into this one ({ otherId })',
    body: z.object({ otherId: z.string() }),
    run: (ctx, r) => mergeContacts(ctx, p(r), String((r.body as { otherId?: unknown }).otherId ?? '')),
  }),
  route({
    method: 'post',
    path: '/contacts/:id/unmerge',
    tag: 'contacts',
    summary: 'Undo the latest merge into this contact',
    run: (ctx, r) => unmergeContact(ctx, p(r)),
  }),
  route({ method: 'get', path: '/contacts/:id', tag: 'contacts', summary: 'One contact', run: (ctx, r) => contacts.getContact(ctx, p(r)) }),
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
