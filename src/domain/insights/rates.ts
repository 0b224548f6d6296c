// Reply rates by channel, template and tie: per interview whose request went out, counted once,
// by the channel and template of its first request and its contact's tie. Each rate carries the
// counts behind it and a flag when the sample is too small to mean anything.
import type { Progress } from './funnel.js';
import type { InterviewFact } from './rows.js';
import { SMALL_SAMPLE, type RateEntry, type ReplyRates } from './types.js';

/** The key for requests written without a template. */
export const NO_TEMPLATE = 'none';

function add(into: Record<string, RateEntry>, key: string, replied: boolean): void {
  const e = (into[key] ??= { sent: 0, replied: 0, rate: 0, smallSample: true });
  e.sent++;
  if (replied) e.replied++;
}

function finish(entries: Record<string, RateEntry>): Record<string, RateEntry> {
  const out: Record<string, RateEntry> = {};
  for (const key of Object.keys(entries).sort()) {
    const e = entries[key]!;
    out[key] = { ...e, rate: e.sent ? e.replied / e.sent : 0, smallSample: e.sent < SMALL_SAMPLE };
  }
  return out;
}

export function replyRates(interviews: readonly InterviewFact[], progress: ReadonlyMap<string, Progress>): ReplyRates {
  const byChannel: Record<string, RateEntry> = {};
  const byTemplate: Record<string, RateEntry> = {};
  const byTie: Record<string, RateEntry> = {};
  for (const i of interviews) {
    const p = progress.get(i.id);
    if (!p?.request) continue;
    add(byChannel, p.request.channel, p.replied);
    add(byTemplate, p.request.templateId ?? NO_TEMPLATE, p.replied);
    add(byTie, i.tie, p.replied);
  }
  return { byChannel: finish(byChannel), byTemplate: finish(byTemplate), byTie: finish(byTie) };
}
