// The engine worker's side of its conversation with the page; engine-client.mjs is the page's.
// The requests and the one shape of every reply are written down in guide_engine/web.py.
// Any worker that answers the page goes through here: the real one (engine-worker.mjs, Pyodide)
// and the tests' stand-in (tests/support/stand-in-worker.mjs, CPython behind a local endpoint),
// so both speak exactly the same protocol.
//
// `engine` is a promise of `respond` (guide_engine.web.respond, or a stand-in for it): JSON text
// in, JSON text (or a promise of it) out. Until it settles, requests wait: none is lost.

/** The id of the reply to the worker's own first ping: it says the engine started, or not. */
export const STARTED = 0;

/** Answer the page's requests with the `respond` that `engine` resolves to. */
export function serveEngine(engine) {
  const ask = async (request) => {
    try {
      const respond = await engine;
      return JSON.parse(await respond(JSON.stringify(request)));
    } catch (error) {
      // The engine never raises; this is Pyodide (or the stand-in) failing under it.
      return { ok: false, result: null, errors: {}, error: String(error?.message ?? error) };
    }
  };

  ask({ action: "ping" }).then((reply) => postMessage({ id: STARTED, reply }));

  onmessage = async ({ data: { id, request } }) => {
    postMessage({ id, reply: await ask(request) });
  };
}
