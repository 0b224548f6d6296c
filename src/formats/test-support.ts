// Helpers for the format tests: fixtures, complete expected records, chunked streams.
import { readFileSync } from 'node:fs';
import { AppError } from '../domain/errors.js';
import type { ImportedContact } from './contact-record.js';

const FIXTURES = new URL('../../test/fixtures/formats/', import.meta.url);

/** The bytes of a fixture in test/fixtures/formats. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** A fixture's text (UTF-8, BOM kept). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** A complete expected record: every field not given is empty, so `toEqual` checks them all. */
export function contact(line: number, fields: Partial<ImportedContact> & { name: string }): ImportedContact {
  return {
    line,
    givenName: null,
    familyName: null,
    emails: [],
    phones: [],
    organisation: null,
    title: null,
    linkedinUrl: null,
    location: null,
    tags: [],
    connectedOn: null,
    birthday: null,
    notes: null,
    referredBy: null,
    related: [],
    uid: null,
    ...fields,
  };
}

/** The bytes as a stream of chunks of the given sizes (cycled), to cut characters and CRLFs apart. */
export async function* chunked(bytes: Uint8Array, sizes: number[] = [7]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[i++ % sizes.length] ?? 1);
    yield bytes.slice(at, at + size);
    at += size;
    await Promise.resolve();
  }
}

/** Runs `fn` and returns the AppError it fails with (the test fails if it succeeds or throws anything else). */
export async function appErrorOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected an AppError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an AppError, but the call succeeded');
}
