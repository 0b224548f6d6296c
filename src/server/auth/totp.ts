// Time-based one-time passwords (RFC 6238 on top of RFC 4226's HOTP), as authenticator apps make
// them: HMAC-SHA-1, 30-second steps, 6 digits, the secret shared as base32 in an otpauth:// URI.
// Small enough to own: no library, only node:crypto, checked against the RFCs' test vectors.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Codes one step either side of now are accepted too: phone clocks drift and people type slowly. */
export const WINDOW = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error(`Not a base32 character: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** 20 random bytes (160 bits, the size RFC 4226 recommends for SHA-1), as base32. */
export function newSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226: the HOTP value of `counter`, with `digits` digits. */
export function hotp(key: Buffer, counter: number, digits = DIGITS, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

/** The time step an instant falls in. */
export const stepAt = (at: Date): number => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

/** The code an authenticator shows at `at` for a base32 secret. */
export function totpAt(secret: string, at: Date): string {
  return hotp(base32Decode(secret), stepAt(at));
}

/**
 * The step whose code `code` is, within WINDOW steps of `at`, or null. The caller refuses a step it
 * has accepted before (RFC 6238 §5.2: a code is good once), which is why the step is returned.
 */
export function matchStep(secret: string, code: string, at: Date): number | null {
  const given = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return null;
  const key = base32Decode(secret);
  const now = stepAt(at);
  let found: number | null = null;
  // Every candidate is computed and compared in constant time, so timing tells nothing.
  for (let s = now - WINDOW; s <= now + WINDOW; s++) {
    if (timingSafeEqual(Buffer.from(hotp(key, s)), Buffer.from(given)) && found === null) found = s;
  }
  return found;
}

/** The otpauth:// URI authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUri(secret: string, account: string, issuer = 'coffeechat'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${q.toString()}`;
}
