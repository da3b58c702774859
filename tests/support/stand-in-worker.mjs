// The tests' stand-in for engine-worker.mjs, served in its place by tests/support/server.py (so
// its URL, and the protocol module beside it, are the site's own). The page and the protocol are
// the real ones; only the engine differs: guide_engine.web.respond run by CPython, behind a
// same-origin endpoint that only the test server answers. No Pyodide is loaded.
import { serveEngine } from "./engine-protocol.mjs";

const endpoint = new URL("../../../__stand-in-engine__", import.meta.url);

async function respond(requestText) {
  const reply = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: requestText,
  });
  if (!reply.ok) throw new Error(`The stand-in engine answered ${reply.status}.`);
  return reply.text();
}

serveEngine(Promise.resolve(respond));
