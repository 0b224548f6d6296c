// coffeechat settings get [KEY] | set KEY VALUE
import { Command } from 'commander';
import * as settings from '../app/settings.js';
import { AppError } from '../domain/errors.js';
import { actClient, line } from './command.js';

export function settingsCommand(): Command {
  const cmd = new Command('settings').description(`your settings: ${settings.SETTING_KEYS.join(', ')}`);
  actClient(
    cmd.command('get').argument('[key]').description('show one setting or all').option('--json', 'print JSON'),
    async (client, _o, [key]) => {
      // The API answers every setting; one is picked here, after the same check of its name.
      const all = await client.call('get', '/settings', {}, async (ctx) => {
        if (key) await settings.getSetting(ctx, key);
        return settings.getSettings(ctx);
      });
      if (key) {
        if (client.remote && !(settings.SETTING_KEYS as readonly string[]).includes(key))
          throw new AppError('invalid_input', `Invalid setting key: (body): must be one of: ${settings.SETTING_KEYS.join(', ')}`, {
            fields: [{ field: '(body)', message: `must be one of: ${settings.SETTING_KEYS.join(', ')}` }],
          });
        const value = (all as unknown as Record<string, string | null>)[key] ?? null;
        return { json: { [key]: value }, text: line(value ?? '') };
      }
      return {
        json: all,
        text: line(
          Object.entries(all)
            .map(([k, v]) => `${k.padEnd(16)}${v ?? ''}`)
            .join('\n'),
        ),
      };
    },
  );
  actClient(
    cmd.command('set').argument('<key>').argument('<value>').description('change a setting ("" removes it)').option('--json', 'print JSON'),
    async (client, _o, [key, value]) => {
      const body = { [key!]: value! };
      const all = await client.call('patch', '/settings', { body }, (ctx) => settings.updateSettings(ctx, body));
      return { json: all, text: line(`${key} = ${(all as unknown as Record<string, string | null>)[key!] ?? '(unset)'}`) };
    },
  );
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat settings set timezone Europe/Berlin\n  coffeechat settings set country DE\n  coffeechat settings get --json',
  );
  return cmd;
}
