/**
 * What every benchmark section reports: a figure measured next to its baseline from the same run,
 * and the goal it must meet. The machine is shared, so goals are ratios to a baseline measured in
 * the same process where they can be, and `npm run bench` fails when any goal is missed.
 */

export interface Figure {
  /** What was measured, e.g. `cloud calls, one Tencent service create`. */
  figure: string;
  /** The measured value, formatted with its unit. */
  value: string;
  /** What it is compared with, measured in the same run (or a bound computed from the run's own inputs). */
  baseline: string;
  /** The goal in words, e.g. `≤ 1.2 × baseline`. */
  goal: string;
  met: boolean;
}

/** One group of figures; `run` measures and returns them. */
export interface Section {
  /** Selects the section on the command line: `npm run bench -- waiter`. */
  name: string;
  title: string;
  run(): Promise<Figure[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which `p` (0–1) of the values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Prints a section's figures as an aligned table; returns how many goals were missed. */
export function printFigures(section: Section, figures: readonly Figure[]): number {
  console.log(`\n## ${section.title}`);
  const header = ["figure", "value", "baseline (same run)", "goal", ""];
  const rows = figures.map((f) => [f.figure, f.value, f.baseline, f.goal, f.met ? "met" : "MISSED"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  return figures.filter((f) => !f.met).length;
}
