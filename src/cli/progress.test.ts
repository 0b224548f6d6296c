import { expect, it } from 'vitest';
import { progressBar } from './progress.js';

async function* chunks(sizes: number[]) {
  for (const n of sizes) yield new Uint8Array(n);
}

it('draws the share of the file read and the rows so far, then clears the line', async () => {
  const out: string[] = [];
  const bar = progressBar(1000, (s) => out.push(s));
  const it = bar.track(chunks([250, 250, 500]))[Symbol.asyncIterator]();
  await it.next();
  bar.row(250);
  await it.next();
  await it.next();
  bar.row(499); // between redraws: nothing drawn
  bar.row(1000);
  bar.done();
  expect(out).toEqual(['\r[######..................]  25%  250 rows', '\r[########################] 100%  1,000 rows', '\r\x1b[K']);
});
