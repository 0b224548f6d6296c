// The static list of migrations (ARCHITECTURE.md, example 6): a bundled build needs no directory
// scan, and a database that has run a migration missing here is refused by db.ts.
import type { Migration } from 'kysely';
import * as initial from './2026-11-26-01-initial.js';
import * as merges from './2026-11-26-02-merges.js';
import * as roles from './2026-11-26-03-roles.js';
import * as notDuplicates from './2026-11-26-04-not-duplicates.js';
import * as objectionAnswers from './2026-11-26-05-objection-answers.js';
import * as prepSheets from './2026-11-26-06-prep-sheets.js';
import * as interviewClose from './2026-11-26-07-interview-close.js';
import * as keepInTouch from './2026-11-26-08-keep-in-touch.js';
import * as calendarFeed from './2026-11-26-09-calendar-feed.js';
import * as notesByInterview from './2026-11-26-10-notes-by-interview.js';
import * as accounts from './2026-11-26-11-accounts.js';
import * as campaignShares from './2026-11-26-12-campaign-shares.js';
import * as insightsSpeed from './2026-11-26-13-insights-speed.js';
import * as apiTokens from './2026-11-27-14-api-tokens.js';
import * as twoFactor from './2026-11-27-15-two-factor.js';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26-01-initial': initial,
  '2026-11-26-02-merges': merges,
  '2026-11-26-03-roles': roles,
  '2026-11-26-04-not-duplicates': notDuplicates,
  '2026-11-26-05-objection-answers': objectionAnswers,
  '2026-11-26-06-prep-sheets': prepSheets,
  '2026-11-26-07-interview-close': interviewClose,
  '2026-11-26-08-keep-in-touch': keepInTouch,
  '2026-11-26-09-calendar-feed': calendarFeed,
  '2026-11-26-10-notes-by-interview': notesByInterview,
  '2026-11-26-11-accounts': accounts,
  '2026-11-26-12-campaign-shares': campaignShares,
  '2026-11-26-13-insights-speed': insightsSpeed,
  '2026-11-27-14-api-tokens': apiTokens,
  '2026-11-27-15-two-factor': twoFactor,
};
