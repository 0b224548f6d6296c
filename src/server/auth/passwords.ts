// The password rule (issue 7): 8 to 128 characters, no composition rules, and not one of the
// common passwords we ship (no network look-up). The list is read once, on first use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../domain/errors.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

/** The list beside this file (sources, tests) or, from the bundle in dist/, in the sources. */
function commonPasswords(): Set<string> {
  if (common) return common;
  for (const rel of ['./common-passwords.txt', '../src/server/auth/common-passwords.txt']) {
    try {
      const text = readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
      common = new Set(
        text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#')),
      );
      return common;
    } catch {
      /* try the next place */
    }
  }
  throw new AppError('internal', 'The list of common passwords is missing from this installation.');
}

/** Refuses a password the rule does not allow, saying why (the field is `password`). */
export function checkPassword(password: string, field = 'password'): void {
  const chars = [...password].length;
  const problem =
    chars < PASSWORD_MIN
      ? `must be at least ${PASSWORD_MIN} characters`
      : chars > PASSWORD_MAX
        ? `must be at most ${PASSWORD_MAX} characters`
        : commonPasswords().has(password.toLowerCase())
          ? 'is one of the most common passwords, which are guessed first; choose another'
          : null;
  if (problem)
    throw new AppError('invalid_input', `Invalid input: ${field}: the password ${problem}.`, {
      fields: [{ field, message: `The password ${problem}.` }],
    });
}
