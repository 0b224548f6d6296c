// Settings → Backups in Chromium (issue 8): the panel names the folder the embedded database
// copies itself into and lists the copies; the JSON backup downloads from it; putting it back is
// refused while the account holds data, and with "Replace" ticked brings back exactly what the
// backup held (a contact added after it is gone).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { browserSuite, TIMEOUT } from './harness.js';

browserSuite('Settings → Backups in Chromium', (app) => {
  const { api, open, visit, axeCheck, problems } = app;
  const names = async () => (await api<{ items: { name: string }[] }>('/api/v1/contacts?limit=500')).items.map((c) => c.name).sort();

  it(
    'shows the folder and the copies, downloads the JSON backup, and restores it only when told to replace',
    async () => {
      await app.cli('contacts', 'add', '--name', 'Ines Alvarez', '--organisation', 'Harbour Health');
      await app.cli('backup');
      const before = await names();
      expect(before).toContain('Ines Alvarez');

      const { ctx, page } = await open({ width: 1280 });
      await visit(page, '/settings');
      const panel = page.getByRole('region', { name: 'Backups' });
      await expect.poll(() => panel.getByTestId('backup-folder').textContent()).toBe(join(dirname(app.db), 'backups'));
      // The copy made at the server's start (daily) and the one made by hand above.
      const list = panel.getByRole('table', { name: 'Latest backups' });
      await list.getByRole('cell', { name: 'Daily' }).first().waitFor();
      await list.getByRole('cell', { name: 'By hand' }).first().waitFor();
      expect(await axeCheck(page, 'settings, backups @1280')).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('link', { name: 'Download a backup (JSON)' }).click(),
      ]);
      const file = await download.path();
      const backup = JSON.parse(readFileSync(file, 'utf8')) as { coffeechat: string; version: number; tables: Record<string, unknown[]> };
      expect(backup).toMatchObject({ coffeechat: 'backup', version: 2 });
      expect(JSON.stringify(backup.tables.contacts)).toContain('Ines Alvarez');

      // Something added after the backup, which a replacing restore takes away.
      await app.cli('contacts', 'add', '--name', 'Later Person');
      const form = page.getByRole('form', { name: 'Restore a backup' });
      await form.getByLabel('Backup file').setInputFiles(file);
      await form.getByRole('button', { name: 'Restore' }).click();
      await form.getByText('already holds your data', { exact: false }).waitFor();
      expect(await names()).toContain('Later Person');

      await form.getByLabel('Replace the data I have here').check();
      await form.getByRole('button', { name: 'Restore' }).click();
      await form.getByText(/Restored \d+ records, replacing what was here\./).waitFor();
      expect(await names()).toEqual(before);
      await ctx.close();
    },
    TIMEOUT,
  );

  it('logged no console errors and no uncaught exceptions', () => {
    // The refused restore is a 409, which Chromium logs as a failed resource load; nothing else.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
