// The page's side of the engine worker: one worker per page load, whatever Material's instant
// navigation does, with requests matched to responses by id and queued until the engine is ready.
//
// States: "loading" -> "ready", or "failed" (could not start, crashed, or stopped answering).
// A failed engine rejects what it owed and every later request; `engineClient({restart: true})`
// replaces it with a fresh worker.

const workerURL = new URL("./engine-worker.mjs", import.meta.url);

// Once booted, the engine answers in milliseconds: this long without an answer means the worker
// died without an error event (browsers may kill a worker that runs out of memory silently).
const ANSWER_TIMEOUT_MS = 20_000;

let current = null;

export class EngineClient extends EventTarget {
  #worker;
  #pending = new Map();
  #nextId = 1;
  state = "loading";
  detail = {};

  constructor() {
    super();
    try {
      this.#worker = new Worker(workerURL, { type: "module" });
    } catch (error) {
      // Browsers without module workers throw here; report it like any other failure.
      queueMicrotask(() => this.#fail(messageOf(error)));
      return;
    }
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    // A worker that fails to load or crashes rejects what it owed and reports the failure.
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(event.message || "The plan builder's engine stopped unexpectedly.");
    };
  }

  #receive(data) {
    if (this.state === "failed") return;
    if (data.type === "ready") {
      this.#setState("ready", { engine: data.engine });
      for (const [id, pending] of this.#pending) this.#startTimer(id, pending);
    } else if (data.type === "failed") {
      this.#fail(data.message);
    } else if (data.type === "response") {
      const pending = this.#pending.get(data.id);
      this.#pending.delete(data.id);
      clearTimeout(pending?.timer);
      pending?.resolve(data.response);
    }
  }

  #startTimer(id, pending) {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      if (this.#pending.has(id)) this.#fail("The plan builder's engine stopped answering.");
    }, ANSWER_TIMEOUT_MS);
  }

  #fail(message) {
    if (this.state === "failed") return;
    this.#setState("failed", { message, wasReady: this.state === "ready" });
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new Error(message));
    }
    this.#pending.clear();
    this.#worker?.terminate();
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
      const pending = { resolve, reject, timer: undefined };
      this.#pending.set(id, pending);
      if (this.state === "ready") this.#startTimer(id, pending);
      this.#worker.postMessage({ id, request });
    });
  }
}

function messageOf(error) {
  return String(error?.message ?? error);
}

/** The page's engine, started on first use and reused; `restart` replaces a failed one. */
export function engineClient({ restart = false } = {}) {
  if (current === null || (restart && current.state === "failed")) current = new EngineClient();
  return current;
}
