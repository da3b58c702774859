// How the plan builder and the diary page follow their one engine (engine-client.mjs): its
// state, a start that takes longer than SLOW_START_MS, why it failed, and a restart. Each page
// keeps these in its own state (the keys of ENGINE_STATE) and renders them from there; this
// module only updates them, through the page's `update`.
import { engineClient } from "./engine-client.mjs";
import { engineProblemBox } from "./page-messages.mjs";

const SLOW_START_MS = 10_000;

/** The engine's part of a page's state. */
export const ENGINE_STATE = Object.freeze({
  engine: "loading", // the engine client's state: "loading", "ready" or "failed"; "idle": not started
  slowStart: false, // still loading after SLOW_START_MS
  problem: null, // why the engine failed: {crashed, detail}
});

export class EngineWatch {
  #page;
  #slowTimer;
  /** The engine followed now (a new one after a restart). */
  engine = null;

  /**
   * `page` gives `state`, `update(changes)`, `on(target, type, handler)` (listeners that end
   * with the page) and `engineReady()`, called whenever the engine is ready, for work it owes.
   */
  constructor(page) {
    this.#page = page;
  }

  follow(engine = engineClient()) {
    this.engine = engine;
    this.#page.on(engine, "state", () => this.#changed());
    clearTimeout(this.#slowTimer);
    if (engine.state === "loading") {
      this.#slowTimer = setTimeout(() => this.#page.update({ slowStart: true }), SLOW_START_MS);
    }
    this.#changed();
  }

  restart() {
    this.#page.update({ problem: null, slowStart: false, focus: "status" }); // the button is gone
    this.follow(engineClient({ restart: true }));
  }

  /** The page's alert shows `problem` (nothing for null), its restart button wired. */
  renderProblem(alert, root, text, problem) {
    if (!problem) {
      alert.replaceChildren();
      return;
    }
    const box = engineProblemBox(root, text, problem);
    this.#page.on(box.querySelector("[data-restart]"), "click", () => this.restart());
    alert.replaceChildren(box);
  }

  #changed() {
    const { state, detail } = this.engine;
    const problem =
      state === "failed" ? { crashed: detail.wasReady, detail: detail.message } : null;
    const slowStart = state === "loading" && this.#page.state.slowStart;
    this.#page.update({ engine: state, problem, slowStart });
    if (state === "ready") this.#page.engineReady();
  }
}

/** Which status message a page's state calls for ("waiting": a request is owed an answer). */
export function engineStatus(state) {
  if (state.engine !== "loading") return state.engine;
  if (state.waiting) return "waiting";
  return state.slowStart ? "slow" : "loading";
}
