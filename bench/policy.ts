/**
 * `npm run bench:policy`: the policy-pack section of `npm run bench` alone (bench/sections/policy.ts),
 * with the same table and exit status.
 */
import { printFigures } from "./figures.js";
import { policySection } from "./sections/policy.js";

const started = Date.now();
const missed = printFigures(policySection, await policySection.run());
console.log(`(${policySection.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(missed === 0 ? "\nevery goal met" : `\n${missed} goal(s) missed`);
process.exitCode = missed === 0 ? 0 : 1;
