// The document model as an A4 PDF, drawn with pdfkit (pure JavaScript; see docs/ARCHITECTURE.md).
// The text face is DejaVu Sans, embedded and subset: the PDF standard fonts only know Latin-1, so
// names such as Łukasz, Dvořák or Ольга would come out wrong. DejaVu covers Latin, Greek and
// Cyrillic; scripts it lacks (Chinese, Japanese, Korean, most Indic) show as empty boxes, which is
// written down in ARCHITECTURE.md — the browser's Print keeps them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Block, DocumentModel } from './document.js';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 60, bottom: 64, left: 60, right: 60 };
const SIZE = { title: 20, subtitle: 10.5, h1: 15, h2: 12.5, h3: 11, body: 10.5, footer: 8.5 };
const COLOR = { text: '#1a1a1a', muted: '#555555', rule: '#bbbbbb', header: '#eeeeee' };
const LINE_GAP = 2;
const CELL_PAD = 4;

let faces: { regular: Buffer; bold: Buffer } | undefined;

/** The embedded faces, read once per process. */
function loadFaces(): { regular: Buffer; bold: Buffer } {
  if (!faces) {
    const req = createRequire(import.meta.url);
    faces = {
      regular: readFileSync(req.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(req.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return faces;
}

/** Tabs and carriage returns would be drawn as missing glyphs; other control characters too. */
const clean = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

class Writer {
  readonly width: number;

  constructor(readonly pdf: Pdf) {
    this.width = pdf.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  style(face: 'body' | 'bold', size: number, color = COLOR.text): this {
    this.pdf.font(face).fontSize(size).fillColor(color);
    return this;
  }

  lineHeight(): number {
    return this.pdf.currentLineHeight(true) + LINE_GAP;
  }

  text(text: string, x: number, width: number): void {
    this.pdf.text(clean(text), x, this.pdf.y, { width, lineGap: LINE_GAP });
  }

  rule(y: number, color = COLOR.rule): void {
    this.pdf
      .save()
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + this.width, y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  gap(points: number): void {
    this.pdf.y += points;
  }

  heading(level: 1 | 2 | 3, text: string): void {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    this.style('bold', size);
    const h = this.pdf.heightOfString(clean(text), { width: this.width, lineGap: LINE_GAP });
    // Keep a heading with at least three lines of what follows it.
    this.ensure(h + 3 * (SIZE.body * 1.4) + 8);
    this.gap(level === 1 ? 10 : 6);
    this.text(text, MARGIN.left, this.width);
    if (level === 1) this.rule(this.pdf.y + 1);
    this.gap(4);
  }

  paragraph(text: string, muted = false): void {
    this.style('body', SIZE.body, muted ? COLOR.muted : COLOR.text);
    this.ensure(this.lineHeight());
    this.text(text, MARGIN.left, this.width);
  }

  /** A bulleted, numbered or checkbox item: the marker hangs to the left of wrapped text. */
  item(marker: string | { checked: boolean }, text: string): void {
    this.style('body', SIZE.body);
    const indent = 18;
    this.ensure(this.lineHeight());
    const y = this.pdf.y;
    if (typeof marker === 'string') {
      this.pdf.text(marker, MARGIN.left, y, { width: indent, lineBreak: false });
    } else {
      const box = SIZE.body * 0.85;
      const top = y + (SIZE.body * 1.15 - box) / 2;
      this.pdf
        .save()
        .lineWidth(0.8)
        .strokeColor(COLOR.text)
        .rect(MARGIN.left + 1, top, box, box)
        .stroke();
      if (marker.checked) {
        this.pdf
          .moveTo(MARGIN.left + 2.5, top + box * 0.55)
          .lineTo(MARGIN.left + 1 + box * 0.4, top + box - 2)
          .lineTo(MARGIN.left + box, top + 1.5)
          .lineWidth(1.2)
          .stroke();
      }
      this.pdf.restore();
    }
    this.pdf.y = y;
    this.text(text, MARGIN.left + indent, this.width - indent);
    this.gap(1.5);
  }

  /** Column widths: short columns keep their natural width, long ones share what is left. */
  columnWidths(columns: string[], rows: string[][]): number[] {
    const natural = columns.map((c, i) => {
      this.style('bold', SIZE.body);
      let w = this.pdf.widthOfString(clean(c));
      this.style('body', SIZE.body);
      for (const r of rows) for (const line of clean(r[i] ?? '').split('\n')) w = Math.max(w, this.pdf.widthOfString(line));
      return w + 2 * CELL_PAD + 1;
    });
    const total = natural.reduce((a, b) => a + b, 0);
    if (total <= this.width) return natural.map((w) => w + (this.width - total) * (w / total));
    const fair = this.width / columns.length;
    const short = natural.map((w) => w <= fair);
    const fixed = natural.reduce((a, w, i) => a + (short[i] ? w : 0), 0);
    const longTotal = natural.reduce((a, w, i) => a + (short[i] ? 0 : w), 0);
    return natural.map((w, i) => (short[i] ? w : ((this.width - fixed) * w) / longTotal));
  }

  row(cells: string[], widths: number[], opts: { bold?: boolean; fill?: string; align?: ('left' | 'right')[]; border?: boolean }): void {
    const face = opts.bold ? 'bold' : 'body';
    this.style(face, SIZE.body);
    const heights = cells.map((c, i) => this.pdf.heightOfString(clean(c), { width: widths[i]! - 2 * CELL_PAD, lineGap: LINE_GAP }));
    const height = Math.max(this.lineHeight(), ...heights) + 2 * CELL_PAD;
    const y = this.pdf.y;
    if (opts.fill) this.pdf.save().rect(MARGIN.left, y, this.width, height).fill(opts.fill).restore();
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      this.style(face, SIZE.body);
      this.pdf.text(clean(c), x + CELL_PAD, y + CELL_PAD, {
        width: widths[i]! - 2 * CELL_PAD,
        lineGap: LINE_GAP,
        align: opts.align?.[i] ?? 'left',
      });
      x += widths[i]!;
    });
    this.pdf.y = y + height;
    if (opts.border) this.rule(this.pdf.y);
  }

  table(columns: string[], rows: string[][], align?: ('left' | 'right')[]): void {
    const widths = this.columnWidths(columns, rows);
    const header = () => this.row(columns, widths, { bold: true, fill: COLOR.header, align, border: true });
    const heightOf = (cells: string[]) => {
      this.style('body', SIZE.body);
      return (
        Math.max(...cells.map((c, i) => this.pdf.heightOfString(clean(c), { width: widths[i]! - 2 * CELL_PAD, lineGap: LINE_GAP }))) +
        2 * CELL_PAD
      );
    };
    this.ensure(heightOf(columns) + heightOf(rows[0] ?? columns));
    header();
    for (const r of rows) {
      const cells = columns.map((_c, i) => r[i] ?? '');
      if (this.pdf.y + heightOf(cells) > this.bottom) {
        this.pdf.addPage();
        header(); // a table that runs on carries its header to the new page
      }
      this.row(cells, widths, { align, border: true });
    }
  }

  keyValue(pairs: { key: string; value: string }[]): void {
    this.style('bold', SIZE.body);
    const keyWidth = Math.min(this.width * 0.32, Math.max(...pairs.map((p) => this.pdf.widthOfString(clean(p.key)))) + 14);
    for (const p of pairs) {
      this.style('body', SIZE.body);
      const h = this.pdf.heightOfString(clean(p.value), { width: this.width - keyWidth, lineGap: LINE_GAP });
      this.ensure(Math.min(h, this.lineHeight() * 3));
      const y = this.pdf.y;
      this.style('bold', SIZE.body);
      this.pdf.text(clean(p.key), MARGIN.left, y, { width: keyWidth - 8, lineGap: LINE_GAP });
      const afterKey = this.pdf.y;
      this.style('body', SIZE.body);
      this.pdf.y = y;
      this.text(p.value || '—', MARGIN.left + keyWidth, this.width - keyWidth);
      this.pdf.y = Math.max(this.pdf.y, afterKey) + 2;
    }
  }

  block(b: Block): void {
    switch (b.kind) {
      case 'heading':
        return this.heading(b.level, b.text);
      case 'paragraph':
        return this.paragraph(b.text, b.muted);
      case 'list':
        b.items.forEach((it, i) => this.item(b.ordered ? `${i + 1}.` : '•', it));
        return;
      case 'checklist':
        for (const it of b.items) this.item({ checked: it.checked }, it.text);
        return;
      case 'table':
        return this.table(b.columns, b.rows, b.align);
      case 'keyValue':
        return this.keyValue(b.pairs);
    }
  }

  /** "Title — page 2 of 3" at the foot of every page, written once all pages exist. */
  footers(title: string): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // Writing inside the bottom margin would otherwise start a new page.
      const bottom = this.pdf.page.margins.bottom;
      this.pdf.page.margins.bottom = 0;
      this.style('body', SIZE.footer, COLOR.muted);
      this.pdf.text(`${clean(title)} — page ${i - range.start + 1} of ${range.count}`, MARGIN.left, this.pdf.page.height - 40, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.pdf.page.margins.bottom = bottom;
    }
  }
}

/** Renders the document to the bytes of a PDF file. pdfkit is loaded only when a PDF is asked for. */
export async function renderPdf(doc: DocumentModel): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = loadFaces();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: clean(doc.title),
      Creator: 'coffeechat',
      Producer: 'coffeechat (pdfkit)',
      ...(doc.createdAt ? { CreationDate: doc.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  pdf.registerFont('body', regular);
  pdf.registerFont('bold', bold);
  const w = new Writer(pdf);

  w.style('bold', SIZE.title);
  w.text(doc.title, MARGIN.left, w.width);
  if (doc.subtitle) {
    w.style('body', SIZE.subtitle, COLOR.muted);
    w.gap(2);
    w.text(doc.subtitle, MARGIN.left, w.width);
  }
  w.gap(6);
  w.rule(pdf.y, COLOR.text);
  w.gap(6);
  for (const b of doc.blocks) {
    w.block(b);
    w.gap(6);
  }
  w.footers(doc.title);
  pdf.end();
  return done;
}
