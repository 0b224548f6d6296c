// The document model as one standalone HTML page: every piece of user text escaped, styles inline
// so the file prints the same when opened on its own.
import type { Block, DocumentModel } from './document.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escaped text whose line breaks stay line breaks. */
const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

const STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
  .subtitle, .muted { color: #555; }
  ul.checklist { list-style: none; padding-left: 0; }
  ul.checklist li::before { content: "\\2610\\00a0"; }
  ul.checklist li.done::before { content: "\\2611\\00a0"; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  td.num, th.num { text-align: right; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; } }
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''}>${lines(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((it) => `<li>${lines(it)}</li>`).join('')}</${tag}>`;
    }
    case 'checklist':
      return `<ul class="checklist">${b.items
        .map(
          (it) =>
            `<li${it.checked ? ' class="done"' : ''}><span class="visually-hidden">${it.checked ? 'Done: ' : 'To do: '}</span>${lines(it.text)}</li>`,
        )
        .join('')}</ul>`;
    case 'table': {
      const cls = (i: number) => (b.align?.[i] === 'right' ? ' class="num"' : '');
      const head = `<tr>${b.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${b.columns.map((_c, i) => `<td${cls(i)}>${lines(r[i] ?? '')}</td>`).join('')}</tr>`);
      return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
    }
    case 'keyValue':
      return `<dl>${b.pairs.map((p) => `<dt>${escapeHtml(p.key)}</dt><dd>${lines(p.value)}</dd>`).join('')}</dl>`;
  }
}

/**
 * The file is opened on its own, away from the server and its headers, so it carries its own
 * policy: its inline styles and nothing else, so even a text that escaped escaping could not run.
 */
const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function renderHtml(doc: DocumentModel): string {
  const body = [`<h1>${escapeHtml(doc.title)}</h1>`];
  if (doc.subtitle) body.push(`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`);
  for (const b of doc.blocks) body.push(block(b));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FILE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
