// coffeechat settings get [KEY] | set KEY VALUE
import { Command } from 'commander';
import * as settings from '../app/settings.js';
import { act, line } from './command.js';

export function settingsCommand(): Command {
  const cmd = new Command('settings').description(`your settings: ${settings.SETTING_KEYS.join(', ')}`);
  act(
    cmd.command('get').argument('[key]').description('show one setting or all').option('--json', 'print JSON'),
    async ({ ctx }, _o, [key]) => {
      if (key) {
        const value = await settings.getSetting(ctx, key);
        return { json: { [key]: value }, text: line(value ?? '') };
      }
      const all = await settings.getSettings(ctx);
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
  act(
    cmd.command('set').argument('<key>').argument('<value>').description('change a setting ("" removes it)').option('--json', 'print JSON'),
    async ({ ctx }, _o, [key, value]) => {
      const all = await settings.setSetting(ctx, key!, value!);
      return { json: all, text: line(`${key} = ${(all as unknown as Record<string, string | null>)[key!] ?? '(unset)'}`) };
    },
  );
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat settings set timezone Europe/Berlin\n  coffeechat settings set country DE\n  coffeechat settings get --json',
  );
  return cmd;
}
