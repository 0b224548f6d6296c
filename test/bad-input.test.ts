// The bad-input corpus (issue 8, item 4): every file of test/fixtures/bad-input goes through its
// importer (the operation, and the API's upload route) or to its API route as a request body, on
// both databases. Each must fail with the error code the manifest expects, with a message and no
// stack trace, and leave every table exactly as it was.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { importContacts } from '../src/app/import.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { buildContact, buildInterview } from './factories.js';
import { eachDialect, type TestCtx } from './harness.js';

const CORPUS = new URL('./fixtures/bad-input/', import.meta.url);

interface ImportCase {
  file: string;
  expect: string;
  why: string;
  options?: Record<string, unknown>;
  /** Replace `@@HUGE@@` in the file with this many characters (a huge field without a huge file). */
  expand?: number;
}
interface ApiCase extends ImportCase {
  method: string;
  /** May hold `{contact}`, `{campaign}`, `{interview}`: ids of the seeded rows. */
  path: string;
  contentType?: string;
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', CORPUS), 'utf8')) as { import: ImportCase[]; api: ApiCase[] };

function bytesOf(c: ImportCase): Uint8Array {
  const raw = readFileSync(new URL(c.file, CORPUS));
  if (c.expand === undefined) return new Uint8Array(raw);
  // latin1 maps every byte to one character and back, so binary content survives the replace.
  return new Uint8Array(Buffer.from(raw.toString('latin1').replace('@@HUGE@@', 'x'.repeat(c.expand)), 'latin1'));
}

type Dump = Record<string, string[]>;

/** Every row of every table, as sorted JSON (derived tsvector columns left out). */
async function dumpAll(t: TestCtx): Promise<Dump> {
  const db = t.db.db;
  const dump: Dump = {};
  // On PostgreSQL the catalogue lists every schema (other tests run beside this one): keep ours.
  const schema = t.db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : undefined;
  for (const table of await db.introspection.getTables()) {
    if (schema !== undefined && table.schema !== schema) continue;
    const columns = table.columns.filter((c) => c.dataType !== 'tsvector').map((c) => sql.ref(c.name));
    const rows = await sql<Record<string, unknown>>`select ${sql.join(columns)} from ${sql.table(table.name)}`.execute(db);
    dump[table.name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

function changes(before: Dump, after: Dump): string | null {
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[table] ?? [];
    const a = after[table] ?? [];
    const gone = b.filter((r) => !a.includes(r));
    const added = a.filter((r) => !b.includes(r));
    if (gone.length || added.length) return `${table} changed: -${JSON.stringify(gone.slice(0, 1))} +${JSON.stringify(added.slice(0, 1))}`;
  }
  return null;
}

/** What went wrong with one case, or null: the code, the message, and the database afterwards. */
function verdict(c: ImportCase, code: string | null, message: string, change: string | null): string | null {
  const where = `${c.file} (${c.why})`;
  if (code !== c.expect) return `${where}: expected ${c.expect}, got ${code ?? 'success'}: ${message.slice(0, 200)}`;
  if (message.trim() === '') return `${where}: an empty message`;
  if (/\n\s+at /.test(message)) return `${where}: a stack trace in the message`;
  if (change) return `${where}: ${change}`;
  return null;
}

eachDialect('bad-input corpus', (t) => {
  /** A small network, so "unchanged" means something; returns the ids the API cases name. */
  async function seed(): Promise<Record<string, string>> {
    const interview = await buildInterview(t());
    await buildContact(t(), { name: 'Maya Okafor', emails: ['maya@example.org'], tags: ['nursing'] });
    await importContacts(t(), new TextEncoder().encode('Name,Email\nTom Lindqvist,tom@example.org\n'), {});
    return { contact: interview.contactId, campaign: interview.campaignId, interview: interview.id };
  }
  const api = () => createServerApp({ deps: t(), userId: t().userId });

  it(`${manifest.import.length} files through the import operation`, async () => {
    await seed();
    const before = await dumpAll(t());
    const problems: string[] = [];
    for (const c of manifest.import) {
      let code: string | null = null;
      let message = '';
      try {
        await importContacts(t(), bytesOf(c), c.options ?? {});
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        [code, message] = [e.code, e.message];
      }
      const problem = verdict(c, code, message, changes(before, await dumpAll(t())));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  it(`${manifest.import.length} files through POST /import`, async () => {
    await seed();
    const before = await dumpAll(t());
    const server = api();
    const problems: string[] = [];
    for (const c of manifest.import) {
      const query = new URLSearchParams(Object.entries(c.options ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
      const res = await server.request(`http://127.0.0.1:5454/api/v1/import${query ? `?${query}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: bytesOf(c),
      });
      const body = (await res.json()) as { error?: { code: string; message: string } };
      const problem = verdict(c, body.error?.code ?? null, body.error?.message ?? '', changes(before, await dumpAll(t())));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  it(`${manifest.api.length} request bodies to their routes`, async () => {
    const ids = await seed();
    const fill = (s: string) => s.replace(/\{(contact|campaign|interview)\}/g, (_, k: string) => ids[k]!);
    const before = await dumpAll(t());
    const server = api();
    const problems: string[] = [];
    for (const c of manifest.api) {
      const body = Buffer.from(bytesOf(c)).toString('utf8');
      const res = await server.request(`http://127.0.0.1:5454/api/v1${fill(c.path)}`, {
        method: c.method,
        headers: { 'content-type': c.contentType ?? 'application/json' },
        body: fill(body),
      });
      const text = await res.text();
      const error = res.status >= 400 ? (JSON.parse(text) as { error: { code: string; message: string } }).error : null;
      const problem = verdict(c, error?.code ?? null, error?.message ?? text, changes(before, await dumpAll(t())));
      if (problem) problems.push(`${c.method} ${c.path} ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
