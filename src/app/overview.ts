// Counts a new user's screens need to choose between an empty state and the real thing.
import type { Ctx } from './context.js';

export async function overview(ctx: Ctx): Promise<{ contacts: number; campaigns: number; interviews: number }> {
  const [contacts, campaigns, interviews] = await Promise.all([
    ctx.store.contacts.count(ctx.userId),
    ctx.store.campaigns.count(ctx.userId),
    ctx.store.interviews.count(ctx.userId),
  ]);
  return { contacts, campaigns, interviews };
}
