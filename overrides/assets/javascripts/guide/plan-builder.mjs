// The plan builder page: the server-rendered form, the engine in its worker, and the plan.
// Each job lives in its own module; this one only connects them to the page.
//
// The page's wording (status messages, notices, the error summary, the engine alert) is in the
// page itself, in data-text-* attributes and <template>s, written with the rest of plan.md.j2.
import { answersStore } from "./answers-store.mjs";
import { engineClient } from "./engine-client.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { untickConflicts } from "./exclusive-options.mjs";
import {
  questionElements,
  questionnaireVersion,
  readAnswers,
  writeAnswers,
} from "./form-answers.mjs";
import { showPlan, wirePlanActions } from "./plan-view.mjs";
import { forgetSharedAnswers, hasSharedAnswers, shareLink, sharedAnswers } from "./share-link.mjs";

const SLOW_START_MS = 10_000;

let stopPrevious = () => {};

/** Start the builder in `root` (Material's instant navigation may call this once per visit). */
export function startPlanBuilder(root) {
  stopPrevious();
  const lifetime = new AbortController();
  stopPrevious = () => lifetime.abort();
  new PlanBuilder(root, lifetime.signal).start();
}

class PlanBuilder {
  constructor(root, signal) {
    this.root = root;
    this.signal = signal;
    this.form = root.querySelector("[data-plan-form]");
    this.status = root.querySelector("[data-engine-status]");
    this.alert = root.querySelector("[data-engine-problem]");
    this.notice = root.querySelector("[data-answers-notice]");
    this.result = root.querySelector("[data-plan-result]");
    // The error summary goes first in the page's main content, above the page heading.
    this.main = root.closest("article") ?? document.querySelector("main") ?? root;
    this.store = answersStore(questionnaireVersion(this.form));
    this.latestRequest = 0;
    this.waitingForPlan = false; // a plan was asked for and is not on screen yet
    this.restarted = false; // the person restarted a failed engine
    this.slowStart = false;
  }

  start() {
    this.watch(engineClient());
    this.showStorageKind();
    this.wireForm();
    wirePlanActions(this.result, this.signal);
    const change = this.result.querySelector("[data-change-answers]");
    this.on(change, "click", () => this.changeAnswers());
    const remove = this.root.querySelector("[data-delete-answers]");
    this.on(remove, "click", () => this.deleteAnswers());
    this.on(window, "hashchange", () => hasSharedAnswers() && this.openSharedLink());
    if (hasSharedAnswers()) this.openSharedLink();
    else this.restoreSaved();
  }

  on(target, type, handler) {
    target.addEventListener(type, handler, { signal: this.signal });
  }

  // --- the engine --------------------------------------------------------------------------

  watch(engine) {
    this.engine = engine;
    this.on(engine, "state", () => this.engineChanged());
    clearTimeout(this.slowTimer);
    this.slowStart = false;
    if (engine.state === "loading") {
      this.slowTimer = setTimeout(() => {
        this.slowStart = true;
        if (!this.signal.aborted) this.showStatus();
      }, SLOW_START_MS);
    }
    this.engineChanged();
  }

  engineChanged() {
    if (!this.root.isConnected) return;
    this.showStatus();
    if (this.engine.state === "failed") {
      const { wasReady, message } = this.engine.detail;
      this.showProblem({ crashed: wasReady, detail: message });
    } else {
      this.alert.replaceChildren();
    }
    // A plan asked for when the engine failed is asked again once a restarted engine is ready.
    if (this.engine.state === "ready" && this.waitingForPlan && this.restarted) {
      this.restarted = false;
      this.buildPlan();
    }
  }

  showStatus() {
    const { state } = this.engine;
    let key = state;
    if (state === "loading" && this.waitingForPlan) key = "waiting";
    else if (state === "loading" && this.slowStart) key = "slow";
    this.status.textContent = this.status.dataset[`text${key[0].toUpperCase()}${key.slice(1)}`];
    this.status.dataset.state = state;
  }

  showProblem({ crashed, detail }) {
    const template = this.root.querySelector('template[data-template="engine-problem"]');
    const problem = template.content.firstElementChild.cloneNode(true);
    const heading = problem.querySelector("[data-problem-heading]");
    heading.textContent = crashed ? heading.dataset.textCrashed : heading.dataset.textNotStarted;
    problem.querySelector("[data-problem-detail]").textContent = detail ?? "";
    this.on(problem.querySelector("[data-restart]"), "click", () => this.restartEngine());
    this.alert.replaceChildren(problem);
  }

  restartEngine() {
    this.restarted = true;
    this.alert.replaceChildren();
    this.watch(engineClient({ restart: true }));
    this.status.focus(); // the button is gone: the status says what happens next
  }

  // --- the form ----------------------------------------------------------------------------

  wireForm() {
    this.on(this.form, "change", (event) => {
      untickConflicts(event.target);
      this.save();
    });
    this.on(this.form, "input", () => this.save());
    this.on(this.form, "submit", (event) => {
      event.preventDefault();
      this.notice.replaceChildren(); // earlier notices are about answers now being sent
      this.buildPlan();
    });
  }

  save(view = "form") {
    this.store.save(readAnswers(this.form), view);
  }

  async buildPlan() {
    const answers = readAnswers(this.form);
    this.store.save(answers, "form");
    const number = ++this.latestRequest;
    this.waitingForPlan = true;
    this.showStatus();
    if (this.engine.state === "failed") {
      this.alert.querySelector("[data-problem]")?.focus();
      return;
    }
    let response;
    try {
      response = await this.engine.request({ action: "plan", answers });
    } catch {
      return; // the engine failed: its alert says so, and a restart asks again
    }
    if (number !== this.latestRequest || !this.root.isConnected) return; // superseded
    this.waitingForPlan = false;
    this.showStatus();
    if (response.ok) {
      this.showPlanView(response, answers);
    } else if (response.errors) {
      this.showFormView();
      const template = this.template("error-summary");
      showErrors({ form: this.form, errors: response.errors, template, main: this.main });
    } else {
      this.showProblem({ crashed: true, detail: response.error });
    }
  }

  showPlanView(response, answers) {
    clearErrors({ form: this.form, main: this.main });
    const heading = showPlan(this.result, response, shareLink(answers));
    this.form.hidden = true;
    this.result.hidden = false;
    this.root.dataset.view = "plan";
    this.store.save(answers, "plan");
    heading.focus();
  }

  showFormView() {
    this.result.hidden = true;
    this.form.hidden = false;
    this.root.dataset.view = "form";
  }

  changeAnswers() {
    this.showFormView();
    this.save("form");
    this.root.querySelector("[data-form-heading]").focus();
  }

  template(name) {
    return this.root.querySelector(`template[data-template="${name}"]`);
  }

  // --- saved answers and share links -------------------------------------------------------

  showStorageKind() {
    const persistent = this.store.persistent;
    this.root.querySelector("[data-saved-persistent]").hidden = !persistent;
    this.root.querySelector("[data-saved-memory]").hidden = persistent;
  }

  restoreSaved() {
    // Anything answered before this script ran (a slow phone) wins over older saved answers.
    if (Object.values(readAnswers(this.form)).some(isAnswered)) {
      this.save();
      return;
    }
    const saved = this.store.load();
    if (saved.state === "unreadable") this.showNotice("textUnreadable");
    if (saved.state !== "current" && saved.state !== "stale") return;
    const notRestored = writeAnswers(this.form, saved.answers);
    if (saved.state === "stale") this.checkStaleAnswers(saved, notRestored);
    else if (saved.view === "plan") this.buildPlan();
  }

  /**
   * Answers saved under an older questionnaire: the engine says which no longer validate, and
   * those are removed (with a notice naming their questions) rather than trusted or crashed on.
   */
  async checkStaleAnswers(saved, notRestored) {
    const restored = readAnswers(this.form);
    let response;
    try {
      response = await this.engine.request({ action: "plan", answers: restored });
    } catch {
      return; // no engine: the answers stay, and the engine checks them when it can
    }
    if (!this.root.isConnected) return;
    const rejected = Object.keys(response.errors ?? {}).filter((id) => isAnswered(restored[id]));
    const current = readAnswers(this.form);
    const kept = { ...current };
    for (const id of rejected) {
      // Only what came from storage is removed, never what the person has typed since.
      if (JSON.stringify(current[id]) === JSON.stringify(restored[id])) delete kept[id];
    }
    writeAnswers(this.form, kept);
    this.save();
    const dropped = [...new Set([...notRestored, ...rejected])];
    if (dropped.length) {
      this.showNotice("textStale", this.questionLabels(dropped));
    } else if (saved.view === "plan") {
      this.buildPlan();
    }
  }

  questionLabels(ids) {
    const labels = [];
    let unknown = false;
    for (const id of ids) {
      const question = questionElements(this.form).find((q) => q.dataset.question === id);
      const label = question?.querySelector("legend, label");
      if (label) labels.push(label.textContent.trim());
      else unknown = true;
    }
    if (unknown) labels.push(this.notice.dataset.textRemovedQuestion);
    return labels;
  }

  openSharedLink() {
    const answers = sharedAnswers();
    forgetSharedAnswers(); // out of the address bar: a reload must not undo later changes
    if (answers === null) {
      this.showNotice("textBadLink");
      this.restoreSaved();
      return;
    }
    clearErrors({ form: this.form, main: this.main });
    writeAnswers(this.form, answers);
    this.save();
    this.buildPlan();
  }

  deleteAnswers() {
    this.store.clear();
    this.latestRequest++; // a plan still on its way is not shown
    this.waitingForPlan = false;
    writeAnswers(this.form, {});
    clearErrors({ form: this.form, main: this.main });
    this.showFormView();
    this.showStatus();
    this.showNotice("textDeleted");
  }

  showNotice(key, items = []) {
    const paragraph = document.createElement("p");
    paragraph.textContent = this.notice.dataset[key];
    const parts = [paragraph];
    if (items.length) {
      const list = document.createElement("ul");
      for (const item of items) list.appendChild(document.createElement("li")).textContent = item;
      parts.push(list);
    }
    this.notice.replaceChildren(...parts);
  }
}

function isAnswered(answer) {
  return Array.isArray(answer) ? answer.length > 0 : answer !== undefined && answer !== "";
}
