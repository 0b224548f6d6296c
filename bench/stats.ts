// Timing statistics. The boxes this runs on are small and noisy, so every figure is a median over
// rounds (of a p50/p99 within each round, or of single wall times), never one measurement.
import { figure, type Figure, type Goal } from './report.js';

/** The q-quantile (0..1) of a list by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Percentiles {
  p50: number;
  p99: number;
  samples: number;
}

export interface InProcessOptions {
  warmup: number;
  rounds: number;
  perRound: number;
}

/**
 * Times `subject` and `baseline` on the same inputs, interleaved call by call (alternating which
 * goes first) so drifts in machine load hit both alike. Returns, for each, the median over rounds
 * of each round's p50 and p99.
 */
export async function compareInProcess<I>(
  inputs: (i: number) => I,
  subject: (input: I) => unknown,
  baseline: (input: I) => unknown,
  o: InProcessOptions,
): Promise<{ subject: Percentiles; baseline: Percentiles }> {
  for (let i = 0; i < o.warmup; i++) {
    await subject(inputs(i));
    await baseline(inputs(i));
  }
  const rounds = { subject: [] as number[][], baseline: [] as number[][] };
  let n = 0;
  for (let r = 0; r < o.rounds; r++) {
    const s: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < o.perRound; i++, n++) {
      const input = inputs(n);
      for (const which of n % 2 ? ['b', 's'] : ['s', 'b']) {
        const t = performance.now();
        await (which === 's' ? subject(input) : baseline(input));
        (which === 's' ? s : b).push(performance.now() - t);
      }
    }
    rounds.subject.push(s);
    rounds.baseline.push(b);
  }
  return { subject: overRounds(rounds.subject), baseline: overRounds(rounds.baseline) };
}

/** The median over rounds of each round's p50 and p99. */
export function overRounds(rounds: readonly (readonly number[])[]): Percentiles {
  const each = rounds.map(percentiles);
  return {
    p50: median(each.map((x) => x.p50)),
    p99: median(each.map((x) => x.p99)),
    samples: each.reduce((sum, x) => sum + x.samples, 0),
  };
}

/** The p50 and p99 of a list of timings. */
export function percentiles(values: readonly number[]): Percentiles {
  return { p50: quantile(values, 0.5), p99: quantile(values, 0.99), samples: values.length };
}

/**
 * The usual pair of figures from compareInProcess: `${name}.p99` and `${name}.p50`, each beside the
 * baseline's same percentile, with one goal for both.
 */
export function percentileFigures(
  name: string,
  r: { subject: Percentiles; baseline: Percentiles },
  baselineName: string,
  goal: Goal,
): Figure[] {
  return (['p99', 'p50'] as const).map((p) =>
    figure({
      name: `${name}.${p}`,
      value: r.subject[p],
      unit: 'ms',
      better: 'lower',
      baseline: { name: `${baselineName} ${p}`, value: r.baseline[p] },
      goal,
    }),
  );
}
