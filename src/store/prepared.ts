// Queries built and compiled once, for hot paths (Today): Kysely rebuilds and recompiles a query's
// tree on every call, which costs more than running a small indexed query. A prepared query is
// built once with named slots in place of its values; each run only fills the slots in.
import { CompiledQuery, sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

// A value no caller can pass: marks where a slot's value goes among the compiled parameters.
const MARK = '\u0000slot\u0000';

/** Where a slot's value goes: `slot.text('now')` in a comparison, `slot.number('limit')` for a limit. */
export interface Slots<K extends string> {
  text(name: K): string;
  number(name: K): RawBuilder<number>;
}

/**
 * Builds the query once (lazily, at its first run) with `build`, then runs it with `values` in its
 * slots. The SQL is the same as building the query each time, so it is logged and pinned alike.
 */
export function prepared<K extends string, R>(
  db: Kysely<Database>,
  build: (slot: Slots<K>) => Compilable<R>,
): (values: Record<K, string | number>) => Promise<R[]> {
  let compiled: { sql: string; params: readonly unknown[]; slots: (K | null)[] } | undefined;
  const slots: Slots<K> = { text: (name) => MARK + name, number: (name) => sql<number>`${MARK + name}` };
  return async (values) => {
    if (!compiled) {
      const q = build(slots).compile();
      const names = q.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? (p.slice(MARK.length) as K) : null));
      compiled = { sql: q.sql, params: q.parameters, slots: names };
    }
    const { params, slots: names } = compiled;
    const filled = new Array<unknown>(params.length);
    for (let i = 0; i < params.length; i++) {
      const name = names[i];
      filled[i] = name === null || name === undefined ? params[i] : values[name];
    }
    const r = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, filled));
    return r.rows;
  };
}
