/**
 * `npm run bench [-- section…]`: every figure of BENCHMARKS.md, each next to its baseline measured
 * in the same run, and a non-zero exit when a goal is missed. Medians of one run on a shared 2-core
 * machine: compare ratios, not absolutes. Nothing here runs in `npm test`.
 */
import { printFigures } from "./figures.js";
import { SECTIONS } from "./sections/index.js";

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown section(s): ${unknown.join(", ")}; known: ${SECTIONS.map((s) => s.name).join(", ")}`,
  );
  process.exit(2);
}

let missed = 0;
for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  const started = Date.now();
  const figures = await section.run();
  missed += printFigures(section, figures);
  console.log(`(${section.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(missed === 0 ? "\nevery goal met" : `\n${missed} goal(s) missed`);
process.exitCode = missed === 0 ? 0 : 1;
