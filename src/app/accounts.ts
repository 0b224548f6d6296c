// What an admin does with accounts in server mode (issue 7): list users, change a role, disable
// an account (its sessions end at once), and invite people. Admins see accounts, never anyone's
// content. Sign-in itself lives in src/server/auth (it needs the HTTP exchange and the library).
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

/** Tokens (setup, invitations, resets) are looked up by their SHA-256; only invitations keep theirs, for the admin's list. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export const ACCOUNT_ROLES = ['member', 'adviser', 'admin'] as const;
const INVITATION_DAYS = 7;

export interface AccountView {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  url: string;
  expiresAt: string;
}

/** Every account (the local owner of a personal install is not one and is left out). */
export async function listAccounts(ctx: Ctx): Promise<AccountView[]> {
  const rows = await ctx.store.auth.users();
  return rows
    .filter((u) => u.role !== 'owner')
    .map((u) => ({ id: u.id, email: u.email ?? '', name: u.name ?? '', role: u.role, disabled: u.disabled, createdAt: u.createdAt }));
}

export const patchInput = z.object({ role: z.enum(ACCOUNT_ROLES).optional(), disabled: z.boolean().optional() }).strict();

export async function updateAccount(ctx: Ctx, id: string, body: unknown): Promise<AccountView> {
  const patch = parse(patchInput, body, 'account change');
  if (id === ctx.userId)
    throw new AppError('invalid_input', 'You cannot change your own role or disable yourself; ask another admin to do it.');
  const found = await ctx.store.auth.user(id);
  if (!found || found.role === 'owner') throw notFound('account', id);
  await ctx.store.transaction(async (tx) => {
    await tx.auth.updateUser(id, { ...patch, at: ctx.clock.now().toISOString() });
    if (patch.disabled) await tx.auth.endSessions(id);
  });
  const u = (await ctx.store.auth.user(id))!;
  return { id: u.id, email: u.email ?? '', name: u.name ?? '', role: u.role, disabled: u.disabled, createdAt: u.createdAt };
}

export const invitationInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'must be an e-mail address' })),
  role: z.enum(ACCOUNT_ROLES).default('member'),
});

const invitationUrl = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/register?invitation=${token}`;

export async function listInvitations(ctx: Ctx, origin: string): Promise<InvitationView[]> {
  const rows = await ctx.store.auth.openInvitations();
  return rows.map((i) => ({ id: i.id, email: i.email, role: i.role, url: invitationUrl(origin, i.token), expiresAt: i.expiresAt }));
}

export async function createInvitation(ctx: Ctx, body: unknown, origin: string): Promise<InvitationView> {
  const input = parse(invitationInput, body, 'invitation');
  const token = randomBytes(24).toString('base64url');
  const at = ctx.clock.now();
  const inv = {
    id: ctx.ids(),
    token,
    email: input.email,
    role: input.role,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + INVITATION_DAYS * 24 * 3600_000).toISOString(),
    usedAt: null,
  };
  await ctx.store.auth.insertInvitation({ ...inv, tokenHash: tokenHash(token), createdBy: ctx.userId });
  return { id: inv.id, email: inv.email, role: inv.role, url: invitationUrl(origin, token), expiresAt: inv.expiresAt };
}

export async function deleteInvitation(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.auth.deleteInvitation(id))) throw notFound('invitation', id);
}
