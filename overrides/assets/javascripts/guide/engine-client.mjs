// The page's side of the engine worker (engine-protocol.mjs is the worker's; the requests and
// the one shape of every reply are in guide_engine/web.py): one worker per page load, whatever
// Material's instant navigation does, with replies matched to requests by id, and requests
// queued until the engine is ready.
//
// The worker starts once the page has loaded, not before: its downloads and Python's start then
// no longer compete with the page's own first scripts and layout for the phone's processor and
// network (measured with Lighthouse: half the Total Blocking Time on the plan builder's page).
//
// States: "loading" -> "ready", or "failed" (could not start, crashed, or stopped answering).
// A failed engine rejects what it owed and every later request; `engineClient({restart: true})`
// replaces it with a fresh worker. Once ready, the document gets a "guide:engine-ready" event
// (detail: the ping's result), for page code that waits for the engine without using it.
import { STARTED } from "./engine-protocol.mjs";

export const ENGINE_READY_EVENT = "guide:engine-ready";

const workerURL = new URL("./engine-worker.mjs", import.meta.url);

// Once booted, the engine answers in milliseconds: this long without an answer means the worker
// died without an error event (browsers may kill a worker that runs out of memory silently).
const ANSWER_TIMEOUT_MS = 20_000;

let current = null;

export class EngineClient extends EventTarget {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #started; // resolves once the worker exists (or could not be made)
  state = "loading";
  detail = {};

  constructor() {
    super();
    this.#started = pageLoaded().then(() => this.#startWorker());
  }

  #startWorker() {
    if (this.state === "failed") return;
    try {
      this.#worker = new Worker(workerURL, { type: "module" });
    } catch (error) {
      // Browsers without module workers throw here; report it like any other failure.
      this.#fail(messageOf(error));
      return;
    }
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    // A worker that fails to load or crashes rejects what it owed and reports the failure.
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(event.message || "The plan builder's engine stopped unexpectedly.");
    };
  }

  #receive({ id, reply }) {
    if (this.state === "failed") return;
    if (id === STARTED) {
      if (!reply.ok) {
        this.#fail(reply.error);
        return;
      }
      this.#setState("ready", { engine: reply.result });
      for (const [pendingId, pending] of this.#pending) this.#startTimer(pendingId, pending);
      document.dispatchEvent(new CustomEvent(ENGINE_READY_EVENT, { detail: reply.result }));
      return;
    }
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    clearTimeout(pending?.timer);
    pending?.resolve(reply);
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

  /** Send a request; resolves with the engine's reply ({ok, result, errors, error}). */
  request(request) {
    if (this.state === "failed") return Promise.reject(new Error(this.detail?.message));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const pending = { resolve, reject, timer: undefined };
      this.#pending.set(id, pending);
      if (this.state === "ready") this.#startTimer(id, pending);
      this.#started.then(() => this.#worker?.postMessage({ id, request }));
    });
  }
}

/** Resolves once the page has loaded (at once if it has). */
function pageLoaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((loaded) => window.addEventListener("load", () => loaded(), { once: true }));
}

function messageOf(error) {
  return String(error?.message ?? error);
}

/** The page's engine, started on first use and reused; `restart` replaces a failed one. */
export function engineClient({ restart = false } = {}) {
  if (current === null || (restart && current.state === "failed")) current = new EngineClient();
  return current;
}
