// Import figures: a 30,000-row LinkedIn export through the real importer beside the same rows
// inserted raw (prepared statements, one transaction) into the same schema; and the peak memory
// of the CLI importing a 100,000-row Google CSV (the readers stream, so it should stay flat).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importContacts } from '../src/app/import.js';
import { localOwner, type Deps } from '../src/app/context.js';
import { fixedClock } from '../src/domain/clock.js';
import { uuidv7Generator } from '../src/domain/ids.js';
import { normaliseOrganisation, sortKey } from '../src/domain/names.js';
import { searchText } from '../src/store/dialect.js';
import { makeStore, openDatabase } from '../src/store/index.js';
import { NOW } from './fake.js';
import { mulberry32 } from './prng.js';
import { figure, type Figure } from './report.js';
import { median } from './stats.js';

const GIVEN = [
  'Maya',
  'Tom',
  'Priya',
  'Daniel',
  'Aisha',
  'Liam',
  'Sofia',
  'Grace',
  'Omar',
  'Hannah',
  'Kenji',
  'Elena',
  'Ana',
  'Luis',
  'Wei',
  'Fatima',
];
const FAMILY = [
  'Okafor',
  'Lindqvist',
  'Raman',
  'Ferreira',
  'Bello',
  'Chen',
  'Martinez',
  'Kim',
  'Haddad',
  'Weiss',
  'Watanabe',
  'Rossi',
  'Lopez',
  'Nguyen',
];

interface Row {
  given: string;
  family: string;
  url: string;
  email: string;
  company: string;
  position: string;
}

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const given = GIVEN[i % GIVEN.length]!;
    const family = FAMILY[(i * 7) % FAMILY.length]!;
    return {
      given,
      family,
      url: `https://www.linkedin.com/in/${given.toLowerCase()}-${family.toLowerCase()}-${i}`,
      email: i % 5 === 0 ? `${given.toLowerCase()}.${i}@example.org` : '',
      company: `Company ${i % 2000}`,
      position: `Title ${i % 50}`,
    };
  });
}

const linkedinCsv = (list: Row[]) =>
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
  list.map((r) => `${r.given},${r.family},${r.url},${r.email},${r.company},${r.position},12 Mar 2024`).join('\n') +
  '\n';

async function appImport(file: string, csv: Uint8Array): Promise<number> {
  const open = await openDatabase(file);
  const clock = fixedClock(NOW);
  const rng = mulberry32(3);
  const deps: Deps = { store: makeStore(open.db, open.dialect), clock, ids: uuidv7Generator(clock, (b) => rng.fill(b)) };
  const ctx = { ...deps, userId: await localOwner(deps) };
  const t = performance.now();
  await importContacts(ctx, csv, {});
  const ms = performance.now() - t;
  await open.close();
  return ms;
}

/** The floor: the same rows into the same tables (and the same search index) with prepared statements. */
async function rawInsert(file: string, list: Row[]): Promise<number> {
  await (await openDatabase(file)).close(); // create the schema
  const db = new Database(file);
  const rng = mulberry32(5);
  const ids = uuidv7Generator(fixedClock(NOW), (b) => rng.fill(b));
  const user = ids();
  db.prepare("INSERT INTO users (id, role, created_at) VALUES (?, 'owner', ?)").run(user, NOW);
  const org = db.prepare(
    "INSERT INTO organisations (id, user_id, name, normalised_name, kind, created_at) VALUES (?, ?, ?, ?, 'employer', ?)",
  );
  const contact = db.prepare(
    "INSERT INTO contacts (id, user_id, name, sort_name, given_name, family_name, organisation_id, title, linkedin_url, tie, source, connected_on, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'acquaintance', 'linkedin', '2024-03-12', ?, ?, ?)",
  );
  const email = db.prepare('INSERT INTO contact_emails (contact_id, user_id, position, value) VALUES (?, ?, 0, ?)');
  const t = performance.now();
  db.transaction(() => {
    const orgIds = new Map<string, string>();
    for (const r of list) {
      let orgId = orgIds.get(r.company);
      if (!orgId) {
        orgId = ids();
        orgIds.set(r.company, orgId);
        org.run(orgId, user, r.company, normaliseOrganisation(r.company), NOW);
      }
      const id = ids();
      const name = `${r.given} ${r.family}`;
      contact.run(
        id,
        user,
        name,
        sortKey(name),
        r.given,
        r.family,
        orgId,
        r.position,
        r.url,
        searchText([name, r.company, r.position, r.email]),
        NOW,
        NOW,
      );
      if (r.email) email.run(id, user, r.email);
    }
  })();
  const ms = performance.now() - t;
  db.close();
  return ms;
}

/** Peak RSS of `coffeechat import` on a 100,000-row Google CSV, read by the child itself at exit. */
function googlePeakRss(dir: string, bin: string, env: NodeJS.ProcessEnv): number {
  const header =
    'First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Labels\n';
  const body = Array.from({ length: 100_000 }, (_, i) => {
    const g = GIVEN[i % GIVEN.length]!;
    const f = FAMILY[(i * 3) % FAMILY.length]!;
    return `${g},,${f},Org ${i % 3000},Role ${i % 40},* Work,${g.toLowerCase()}${i}@example.com,Mobile,+1 415 555 ${String(i % 10000).padStart(4, '0')},* myContacts ::: Friends`;
  }).join('\n');
  const csv = join(dir, 'google-100k.csv');
  writeFileSync(csv, header + body + '\n');
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
  const r = spawnSync(process.execPath, ['--import', hook, bin, 'import', csv, '--json'], {
    env: { ...env, COFFEECHAT_DB: join(dir, 'google.db') },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`google import failed: ${r.stderr.slice(0, 500)}`);
  return Number(m[1]) / 1024; // KiB → MiB
}

export async function importFigures(bin: string, env: NodeJS.ProcessEnv, quick: boolean, log: (s: string) => void): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'coffeechat-bench-import-'));
  try {
    const list = rows(30_000);
    const csv = new TextEncoder().encode(linkedinCsv(list));
    const app: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      app.push(await appImport(join(dir, `app-${i}.db`), csv));
      raw.push(await rawInsert(join(dir, `raw-${i}.db`), list));
    }
    log(`  import 30k LinkedIn rows: app ${median(app).toFixed(0)} ms · raw inserts ${median(raw).toFixed(0)} ms`);
    const rss = googlePeakRss(dir, bin, env);
    log(`  import 100k Google rows (CLI): peak RSS ${rss.toFixed(0)} MiB`);
    return [
      figure({
        name: 'import.linkedin-30k.median',
        value: median(app),
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'raw prepared inserts of the same rows, median', value: median(raw) },
        goal: { ratioMax: 3 },
      }),
      figure({ name: 'import.google-100k.peak-rss', value: rss, unit: 'MiB', better: 'lower', baseline: null, goal: { max: 256 } }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
