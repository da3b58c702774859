// The plan builder's engine: a module worker (Pyodide 314 refuses classic workers) that boots the
// self-hosted Pyodide with the engine wheel from the site's own lockfile. Every URL comes from
// import.meta.url, so the site works under any sub-path, and nothing is fetched from another host.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;

// The wheel downloads (sha256-checked against the lockfile) while Python boots.
const engine = loadPyodide({ indexURL, packages: ["guide-engine"] }).then((pyodide) =>
  pyodide.pyimport("guide_engine.web").respond,
);

function ask(respond, request) {
  return JSON.parse(respond(JSON.stringify(request)));
}

engine.then(
  (respond) => postMessage({ type: "ready", engine: ask(respond, { action: "ping" }) }),
  (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
);

// Requests that arrive while Pyodide boots wait for it: none is lost.
onmessage = async ({ data: { id, request } }) => {
  let response;
  try {
    response = ask(await engine, request);
  } catch (error) {
    response = { ok: false, error: String(error?.message ?? error) };
  }
  postMessage({ type: "response", id, response });
};
