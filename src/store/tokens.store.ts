// API tokens (issue 7, part 7): listed by their owner, found by their SHA-256 when a request
// carries one (together with the owner's current role and state, in the same query, so a changed
// role or a disabled account counts at once), and deleted to revoke.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A token found by its hash, with what the server needs to decide who is calling. */
export interface TokenHolder {
  id: string;
  userId: string;
  scope: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  role: string;
  disabled: boolean;
}

const columns = ['id', 'user_id', 'name', 'scope', 'prefix', 'created_at', 'expires_at', 'last_used_at'] as const;
const toToken = (r: {
  id: string;
  user_id: string;
  name: string;
  scope: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  scope: r.scope,
  prefix: r.prefix,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
});

export function tokensStore(db: Kysely<Database>) {
  return {
    async insert(t: ApiToken, tokenHash: string): Promise<void> {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          user_id: t.userId,
          name: t.name,
          scope: t.scope,
          prefix: t.prefix,
          token_hash: tokenHash,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: t.lastUsedAt,
        })
        .execute();
    },

    /** One user's tokens, newest first (expired ones too, so their owner sees why a script stopped). */
    async list(userId: string): Promise<ApiToken[]> {
      const rows = await db
        .selectFrom('api_tokens')
        .select(columns)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toToken);
    },

    async byHash(tokenHash: string): Promise<TokenHolder | undefined> {
      const r = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.user_id',
          'api_tokens.scope',
          'api_tokens.expires_at',
          'api_tokens.last_used_at',
          'users.role',
          'users.disabled',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          userId: r.user_id,
          scope: r.scope,
          expiresAt: r.expires_at,
          lastUsedAt: r.last_used_at,
          role: r.role,
          disabled: r.disabled === 1,
        }
      );
    },

    async markUsed(id: string, at: string): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    /** Deletes one of the user's tokens; false when the user has no token with that id. */
    async remove(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
