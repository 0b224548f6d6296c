// Per-user settings (CONTRACTS.md: timezone, country, followUpPreset, name, smtp.*).
import * as z from 'zod';
import { AppError } from '../domain/errors.js';
import { isKnownCountry } from '../domain/business-days.js';
import { FOLLOW_UP_PRESETS, type Settings } from '../domain/types.js';
import { isValidTimeZone } from '../domain/zoned.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

/** Each key with its validation; a value of null (or "") removes the setting. */
const KEYS = {
  timezone: z.string().trim().refine(isValidTimeZone, 'is not an IANA time zone such as Europe/Paris or America/New_York'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a two-letter country code such as US, GB or DE (optionally with a region, DE-BY)')
    .refine(isKnownCountry, 'is not a country (or region) with a holiday calendar; use the ISO 3166 code, e.g. GB rather than UK'),
  followUpPreset: z.enum(FOLLOW_UP_PRESETS, { error: `must be one of: ${FOLLOW_UP_PRESETS.join(', ')}` }),
  name: z.string().trim().min(1).max(200),
  'smtp.host': z.string().trim().min(1).max(255),
  'smtp.port': z.coerce.number().int().min(1).max(65535).transform(String),
  'smtp.user': z.string().trim().min(1).max(255),
  'smtp.from': z.string().trim().min(3).max(320),
} as const;

export type SettingKey = keyof typeof KEYS;
export const SETTING_KEYS = Object.keys(KEYS) as SettingKey[];

export type AllSettings = Settings & Partial<Record<'smtp.host' | 'smtp.port' | 'smtp.user' | 'smtp.from', string>>;

export async function getSettings(ctx: Ctx): Promise<AllSettings> {
  const raw = await ctx.store.users.settings(ctx.userId);
  return {
    ...raw,
    timezone: raw.timezone && isValidTimeZone(raw.timezone) ? raw.timezone : 'UTC',
    country: raw.country ?? null,
    followUpPreset: (FOLLOW_UP_PRESETS as readonly string[]).includes(raw.followUpPreset ?? '')
      ? (raw.followUpPreset as Settings['followUpPreset'])
      : '3b7',
    name: raw.name ?? null,
  };
}

/** Sets several settings at once; all are validated before any is written. */
export async function updateSettings(ctx: Ctx, input: unknown): Promise<AllSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('invalid_input', 'Settings must be an object of key: value pairs.');
  }
  const entries = Object.entries(input as Record<string, unknown>);
  const values: [SettingKey, string | null][] = [];
  const problems: { field: string; message: string }[] = [];
  for (const [key, value] of entries) {
    if (!(key in KEYS)) {
      problems.push({ field: key, message: `is not a setting; the settings are: ${SETTING_KEYS.join(', ')}` });
      continue;
    }
    if (value === null || value === '') {
      if (key === 'timezone' || key === 'followUpPreset') problems.push({ field: key, message: 'cannot be removed' });
      else values.push([key as SettingKey, null]);
      continue;
    }
    const r = KEYS[key as SettingKey].safeParse(typeof value === 'number' ? String(value) : value);
    if (r.success) values.push([key as SettingKey, String(r.data)]);
    else problems.push({ field: key, message: r.error.issues[0]?.message ?? 'is not valid' });
  }
  if (problems.length) {
    throw new AppError('invalid_input', `Invalid settings: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
      fields: problems,
    });
  }
  await ctx.store.transaction(async (tx) => {
    for (const [k, v] of values) await tx.users.setSetting(ctx.userId, k, v);
  });
  return getSettings(ctx);
}

export async function setSetting(ctx: Ctx, key: string, value: string): Promise<AllSettings> {
  return updateSettings(ctx, { [key]: value });
}

/** Reads one key; unknown keys are invalid input. */
export async function getSetting(ctx: Ctx, key: string): Promise<string | null> {
  parse(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: `must be one of: ${SETTING_KEYS.join(', ')}` }), key, 'setting key');
  const s = (await getSettings(ctx)) as unknown as Record<string, string | null>;
  return s[key] ?? null;
}
