// Message templates: the built-in ones and the user's own, side by side. A user template is
// checked when it is saved, so an unknown placeholder is reported then (with where it is), not
// discovered later as a blank in a message.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  checkTemplateText,
  placeholdersIn,
  TEMPLATE_CHANNELS,
  TEMPLATE_PURPOSES,
  type Template,
  type TemplateView,
} from '../domain/templates/index.js';
import type { Ctx } from './context.js';
import { optionalText, parse, requiredText } from './validate.js';

const purpose = z.enum(TEMPLATE_PURPOSES, { error: `must be one of: ${TEMPLATE_PURPOSES.join(', ')}` });
const channel = z.enum(TEMPLATE_CHANNELS, { error: `must be one of: ${TEMPLATE_CHANNELS.join(', ')}` });

export const templateInput = z
  .object({
    name: requiredText(200),
    purpose,
    channel,
    subject: optionalText(500),
    body: z
      .string()
      .max(20_000, 'must be at most 20000 characters')
      .refine((b) => b.trim() !== '', 'is required'),
  })
  .strict()
  .refine((t) => !t.subject || t.channel === 'email', { message: 'only e-mail templates have a subject', path: ['subject'] })
  .refine((t) => !t.subject || !/[\r\n]/.test(t.subject), { message: 'must be one line', path: ['subject'] });

export const templateQuery = z.object({ purpose: purpose.optional(), channel: channel.optional() });

const view = (t: Template): TemplateView => ({ ...t, placeholders: placeholdersIn(`${t.subject ?? ''}\n${t.body}`) });

/** Built-in templates first (in their fixed order), then the user's, oldest first. */
export async function listTemplates(ctx: Ctx, input: unknown = {}): Promise<TemplateView[]> {
  const q = parse(templateQuery, input ?? {}, 'query');
  const builtIn = BUILT_IN_TEMPLATES.filter((t) => (!q.purpose || t.purpose === q.purpose) && (!q.channel || t.channel === q.channel));
  const own = await ctx.store.templates.list(ctx.userId, q);
  return [...builtIn, ...own].map(view);
}

export async function getTemplate(ctx: Ctx, id: string): Promise<TemplateView> {
  const t = builtInTemplate(id) ?? (await ctx.store.templates.get(ctx.userId, id));
  if (!t) throw notFound('template', id);
  return view(t);
}

export async function addTemplate(ctx: Ctx, input: unknown): Promise<TemplateView> {
  const data = parse(templateInput, input);
  const problems = [...(data.subject ? checkTemplateText(data.subject, 'subject') : []), ...checkTemplateText(data.body, 'body')];
  if (problems.length) {
    const fields = problems.map((p) => ({ field: p.field, message: `line ${p.line}, column ${p.column}: ${p.message}` }));
    const tokens = [...new Set(problems.map((p) => p.token))].join(', ');
    throw new AppError(
      'invalid_input',
      `The template has placeholders coffeechat cannot fill: ${tokens} (${problems.map((p) => `${p.field} line ${p.line}, column ${p.column}`).join('; ')}).`,
      { fields, placeholders: problems },
    );
  }
  const t: Template = {
    id: ctx.ids(),
    name: data.name,
    purpose: data.purpose,
    channel: data.channel,
    subject: data.subject ?? null,
    body: data.body,
    builtIn: false,
    createdAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction((tx) => tx.templates.insert(ctx.userId, t));
  return view(t);
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  if (builtInTemplate(id)) {
    throw new AppError('invalid_input', `${id} is a built-in template and cannot be deleted; only your own templates can.`, {
      fields: [{ field: 'id', message: 'is a built-in template' }],
    });
  }
  if (!(await ctx.store.templates.delete(ctx.userId, id))) throw notFound('template', id);
}
