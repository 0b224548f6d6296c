// Coverage of the five kinds of insight: how many notes of each kind, and which are thin.
import { INSIGHT_KINDS, type InsightKind } from '../types.js';
import { THIN_NOTES, type Coverage } from './types.js';

export function coverageOf(kindCounts: Partial<Record<InsightKind, number>>): Coverage {
  const counts = Object.fromEntries(INSIGHT_KINDS.map((k) => [k, kindCounts[k] ?? 0])) as Record<InsightKind, number>;
  return { ...counts, thin: INSIGHT_KINDS.filter((k) => counts[k] < THIN_NOTES) };
}
