// The engine worker's side of its conversation with the page (engine-client.mjs is the other
// side). Any worker that answers the page goes through here: the real one (engine-worker.mjs,
// Pyodide) and the tests' stand-in (tests/support/stand-in-worker.mjs, CPython behind a local
// endpoint), so both speak exactly the same protocol.
//
// `respond` is guide_engine.web.respond or a stand-in for it: JSON text in, JSON text (or a
// promise of it) out. Until `engine` settles, requests wait: none is lost.

/** Answer the page's requests with the `respond` that `engine` resolves to. */
export function serveEngine(engine) {
  const ask = async (request) => {
    const respond = await engine;
    return JSON.parse(await respond(JSON.stringify(request)));
  };

  ask({ action: "ping" }).then(
    (engineInfo) => postMessage({ type: "ready", engine: engineInfo }),
    (error) => postMessage({ type: "failed", message: messageOf(error) }),
  );

  onmessage = async ({ data: { id, request } }) => {
    let response;
    try {
      response = await ask(request);
    } catch (error) {
      response = { ok: false, error: messageOf(error) };
    }
    postMessage({ type: "response", id, response });
  };
}

function messageOf(error) {
  return String(error?.message ?? error);
}
