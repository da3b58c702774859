// Runs the engine in real Pyodide under Node, from the very files the built site publishes
// (core, site lockfile, engine wheel), so a pass here means the browser gets the same engine.
// Usage: node run_engine.mjs <site>/assets/pyodide/  < requests.json  > responses.json
// stdin: a JSON list of request objects; stdout: a JSON list of the engine's raw response strings.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const bundleDir = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(bundleDir, "pyodide.mjs")).href);

// Node falls back to a CDN for packages it cannot find; fail loudly instead of reaching out.
globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const pyodide = await loadPyodide({ indexURL: bundleDir, packages: ["guide-engine"] });
const respond = pyodide.pyimport("guide_engine.web").respond;
const requests = JSON.parse(readFileSync(0, "utf8"));
const responses = requests.map((request) => respond(JSON.stringify(request)));
process.stdout.write(JSON.stringify({ python: pyodide.runPython("import sys; sys.version"), responses }));
