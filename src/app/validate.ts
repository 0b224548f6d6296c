// Validation at the edge, once: operations parse their input with zod and any problem becomes an
// `invalid_input` error naming each field and what is wrong with it.
import * as z from 'zod';
import { AppError } from '../domain/errors.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

export function parse<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.infer<S> {
  // PostgreSQL cannot store a NUL in text (SQLite can): refuse it on both, before it reaches a row.
  const nul = nulAt(input);
  if (nul !== null) {
    const problems = [{ field: nul, message: 'must not contain a NUL character (\\u0000)' }];
    throw new AppError('invalid_input', `Invalid ${what}: ${nul}: ${problems[0]!.message}`, { fields: problems });
  }
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = problemsOf(r.error);
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('invalid_input', `Invalid ${what}: ${summary}`, { fields: problems });
}

/** The path of the first string holding a NUL character, or null; iterative, so deep nesting cannot overflow. */
function nulAt(input: unknown): string | null {
  const stack: [unknown, string][] = [[input, '']];
  for (let seen = 0; stack.length > 0 && seen < 100_000; seen++) {
    const [v, path] = stack.pop()!;
    const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || '(body)';
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, at(i)]));
    else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) for (const [k, x] of Object.entries(v)) stack.push([x, at(k)]);
  }
  return null;
}

/** Recognises database constraint failures so that they reach the user as coded errors. */
export function fromDatabaseError(e: unknown): AppError | null {
  const err = e as { code?: string; message?: string };
  if (err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err?.code === '23505') {
    return new AppError('conflict', 'That already exists.');
  }
  if (err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || err?.code === '23503') {
    return new AppError('invalid_input', 'That refers to something that does not exist.');
  }
  if (err?.code === 'SQLITE_BUSY') {
    return new AppError('internal', 'The database is busy; try again in a moment.');
  }
  return null;
}

// Reusable field schemas. Empty strings from forms mean "no value".
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
export const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().trim().max(max).nullish());
export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const idText = z.string().trim().min(1, 'is required').max(64);

export const paging = {
  limit: z.coerce.number().int().min(1).max(1_000_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A time the user gives: ISO with offset/Z, or without one (read in the user's zone later). */
export const timeText = z.string().trim().min(1).max(40);
