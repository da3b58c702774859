// Runs the engine in real Pyodide under Node, from the very files the built site publishes and
// the way its worker starts them (the site's engine-boot.mjs, the runtime named in the site's
// engine-worker.mjs), so a pass here means the browser gets the same engine on the same runtime.
// Usage: node run_engine.mjs <site>  < requests.json  > responses.json
// stdin: a JSON list of request texts; stdout: the engine's raw response strings, and what ran.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const site = path.resolve(process.argv[2]);
const workerFile = path.join(site, "assets/javascripts/guide/engine-worker.mjs");
const stamp = readFileSync(workerFile, "utf8").match(/\/\* @runtime \*\/ (.*?) \/\* @end \*\//s);
const runtime = JSON.parse(stamp[1]);
const fromWorker = (relative) => path.resolve(path.dirname(workerFile), relative);

// Node falls back to a CDN for packages it cannot find; fail loudly instead of reaching out.
globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const indexURL = fromWorker(runtime.indexURL) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const boot = pathToFileURL(path.join(path.dirname(workerFile), "engine-boot.mjs")).href;
const { startEngine } = await import(boot);
const { pyodide, respond } = await startEngine(loadPyodide, {
  indexURL,
  stdLibURL: fromWorker(runtime.stdLibURL),
  lockInfo: runtime.lockInfo,
  engine: readFileSync(fromWorker(runtime.engineURL)),
});
// Read stdin in chunks: readFileSync(0) fails (EAGAIN) on a large piped input.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const responses = requests.map((request) => respond(request));
const files = Object.fromEntries(
  ["json", "guide_engine.web"].map((name) => [name, pyodide.pyimport(name).__file__]),
);
const python = pyodide.pyimport("sys").version;
// Exit once written (Pyodide keeps Node's event loop alive; a pipe takes a while to drain).
process.stdout.write(JSON.stringify({ python, files, responses }), () => process.exit(0));
