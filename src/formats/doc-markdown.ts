// The document model as Markdown (CommonMark with GitHub tables and task lists). User text is
// escaped so that a name with an asterisk or a note starting with "#" stays plain text.
import type { Block, DocumentModel } from './document.js';

/** Only what matters inside a line (a table cell cannot start a block). */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);

/** Escapes the characters that would start Markdown syntax inside a line of plain text. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+-])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/gm, '$1$2\\$3')
    .replace(/^(\s*)(=+|-{3,})\s*$/gm, (_m, sp: string, rule: string) => `${sp}\\${rule}`);
}

/** Continuation lines of a list item are indented so they stay inside the item. */
const indentLines = (text: string, by: string) => text.split('\n').join(`\n${by}`);

const cell = (text: string) => escapeInline(text).replace(/\n/g, '<br>');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text).replace(/\n/g, ' ')}`;
    case 'paragraph': {
      const text = escapeMarkdown(b.text).split('\n').join('  \n');
      return b.muted ? `_${text}_` : text;
    }
    case 'list':
      return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${indentLines(escapeMarkdown(it), '   ')}`).join('\n');
    case 'checklist':
      return b.items.map((it) => `- [${it.checked ? 'x' : ' '}] ${indentLines(escapeMarkdown(it.text), '      ')}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map(cell).join(' | ')} |`;
      const rule = `| ${b.columns.map((_c, i) => (b.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${b.columns.map((_c, i) => cell(r[i] ?? '')).join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'keyValue':
      return b.pairs.map((p) => `- **${escapeMarkdown(p.key)}:** ${indentLines(escapeMarkdown(p.value), '  ')}`).join('\n');
  }
}

export function renderMarkdown(doc: DocumentModel): string {
  const parts = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.subtitle) parts.push(`_${escapeMarkdown(doc.subtitle)}_`);
  for (const b of doc.blocks) parts.push(block(b));
  return parts.join('\n\n') + '\n';
}
