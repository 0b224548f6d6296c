// Any failure → the JSON error body and HTTP status of CONTRACTS.md, decided in one place.
import { AppError, ERROR_CODES } from '../domain/errors.js';
import { fromDatabaseError } from '../app/validate.js';

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const db = fromDatabaseError(e);
  if (db) return db;
  return new AppError('internal', 'Something went wrong on our side; nothing was changed. The details are in the server log.');
}

export function httpStatus(e: AppError): number {
  return ERROR_CODES[e.code].http;
}
