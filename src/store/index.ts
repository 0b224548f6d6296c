// The store: one object with a sub-store per aggregate, and transactions that hand the same
// shape to the callback so operations never see Kysely.
import { sql, type Kysely } from 'kysely';
import { actionsStore } from './actions.store.js';
import { authStore } from './auth.store.js';
import { briefStore } from './brief.store.js';
import { calendarFeedStore } from './calendar-feed.store.js';
import { campaignsStore } from './campaigns.store.js';
import { contactsStore } from './contacts.store.js';
import { debriefsStore } from './debriefs.store.js';
import type { DialectName } from './dialect.js';
import { schemaStatus } from './migrate.js';
import { graphStore } from './graph.store.js';
import { insightsStore } from './insights.store.js';
import { interviewsStore } from './interviews.store.js';
import { introductionsStore } from './introductions.store.js';
import { mergesStore } from './merges.store.js';
import { networkStore } from './network.store.js';
import { notDuplicatesStore } from './not-duplicates.store.js';
import { notesStore } from './notes.store.js';
import { organisationsStore } from './organisations.store.js';
import { outcomesStore } from './outcomes.store.js';
import { prepStore } from './prep.store.js';
import { referralsStore } from './referrals.store.js';
import { rolesStore } from './roles.store.js';
import { sharesStore } from './shares.store.js';
import { backupStore } from './backup.store.js';
import type { Database } from './schema.js';
import { targetsStore } from './targets.store.js';
import { tokensStore } from './tokens.store.js';
import { twoFactorStore } from './two-factor.store.js';
import { templatesStore } from './templates.store.js';
import { questionsStore } from './questions.store.js';
import { plansStore } from './plans.store.js';
import { touchesStore } from './touches.store.js';
import { usersStore } from './users.store.js';

export interface Store {
  dialect: DialectName;
  users: ReturnType<typeof usersStore>;
  auth: ReturnType<typeof authStore>;
  campaigns: ReturnType<typeof campaignsStore>;
  organisations: ReturnType<typeof organisationsStore>;
  contacts: ReturnType<typeof contactsStore>;
  introductions: ReturnType<typeof introductionsStore>;
  interviews: ReturnType<typeof interviewsStore>;
  touches: ReturnType<typeof touchesStore>;
  notes: ReturnType<typeof notesStore>;
  actions: ReturnType<typeof actionsStore>;
  targets: ReturnType<typeof targetsStore>;
  templates: ReturnType<typeof templatesStore>;
  questions: ReturnType<typeof questionsStore>;
  plans: ReturnType<typeof plansStore>;
  network: ReturnType<typeof networkStore>;
  graph: ReturnType<typeof graphStore>;
  insights: ReturnType<typeof insightsStore>;
  merges: ReturnType<typeof mergesStore>;
  notDuplicates: ReturnType<typeof notDuplicatesStore>;
  roles: ReturnType<typeof rolesStore>;
  outcomes: ReturnType<typeof outcomesStore>;
  prep: ReturnType<typeof prepStore>;
  referrals: ReturnType<typeof referralsStore>;
  debriefs: ReturnType<typeof debriefsStore>;
  calendarFeeds: ReturnType<typeof calendarFeedStore>;
  brief: ReturnType<typeof briefStore>;
  shares: ReturnType<typeof sharesStore>;
  tokens: ReturnType<typeof tokensStore>;
  twoFactor: ReturnType<typeof twoFactorStore>;
  backup: ReturnType<typeof backupStore>;
  /** The migrations still to run and those this build does not know (readiness), read-only. */
  schemaStatus(): Promise<{ pending: string[]; unknown: string[] }>;
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}

export function makeStore(db: Kysely<Database>, dialect: DialectName, inTransaction = false): Store {
  const store: Store = {
    dialect,
    users: usersStore(db),
    auth: authStore(db),
    campaigns: campaignsStore(db),
    organisations: organisationsStore(db),
    contacts: contactsStore(db, dialect),
    introductions: introductionsStore(db),
    interviews: interviewsStore(db),
    touches: touchesStore(db),
    notes: notesStore(db, dialect),
    actions: actionsStore(db),
    targets: targetsStore(db),
    templates: templatesStore(db),
    questions: questionsStore(db),
    plans: plansStore(db),
    network: networkStore(db),
    graph: graphStore(db),
    insights: insightsStore(db),
    merges: mergesStore(db),
    notDuplicates: notDuplicatesStore(db),
    roles: rolesStore(db),
    outcomes: outcomesStore(db),
    prep: prepStore(db),
    referrals: referralsStore(db),
    debriefs: debriefsStore(db),
    calendarFeeds: calendarFeedStore(db),
    brief: briefStore(db),
    shares: sharesStore(db),
    tokens: tokensStore(db),
    twoFactor: twoFactorStore(db),
    backup: backupStore(db),
    schemaStatus: () => schemaStatus(db),
    transaction: (fn) => {
      if (inTransaction) return fn(store);
      if (dialect === 'postgres') return db.transaction().execute((trx) => fn(makeStore(trx, dialect, true)));
      // SQLite: take the write lock up front (BEGIN IMMEDIATE) so that a CLI writing while the
      // server writes waits for the busy timeout instead of failing to upgrade a read lock.
      return db.connection().execute(async (conn) => {
        await sql.raw('BEGIN IMMEDIATE').execute(conn);
        try {
          const result = await fn(makeStore(conn, dialect, true));
          await sql.raw('COMMIT').execute(conn);
          return result;
        } catch (e) {
          await sql
            .raw('ROLLBACK')
            .execute(conn)
            .catch(() => undefined);
          throw e;
        }
      });
    },
  };
  return store;
}

export type { Database } from './schema.js';
export { openDatabase, isPostgresUrl, maskUrl, type OpenDb } from './db.js';
