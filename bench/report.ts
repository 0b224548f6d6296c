// The figures' shape (CONTRACTS.md, "Benchmark output"), the goal check, the printed table and
// bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';

export type Goal = { max: number } | { min: number } | { ratioMax: number } | { ratioMin: number };

export interface Figure {
  name: string;
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  baseline: { name: string; value: number } | null;
  ratio: number | null;
  goal: Goal;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Builds a figure; the ratio is computed here so it always matches value and baseline. */
export function figure(
  f: Omit<Figure, 'ratio' | 'value' | 'baseline'> & { value: number; baseline: { name: string; value: number } | null },
): Figure {
  const value = round(f.value);
  const baseline = f.baseline && { name: f.baseline.name, value: round(f.baseline.value) };
  const ratio = baseline && baseline.value > 0 ? round(value / baseline.value) : null;
  // Keys in the order CONTRACTS.md lists them, so the file reads the same way.
  return { name: f.name, value, unit: f.unit, better: f.better, baseline, ratio, goal: f.goal };
}

export function met(f: Figure): boolean {
  const g = f.goal;
  if ('max' in g) return f.value <= g.max;
  if ('min' in g) return f.value >= g.min;
  if (f.ratio === null) return false;
  if ('ratioMax' in g) return f.ratio <= g.ratioMax;
  return f.ratio >= g.ratioMin;
}

function goalText(g: Goal): string {
  if ('max' in g) return `≤ ${g.max}`;
  if ('min' in g) return `≥ ${g.min}`;
  if ('ratioMax' in g) return `ratio ≤ ${g.ratioMax}`;
  return `ratio ≥ ${g.ratioMin}`;
}

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

export function printTable(figures: Figure[], out: (s: string) => void = console.log): void {
  const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
  const rows = figures.map((f) => [
    f.name,
    num(f.value),
    f.unit,
    f.baseline ? `${f.baseline.name} = ${num(f.baseline.value)}` : '—',
    f.ratio === null ? '—' : `${f.ratio.toFixed(3)}×`,
    goalText(f.goal),
    met(f) ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'unit', 'baseline', 'ratio', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  out(line(header));
  out(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
  const missed = figures.filter((f) => !met(f));
  out('');
  out(
    missed.length
      ? `Goals missed (${missed.length}): ${missed.map((f) => `${f.name} (${num(f.value)} ${f.unit}, goal ${goalText(f.goal)})`).join('; ')}`
      : 'All goals met.',
  );
}

export function writeResults(file: string, figures: Figure[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ machine: machine(), date: new Date().toISOString(), figures }, null, 2) + '\n');
}
