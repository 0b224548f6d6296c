// Text-stream plumbing shared by the CSV and vCard readers. Line breaks are normalised to "\n" first
// (CRLF, LF and old-Mac CR all occur in contact files), so every later line count agrees with the file.

/** Turns CRLF and lone CR into LF, also when a CRLF is split across two chunks. */
export async function* normaliseNewlines(text: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  let afterCR = false;
  for await (let chunk of text) {
    if (afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    afterCR = chunk.endsWith('\r');
    const out = chunk.replace(/\r\n?/g, '\n');
    if (out !== '') yield out;
  }
}

/** Same as `normaliseNewlines`, for a whole string. */
export function normaliseNewlinesSync(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Drops the first `count` lines of a normalised stream. */
export async function* dropLines(text: AsyncIterable<string>, count: number): AsyncGenerator<string, void, undefined> {
  let left = count;
  for await (const chunk of text) {
    if (left === 0) {
      yield chunk;
      continue;
    }
    let at = 0;
    while (left > 0) {
      const nl = chunk.indexOf('\n', at);
      if (nl < 0) break;
      at = nl + 1;
      left--;
    }
    if (left === 0 && at < chunk.length) yield chunk.slice(at);
  }
}

/** Splits a normalised stream into numbered lines (1-based), without their line break. */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }, void, undefined> {
  // Pieces of an unfinished line are collected in an array: concatenating chunk by chunk would copy
  // a long line over and over.
  let pending: string[] = [];
  let line = 0;
  for await (const chunk of text) {
    let at = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', at);
      if (nl < 0) break;
      pending.push(chunk.slice(at, nl));
      yield { text: pending.join(''), line: ++line };
      pending = [];
      at = nl + 1;
    }
    if (at < chunk.length) pending.push(chunk.slice(at));
  }
  if (pending.length > 0) yield { text: pending.join(''), line: ++line };
}
