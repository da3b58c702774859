// The page's side of the engine worker: one worker per page load, whatever Material's instant
// navigation does, with requests matched to responses by id and queued until the engine is ready.

const workerURL = new URL("./engine-worker.mjs", import.meta.url);

let current = null;

export class EngineClient extends EventTarget {
  #worker;
  #pending = new Map();
  #nextId = 1;
  state = "loading";

  constructor() {
    super();
    this.#worker = new Worker(workerURL, { type: "module" });
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    // A worker that fails to load or crashes rejects what it owed and reports the failure.
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(event.message || "The plan builder's engine stopped unexpectedly.");
    };
  }

  #receive(data) {
    if (data.type === "ready") {
      this.#setState("ready", data.engine);
    } else if (data.type === "failed") {
      this.#fail(data.message);
    } else if (data.type === "response") {
      const pending = this.#pending.get(data.id);
      this.#pending.delete(data.id);
      pending?.resolve(data.response);
    }
  }

  #fail(message) {
    this.#setState("failed", { message });
    for (const { reject } of this.#pending.values()) reject(new Error(message));
    this.#pending.clear();
    this.#worker.terminate();
  }

  #setState(state, detail) {
    this.state = state;
    this.detail = detail;
    this.dispatchEvent(new CustomEvent("state", { detail: { state, ...detail } }));
  }

  /** Send a request; resolves with the engine's JSON response once the engine has booted. */
  request(request) {
    if (this.state === "failed") return Promise.reject(new Error(this.detail?.message));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request });
    });
  }
}

/** The page's engine, started on first use and reused afterwards; `restart` replaces a failed one. */
export function engineClient({ restart = false } = {}) {
  if (current === null || (restart && current.state === "failed")) current = new EngineClient();
  return current;
}
