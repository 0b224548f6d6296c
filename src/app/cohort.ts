// The adviser's cohort dashboard (issue 7, part 4): every member who shared a campaign with the
// caller, with meetings held per week over the last eight weeks in the member's own zone, overdue
// actions and stalled campaigns. Only the shared campaigns are counted: a member's other campaigns
// stay theirs, even as numbers.
import { heldPerWeek, recentWeeks, stallOf, type Cohort, type CohortCampaign, type CohortMember } from '../domain/sharing.js';

export type { Cohort, CohortCampaign, CohortMember } from '../domain/sharing.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

export async function cohort(ctx: Ctx): Promise<Cohort> {
  const now = ctx.clock.now();
  const shares = await ctx.store.shares.forAdviser(ctx.userId);
  const byMember = new Map<string, typeof shares>();
  for (const s of shares) byMember.set(s.ownerId, [...(byMember.get(s.ownerId) ?? []), s]);

  const members = await Promise.all(
    [...byMember.values()].map(async (mine): Promise<CohortMember> => {
      const first = mine[0]!;
      const { timezone } = await getSettings({ ...ctx, userId: first.ownerId });
      const { weeks, since } = recentWeeks(now, timezone);
      const ids = mine.map((s) => s.campaignId);
      const [held, facts] = await Promise.all([
        ctx.store.shares.heldSince(ids, since.toISOString()),
        ctx.store.shares.campaignFacts(ids, now.toISOString()),
      ]);
      const campaigns = mine.map((s, i): CohortCampaign => {
        const f = facts[i]!;
        const { lastActivityAt, stalled } = stallOf({ status: s.campaignStatus, createdAt: s.campaignCreatedAt, ...f }, now);
        const perWeek = heldPerWeek(
          held.filter((h) => h.campaignId === s.campaignId),
          weeks,
          timezone,
        );
        return {
          id: s.campaignId,
          field: s.campaignField,
          status: s.campaignStatus,
          access: s.access,
          sharedAt: s.createdAt,
          lastActivityAt,
          stalled,
          overdueActions: f.overdueActions,
          heldLast8Weeks: perWeek.reduce((n, w) => n + w.held, 0),
        };
      });
      const perWeek = heldPerWeek(held, weeks, timezone);
      return {
        id: first.ownerId,
        name: first.ownerName,
        email: first.ownerEmail,
        timezone,
        weeks: perWeek,
        heldLast8Weeks: perWeek.reduce((n, w) => n + w.held, 0),
        overdueActions: campaigns.reduce((n, c) => n + c.overdueActions, 0),
        stalledCampaigns: campaigns.filter((c) => c.stalled).length,
        campaigns,
      };
    }),
  );
  const label = (m: CohortMember) => (m.name ?? m.email ?? m.id).toLowerCase();
  members.sort((a, b) => (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
  return { now: now.toISOString(), members };
}
