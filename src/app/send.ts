// Sending a message through the user's own SMTP server, and logging the touch once the server
// has accepted it. Only ever called on an explicit user action (the Send button, `coffeechat
// send`); nothing in coffeechat sends on its own. The password is read from the environment at
// the moment of sending and never stored, logged or echoed.
import * as z from 'zod';
import { AppError } from '../domain/errors.js';
import { TEMPLATE_PURPOSES, touchPurposeFor, type TemplatePurpose } from '../domain/templates/index.js';
import type { Touch } from '../domain/types.js';
import type { Ctx } from './context.js';
import { resolveRecipient } from './drafts.js';
import { getSettings } from './settings.js';
import { getTemplate } from './templates.js';
import { logTouch } from './touches.js';
import { parse } from './validate.js';

const ADDRESS = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

export const sendInput = z
  .object({
    interviewId: z.string().trim().min(1).max(64).optional(),
    contactId: z.string().trim().min(1).max(64).optional(),
    introducerId: z.string().trim().min(1).max(64).optional(),
    purpose: z.enum(TEMPLATE_PURPOSES, { error: `must be one of: ${TEMPLATE_PURPOSES.join(', ')}` }),
    channel: z.literal('email', { error: 'only e-mail can be sent; log other channels as touches' }).default('email'),
    to: z
      .string()
      .trim()
      .max(320)
      .refine((s) => !/[\r\n]/.test(s), { message: 'must not contain a line break (CR or LF)', abort: true })
      .refine((s) => s === '' || ADDRESS.test(s), 'is not an e-mail address')
      .optional(),
    subject: z
      .string()
      .max(998, 'must be at most 998 characters')
      .refine((s) => !/[\r\n]/.test(s), { message: 'must not contain a line break (CR or LF)', abort: true })
      .refine((s) => s.trim() !== '', 'is required'),
    body: z
      .string()
      .max(100_000, 'must be at most 100000 characters')
      .refine((s) => s.trim() !== '', 'is required'),
    templateId: z.string().trim().max(64).nullish(),
  })
  .strict()
  .refine((s) => s.interviewId || s.contactId, { message: 'give interviewId or contactId', path: ['interviewId'] });

export interface SendOptions {
  /** How long to wait for the server at each step (connect, greeting, each reply). */
  timeoutMs?: number;
}

export interface SendResult {
  sent: true;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  touch: Touch;
}

interface SmtpConfig {
  host: string;
  port: number;
  user: string | null;
  from: { name: string | null; address: string };
}

const headerProblem = (field: string, message: string) =>
  new AppError('invalid_input', `Invalid input: ${field}: ${message}`, { fields: [{ field, message }] });

/** The SMTP settings, or a clear refusal saying what to set. */
async function smtpConfig(ctx: Ctx): Promise<SmtpConfig> {
  const s = await getSettings(ctx);
  const missing = (['smtp.host', 'smtp.from'] as const).filter((k) => !s[k]);
  if (missing.length) {
    throw new AppError(
      'invalid_input',
      `Sending needs your mail server: set ${missing.join(' and ')} in Settings (or coffeechat settings set smtp.host mail.example.org; ` +
        'also smtp.port, smtp.user and smtp.from), with the password in the COFFEECHAT_SMTP_PASSWORD environment variable. ' +
        'Until then, open the draft in your mail app or copy it, and log it as sent.',
      { fields: missing.map((field) => ({ field, message: 'is not set' })) },
    );
  }
  const raw = s['smtp.from']!;
  if (/[\r\n]/.test(raw)) throw headerProblem('smtp.from', 'must not contain a line break (CR or LF)');
  // smtp.from may be a bare address or `Name <address>`; the user's name is the default display name.
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(raw);
  const address = (m ? m[2]! : raw).trim();
  if (!ADDRESS.test(address)) throw headerProblem('smtp.from', `"${address}" is not an e-mail address`);
  const name = (m?.[1]?.replace(/^"|"$/g, '').trim() || s.name) ?? null;
  if (name && /[\r\n]/.test(name)) throw headerProblem('name', 'must not contain a line break (CR or LF)');
  const port = Number(s['smtp.port'] ?? 587);
  return { host: s['smtp.host']!, port, user: s['smtp.user'] ?? null, from: { name, address } };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Turns what the mail library threw into a message a person can act on; never includes the password. */
function smtpFailure(e: unknown, cfg: SmtpConfig, timeoutMs: number): AppError {
  const err = e as { code?: string; responseCode?: number; response?: string; command?: string; message?: string };
  const where = `${cfg.host}:${cfg.port}`;
  const reply = err.response ? ` It answered: ${err.response.replace(/[\r\n]+/g, ' ').slice(0, 300)}` : '';
  const tail = ' Nothing was sent and no touch was logged.';
  const details = { smtp: { code: err.code ?? null, responseCode: err.responseCode ?? null, command: err.command ?? null } };
  switch (err.code ?? '') {
    case 'ETIMEDOUT':
      return new AppError(
        'internal',
        `The mail server ${where} did not answer within ${Math.round(timeoutMs / 1000)} seconds.${tail}`,
        details,
      );
    case 'EAUTH':
      return new AppError(
        'internal',
        `The mail server ${where} did not accept the login (smtp.user and COFFEECHAT_SMTP_PASSWORD).${reply}${tail}`,
        details,
      );
    case 'EENVELOPE':
      return new AppError('internal', `The mail server ${where} refused the sender or the recipient.${reply}${tail}`, details);
    case 'EMESSAGE':
      return new AppError('internal', `The mail server ${where} refused the message.${reply}${tail}`, details);
    case 'ETLS':
      return new AppError('internal', `Could not set up an encrypted connection with ${where}.${tail}`, details);
    case 'EDNS':
      return new AppError('internal', `The mail server name ${cfg.host} could not be found; check smtp.host.${tail}`, details);
    default:
      return new AppError(
        'internal',
        `Could not reach the mail server ${where} (${err.code ?? err.message ?? 'unknown error'}).${reply}${tail}`,
        details,
      );
  }
}

export async function sendMessage(ctx: Ctx, input: unknown, opts: SendOptions = {}): Promise<SendResult> {
  const data = parse(sendInput, input);
  const purpose: TemplatePurpose = data.purpose;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  // Everything that can be refused is refused before anything is sent.
  const { recipient, interviewId } = await resolveRecipient(ctx, {
    interviewId: data.interviewId,
    contactId: data.contactId,
    introducerId: data.introducerId,
    purpose,
  });
  if (data.templateId) await getTemplate(ctx, data.templateId);
  const to = data.to || recipient.emails[0];
  if (!to) {
    throw new AppError('invalid_input', `No e-mail address is recorded for ${recipient.name}; give the address to send to.`, {
      fields: [{ field: 'to', message: 'is required: the recipient has no e-mail address' }],
    });
  }
  if (/[\r\n]/.test(recipient.name)) throw headerProblem('name', `the recipient's name must not contain a line break (CR or LF)`);
  const cfg = await smtpConfig(ctx);
  const password = process.env.COFFEECHAT_SMTP_PASSWORD;
  if (cfg.user && !password) {
    throw new AppError(
      'invalid_input',
      'smtp.user is set, so the password is needed: set the COFFEECHAT_SMTP_PASSWORD environment variable.',
      {
        fields: [{ field: 'COFFEECHAT_SMTP_PASSWORD', message: 'is not set' }],
      },
    );
  }

  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.port === 465,
    // A password never crosses the network in clear text: away from this machine, TLS is required.
    requireTLS: cfg.port !== 465 && !isLoopback(cfg.host),
    auth: cfg.user ? { user: cfg.user, pass: password! } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  let messageId: string;
  try {
    const info = await transport.sendMail({
      from: cfg.from.name ? { name: cfg.from.name, address: cfg.from.address } : cfg.from.address,
      to: { name: recipient.name, address: to },
      subject: data.subject,
      text: data.body,
      date: ctx.clock.now(),
    });
    messageId = info.messageId;
  } catch (e) {
    throw smtpFailure(e, cfg, timeoutMs);
  } finally {
    transport.close();
  }

  try {
    const touch = await logTouch(ctx, {
      contactId: recipient.id,
      interviewId,
      channel: 'email',
      direction: 'out',
      purpose: touchPurposeFor(purpose),
      text: `Subject: ${data.subject}\n\n${data.body}`,
      templateId: data.templateId ?? null,
    });
    return { sent: true, messageId, from: cfg.from.address, to, subject: data.subject, touch };
  } catch (e) {
    const why = e instanceof AppError ? e.message : 'the database refused the write';
    throw new AppError('internal', `The message was sent to ${to}, but logging the touch failed (${why}); log it by hand.`, {
      sent: true,
      messageId,
    });
  }
}
