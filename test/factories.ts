// Small factories for test data (as Outline's server/test/factories.ts): each makes a valid
// record through the real operations, with overrides for what a test cares about.
import { createCampaign } from '../src/app/campaigns.js';
import { createContact } from '../src/app/contacts.js';
import type { Ctx } from '../src/app/context.js';
import { addInterview } from '../src/app/interviews.js';

let n = 0;

export function buildContact(ctx: Ctx, over: Record<string, unknown> = {}) {
  n++;
  return createContact(ctx, { name: `Person ${n} Example`, emails: [`person${n}@example.org`], ...over });
}

export function buildCampaign(ctx: Ctx, over: Record<string, unknown> = {}) {
  return createCampaign(ctx, { field: 'UX research in healthcare', situation: 'career-change', ...over });
}

export async function buildInterview(ctx: Ctx, over: { campaignId?: string; contactId?: string } = {}) {
  const campaignId = over.campaignId ?? (await buildCampaign(ctx)).id;
  const contactId = over.contactId ?? (await buildContact(ctx)).id;
  return addInterview(ctx, { campaignId, contactId });
}
