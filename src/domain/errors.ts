// One error type with a closed set of codes (CONTRACTS.md, "Errors"). The HTTP status and the CLI
// exit code of each code are decided here, once, so the server and the CLI cannot disagree.

export const ERROR_CODES = {
  invalid_input: { http: 400, exit: 2 },
  unauthenticated: { http: 401, exit: 1 },
  forbidden: { http: 403, exit: 1 },
  not_found: { http: 404, exit: 1 },
  invalid_transition: { http: 409, exit: 1 },
  referral_question_unanswered: { http: 409, exit: 1 },
  conflict: { http: 409, exit: 1 },
  payload_too_large: { http: 413, exit: 1 },
  import_failed: { http: 422, exit: 1 },
  internal: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure the user can understand and act on; anything else is a bug and becomes `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Shorthand for the most common failure: an id that does not exist for this user. */
export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `No ${what} with id ${id}.`, { id });
}
