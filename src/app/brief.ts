// The field brief of one campaign (issue 6, item 3): the insights figures plus the people met, the
// notes with who said them, the debriefs and what is left to do, as Markdown, HTML or a PDF.
import { notFound } from '../domain/errors.js';
import { briefDocument, type BriefView } from '../formats/brief-document.js';
import type { Ctx } from './context.js';
import { campaignInsights } from './insights.js';
import { getSettings } from './settings.js';
import { listTemplates } from './templates.js';

export const BRIEF_FORMATS = ['md', 'html', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

export const BRIEF_CONTENT_TYPES: Record<BriefFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** Everything the brief says, gathered in a handful of reads. */
export async function getBrief(ctx: Ctx, campaignId: string): Promise<BriefView> {
  const campaign = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  const s = ctx.store.brief;
  const [insights, settings, endedAt, people, notes, debriefs, actions, prospects, templates] = await Promise.all([
    // The brief is the document to keep: every answer, not the page's most recent few.
    campaignInsights(ctx, campaignId, { answersLimit: 'all' }),
    getSettings(ctx),
    s.endedAt(ctx.userId, campaignId),
    s.people(ctx.userId, campaignId),
    s.notes(ctx.userId, campaignId),
    s.debriefs(ctx.userId, campaignId),
    s.pendingActions(ctx.userId, campaignId),
    s.prospects(ctx.userId, campaignId),
    listTemplates(ctx),
  ]);
  return {
    campaign: { ...campaign, endedAt },
    insights,
    timezone: settings.timezone,
    people,
    notes,
    debriefs,
    actions,
    prospects,
    templateNames: Object.fromEntries(templates.map((t) => [t.id, t.name])),
  };
}

/** The brief as a file: Markdown or HTML text, or the bytes of a PDF (renderers load on demand). */
export async function campaignBrief(ctx: Ctx, campaignId: string, format: BriefFormat): Promise<string | Uint8Array> {
  const doc = briefDocument(await getBrief(ctx, campaignId), ctx.clock.now());
  if (format === 'md') return (await import('../formats/doc-markdown.js')).renderMarkdown(doc);
  if (format === 'html') return (await import('../formats/doc-html.js')).renderHtml(doc);
  return (await import('../formats/doc-pdf.js')).renderPdf(doc);
}
