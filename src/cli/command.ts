// The shape every command shares: parse flags, call one operation, print JSON or text.
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { fail, printJson, refuseRemote, withClient, withSession, type Client, type GlobalOptions, type Session } from './runtime.js';

/** What an operation's result looks like to a script (`json`) and to a person (`text`). */
export interface Output {
  json: unknown;
  text(): void;
}

type Opts = Record<string, unknown> & GlobalOptions;

/**
 * Wires a command that works on a database this machine opens (refused with --server): a session
 * is opened, `fn` runs, its output is printed, errors exit.
 */
export function act(cmd: Command, fn: (s: Session, opts: Opts, args: string[]) => Promise<Output | void>): Command {
  return wire(cmd, (opts, args, self) => {
    refuseRemote(opts, commandPath(self));
    return withSession(opts, (s) => fn(s, opts, args));
  });
}

/** Wires a command whose operations go through `Client.call`: on this database, or on --server. */
export function actClient(cmd: Command, fn: (c: Client, opts: Opts, args: string[]) => Promise<Output | void>): Command {
  return wire(cmd, (opts, args) => withClient(opts, (c) => fn(c, opts, args)));
}

/** `contacts list`, for messages. */
const commandPath = (cmd: Command): string => (cmd.parent?.parent ? `${commandPath(cmd.parent)} ${cmd.name()}` : cmd.name());

function wire(cmd: Command, run: (opts: Opts, args: string[], self: Command) => Promise<Output | void>): Command {
  return cmd.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const args = received.slice(0, -2).filter((a): a is string => typeof a === 'string');
    const opts = self.optsWithGlobals() as Opts;
    try {
      const out = await run(opts, args, self);
      if (!out) return;
      if (opts.json) printJson(out.json);
      else out.text();
    } catch (e) {
      fail(e, !!opts.json);
    }
  });
}

/** For repeatable flags: `--email a --email b` → ['a', 'b']. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Reads `-` as "from standard input", anything else as itself. */
export async function textOrStdin(value: string | undefined): Promise<string | undefined> {
  if (value !== '-') return value;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `list` prints every match unless --limit caps it. */
export const listLimit = (opts: Opts): string | number => (opts.limit as string | undefined) ?? 1_000_000;

export const line = (s: string) => () => {
  process.stdout.write(s + '\n');
};

/** Writes a file's chunks to --out (saying so on stderr) or to standard output. */
export async function writeChunks(chunks: AsyncIterable<string | Uint8Array>, file: string | undefined): Promise<void> {
  if (!file) {
    for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    return;
  }
  const out = await open(file, 'w');
  try {
    for await (const chunk of chunks) await (typeof chunk === 'string' ? out.write(chunk) : out.write(chunk));
  } finally {
    await out.close();
  }
  process.stderr.write(`Wrote ${file}.\n`);
}
