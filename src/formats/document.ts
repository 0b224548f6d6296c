// A small document model: what a printable sheet says, apart from how it is drawn. The prep sheet
// (and later the insights field brief) is built once as blocks, then rendered as Markdown, HTML or
// PDF by doc-markdown.ts, doc-html.ts and doc-pdf.ts, so the three cannot say different things.

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'checklist'; items: { text: string; checked: boolean }[] }
  | { kind: 'table'; columns: string[]; rows: string[][]; align?: ('left' | 'right')[] }
  | { kind: 'keyValue'; pairs: { key: string; value: string }[] };

export interface DocumentModel {
  title: string;
  /** One line under the title: who and when. */
  subtitle?: string;
  blocks: Block[];
  /** For the PDF's metadata; fixed in tests so that output does not depend on the wall clock. */
  createdAt?: Date;
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string, muted = false): Block => ({ kind: 'paragraph', text, ...(muted ? { muted } : {}) });
export const list = (items: string[], ordered = false): Block => ({ kind: 'list', items, ...(ordered ? { ordered } : {}) });
export const checklist = (items: { text: string; checked: boolean }[]): Block => ({ kind: 'checklist', items });
export const table = (columns: string[], rows: string[][], align?: ('left' | 'right')[]): Block => ({
  kind: 'table',
  columns,
  rows,
  ...(align ? { align } : {}),
});
export const keyValue = (pairs: { key: string; value: string }[]): Block => ({ kind: 'keyValue', pairs });
