import { sql } from 'kysely';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../src/app/demo.js';
import { listContacts } from '../src/app/contacts.js';
import { listInterviews } from '../src/app/interviews.js';
import { getSettings, setSetting, updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { AppError } from '../src/domain/errors.js';
import { openDatabase } from '../src/store/index.js';
import { IN_CI, PG_URL, codeOf, eachDialect, freshPgSchema } from './harness.js';

eachDialect('settings, demo, today and migrations', (t) => {
  it('has defaults, validates every key, and writes all or nothing', async () => {
    const s = await getSettings(t());
    expect(s).toMatchObject({ followUpPreset: '3b7', country: null, name: null });
    expect(typeof s.timezone).toBe('string');
    await updateSettings(t(), { timezone: 'Europe/Berlin', country: 'de', name: 'Alex' });
    expect(await getSettings(t())).toMatchObject({ timezone: 'Europe/Berlin', country: 'DE', name: 'Alex' });
    expect(await codeOf(updateSettings(t(), { name: 'Bo', timezone: 'Mars/Base' }))).toBe('invalid_input');
    expect((await getSettings(t())).name).toBe('Alex');
    expect(await codeOf(setSetting(t(), 'colour', 'blue'))).toBe('invalid_input');
    expect(await codeOf(setSetting(t(), 'followUpPreset', 'daily'))).toBe('invalid_input');
    await setSetting(t(), 'country', '');
    expect((await getSettings(t())).country).toBeNull();
  });

  it('loads the sample campaign once, into an empty database only', async () => {
    t().clock.set('2026-11-26T10:00:00Z');
    const r = await loadDemo(t());
    expect(r.contacts).toBe(12);
    const statuses = (await listInterviews(t(), { campaignId: r.campaignId })).map((i) => i.status).sort();
    expect(statuses).toEqual([
      'declined',
      'dropped',
      'held',
      'in-touch',
      'prospect',
      'prospect',
      'prospect',
      'prospect',
      'requested',
      'scheduled',
    ]);
    expect(await codeOf(loadDemo(t()))).toBe('conflict');
    expect((await listContacts(t(), { limit: 100 })).items).toHaveLength(12);
    const day = await today(t());
    expect(day.meetings.map((m) => m.contactName)).toEqual(['Daniel Ferreira']);
    expect(day.actions.length).toBeGreaterThanOrEqual(3);
    expect(day.actions.map((a) => a.dueAt)).toEqual([...day.actions.map((a) => a.dueAt)].sort());
    expect(day.upcoming.every((a) => a.dueAt > day.now)).toBe(true);
  });

  it('rolls back everything when the sample load fails half-way', async () => {
    // A contact added first makes loadDemo refuse; a failure inside the transaction leaves nothing.
    await t().store.transaction(async (tx) => {
      await tx.campaigns.insert(
        t().userId,
        'c1',
        { field: 'x', situation: 'next-job', objective: null, status: 'active' },
        '2026-01-01T00:00:00Z',
      );
    });
    expect(await codeOf(loadDemo(t()))).toBe('conflict');
    expect((await listContacts(t(), {})).items).toHaveLength(0);
    const before = await t().store.campaigns.count(t().userId);
    await expect(
      t().store.transaction(async (tx) => {
        await tx.campaigns.insert(
          t().userId,
          'c2',
          { field: 'y', situation: 'next-job', objective: null, status: 'active' },
          '2026-01-01T00:00:00Z',
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t().store.campaigns.count(t().userId)).toBe(before);
  });
});

describe('migrations', () => {
  const targets: [string, () => Promise<{ url: string; drop(): Promise<void> }>][] = [
    ['sqlite file', async () => ({ url: join(mkdtempSync(join(tmpdir(), 'cc-')), 'x.db'), drop: async () => undefined })],
  ];
  if (PG_URL) targets.push(['postgres', () => freshPgSchema(PG_URL!)]);
  else if (IN_CI) it('needs PostgreSQL in CI', () => expect.fail('COFFEECHAT_TEST_PG_URL is not set'));

  for (const [name, make] of targets) {
    it(`${name}: migrates once, then refuses a database written by a newer version`, async () => {
      const target = await make();
      try {
        const a = await openDatabase(target.url);
        await a.close();
        const b = await openDatabase(target.url); // already migrated: opens as is
        await sql`INSERT INTO coffeechat_migrations (name, applied_at) VALUES ('2099-01-01-01-future', '2099-01-01T00:00:00Z')`.execute(
          b.db,
        );
        await b.close();
        const err = await openDatabase(target.url).then(
          () => null,
          (e: AppError) => e,
        );
        expect(err?.message).toMatch(/newer coffeechat.*2099-01-01-01-future/);
      } finally {
        await target.drop();
      }
    });
  }
});
