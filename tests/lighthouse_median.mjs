// Which of several Lighthouse runs of one page is its median run, chosen by Lighthouse's own
// rule (core/lib/median-run.js, as its docs/variability.md advises): the run closest to the
// median first contentful paint and the median time to interactive. Usage:
// node lighthouse_median.mjs REPORT.json... prints the chosen report's index (0-based).
import { readFileSync } from "node:fs";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

const runs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")));
console.log(runs.indexOf(computeMedianRun(runs)));
