// Work history: a new job adds a role instead of overwriting the old one, corrections stay in
// place, the current job follows the roles, and a merge and its undo carry the history along.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { listContacts, showContact, updateContact } from '../src/app/contacts.js';
import { importContacts } from '../src/app/import.js';
import { mergeContacts, unmergeContact } from '../src/app/merge.js';
import { addRole, deleteRole, listRoles, updateRole } from '../src/app/roles.js';
import { cli } from './cli.js';
import { buildContact } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

const jobs = async (ctx: Parameters<typeof listRoles>[0], id: string) =>
  (await listRoles(ctx, id)).map((r) => [r.title, r.organisation, r.from, r.to, r.current]);

const LINKEDIN = `First Name,Last Name,URL,Email Address,Company,Position,Connected On
Maya,Okafor,https://www.linkedin.com/in/maya-okafor,,Northbridge Health,UX Researcher,12 Mar 2024
`;
const bytes = (text: string) => new TextEncoder().encode(text);

eachDialect('work history', (t) => {
  it('starts with the job given, corrects it in place, and opens a new role when the organisation changes', async () => {
    const c = await buildContact(t(), { name: 'Ada Quist', organisation: 'Harbour Health', title: 'Designer' });
    expect(await jobs(t(), c.id)).toEqual([['Designer', 'Harbour Health', null, null, true]]);

    await updateContact(t(), c.id, { title: 'Service Designer' }); // a correction, same employer
    expect(await jobs(t(), c.id)).toEqual([['Service Designer', 'Harbour Health', null, null, true]]);

    t().clock.set('2026-05-20T10:00:00Z');
    const moved = await updateContact(t(), c.id, { organisation: 'CareLoop', title: 'Lead Designer' });
    expect([moved.organisation, moved.title]).toEqual(['CareLoop', 'Lead Designer']);
    expect(await jobs(t(), c.id)).toEqual([
      ['Lead Designer', 'CareLoop', null, null, true],
      ['Service Designer', 'Harbour Health', null, '2026-05', false],
    ]);
  });

  it('derives the current job from the roles: the open role that started last', async () => {
    const c = await buildContact(t(), { name: 'Bo Lind', organisation: 'Acme', title: 'Analyst' });
    const past = await addRole(t(), c.id, { organisation: 'Old Works', title: 'Intern', from: '2015', to: '2016-08' });
    expect(past.current).toBe(false);
    expect((await showContact(t(), c.id)).organisation).toBe('Acme');

    const later = await addRole(t(), c.id, { organisation: 'Riverside Clinic', title: 'Head of Data', from: '2026-02' });
    expect(later.current).toBe(true);
    let shown = await showContact(t(), c.id);
    expect([shown.organisation, shown.title]).toEqual(['Riverside Clinic', 'Head of Data']);
    expect(shown.roles.map((r) => r.organisation)).toEqual(['Riverside Clinic', 'Acme', 'Old Works']);

    await updateRole(t(), later.id, { to: '2026-03' });
    shown = await showContact(t(), c.id);
    expect([shown.organisation, shown.title]).toEqual(['Acme', 'Analyst']);

    const acme = shown.roles.find((r) => r.organisation === 'Acme')!;
    await deleteRole(t(), acme.id);
    shown = await showContact(t(), c.id);
    expect([shown.organisation, shown.title]).toEqual([null, null]);
  });

  it('keeps a job held at the same time when something else about the person is edited', async () => {
    const c = await buildContact(t(), { name: 'Ola Berg', organisation: 'Acme', title: 'Analyst' });
    await addRole(t(), c.id, { organisation: 'Health UX Guild', title: 'Chapter Organiser' });
    const before = await jobs(t(), c.id);
    await updateContact(t(), c.id, { emails: ['ola@example.org'] });
    expect(await jobs(t(), c.id)).toEqual(before);
    expect(before.filter((r) => r[3] === null)).toHaveLength(2);
  });

  it('refuses a role without organisation or title, an impossible date, and an end before the start', async () => {
    const c = await buildContact(t());
    expect(await codeOf(addRole(t(), c.id, { from: '2020' }))).toBe('invalid_input');
    expect(await codeOf(addRole(t(), c.id, { title: 'x', from: '2021-02-30' }))).toBe('invalid_input');
    expect(await codeOf(addRole(t(), c.id, { title: 'x', from: 'spring 2021' }))).toBe('invalid_input');
    expect(await codeOf(addRole(t(), c.id, { title: 'x', from: '2021-04', to: '2020' }))).toBe('invalid_input');
    // Partial dates compare by what both say: a job from 2021-04 may end "in 2021".
    expect(await codeOf(addRole(t(), c.id, { title: 'x', from: '2021-04', to: '2021' }))).toBeNull();
    const r = (await listRoles(t(), c.id))[0]!;
    expect(await codeOf(updateRole(t(), r.id, { to: '2019-01' }))).toBe('invalid_input');
    expect(await codeOf(updateRole(t(), r.id, { title: null }))).toBe('invalid_input');
    expect(await codeOf(updateRole(t(), 'nope', { title: 'y' }))).toBe('not_found');
    expect(await codeOf(listRoles(t(), 'nope'))).toBe('not_found');
  });

  it('keeps the old job when a newer LinkedIn export shows a new one', async () => {
    await importContacts(t(), bytes(LINKEDIN), {});
    t().clock.set('2026-09-01T08:00:00Z');
    await importContacts(t(), bytes(LINKEDIN.replace('Northbridge Health,UX Researcher', 'Northbridge Health,Head of Research')), {});
    const id = (await listContacts(t(), { q: 'Maya Okafor' })).items[0]!.id;
    // A promotion on LinkedIn is a new role too: the old title stays in the history.
    expect(await jobs(t(), id)).toEqual([
      ['Head of Research', 'Northbridge Health', null, null, true],
      ['UX Researcher', 'Northbridge Health', null, '2026-09', false],
    ]);
  });

  it('moves the work history with a merge and puts it back exactly on undo', async () => {
    const keep = await buildContact(t(), { name: 'Cy Ndlovu', emails: ['cy@example.org'], organisation: 'Acme', title: 'PM' });
    const other = await buildContact(t(), { name: 'Cyril Ndlovu', emails: ['cy@example.org'], organisation: 'Globex', title: 'Engineer' });
    await addRole(t(), other.id, { organisation: 'Initech', title: 'Intern', from: '2012', to: '2013' });
    const before = { keep: await jobs(t(), keep.id), other: await jobs(t(), other.id) };
    await mergeContacts(t(), keep.id, other.id);
    const merged = await jobs(t(), keep.id);
    expect(merged.map((r) => r[1]).sort()).toEqual(['Acme', 'Globex', 'Initech']);
    // One current job, the one the merged contact shows.
    const shown = await showContact(t(), keep.id);
    expect(merged.filter((r) => r[4]).map((r) => [r[0], r[1]])).toEqual([[shown.title, shown.organisation]]);
    await unmergeContact(t(), keep.id);
    expect({ keep: await jobs(t(), keep.id), other: await jobs(t(), other.id) }).toEqual(before);
  });
});

it('roles from the CLI: add, list, show with the history, and a clear error for a bad date', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coffeechat-roles-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'roles.db');
  const env = { COFFEECHAT_NOW: '2026-03-02T09:00:00Z' };
  const c = JSON.parse(
    cli(['contacts', 'add', '--name', 'Dee Amari', '--organisation', 'Acme', '--title', 'Analyst', '--json', '--db', db], env).stdout,
  ) as {
    id: string;
  };
  const added = cli(
    [
      'roles',
      'add',
      '--contact',
      c.id,
      '--organisation',
      'Old Works',
      '--title',
      'Intern',
      '--from',
      '2015',
      '--to',
      '2016',
      '--json',
      '--db',
      db,
    ],
    env,
  );
  expect(added.code).toBe(0);
  const list = JSON.parse(cli(['roles', 'list', '--contact', c.id, '--json', '--db', db], env).stdout) as {
    organisation: string;
    current: boolean;
  }[];
  expect(list.map((r) => [r.organisation, r.current])).toEqual([
    ['Acme', true],
    ['Old Works', false],
  ]);
  const shown = cli(['contacts', 'show', c.id, '--db', db], env).stdout;
  expect(shown).toContain('work history:');
  expect(shown).toContain('Intern at Old Works (2015 – 2016)');
  const bad = cli(['roles', 'add', '--contact', c.id, '--title', 'x', '--from', '2021-13', '--db', db], env);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('from');
  expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
});
