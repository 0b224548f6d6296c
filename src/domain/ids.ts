// Sortable string ids: UUIDv7 (RFC 9562). The timestamp comes from the injected clock so ids made
// under a fixed clock still sort in creation order (a counter breaks ties within a millisecond).
import type { Clock } from './clock.js';

export type IdGenerator = () => string;

export function uuidv7Generator(clock: Clock, random: (bytes: Uint8Array) => void): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = clock.now().getTime();
    if (ms <= lastMs) {
      // Same (or earlier) millisecond: keep ids increasing by bumping a 12-bit counter and,
      // when it overflows, borrowing the next millisecond.
      counter++;
      if (counter > 0xfff) {
        lastMs++;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const b = new Uint8Array(16);
    random(b);
    const hi = Math.floor(ms / 2 ** 16);
    const lo = ms % 2 ** 16;
    b[0] = (hi >>> 24) & 0xff;
    b[1] = (hi >>> 16) & 0xff;
    b[2] = (hi >>> 8) & 0xff;
    b[3] = hi & 0xff;
    b[4] = (lo >>> 8) & 0xff;
    b[5] = lo & 0xff;
    b[6] = 0x70 | ((counter >>> 8) & 0x0f);
    b[7] = counter & 0xff;
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
