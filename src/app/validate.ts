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
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = problemsOf(r.error);
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('invalid_input', `Invalid ${what}: ${summary}`, { fields: problems });
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
